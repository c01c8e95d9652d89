"""What a course page and its lessons show that is the same for every learner (the live lessons,
the prerequisites, the competencies, the cover image), kept in the cache (issue #15).

Checked against the public pages' version (portal/page_cache.py), which every page saved,
published, unpublished, moved or deleted bumps (a lesson, the course, a prerequisite), and so does
a change to a competency or an image: a published change shows at once. Half an hour bounds the rest.
"""

import uuid

from portal.page_cache import content_kept

from .models import CoursePage, LessonPage


def lessons_of(course: CoursePage) -> list[LessonPage]:
    """The course's live lessons in order (the fields the pages' lesson lists use)."""
    if course.pk is None:  # a new course, being previewed before its first save
        return []
    return list(
        LessonPage.objects.child_of(course)
        .live()
        .order_by("path")
        .only("id", "title", "slug", "url_path", "path", "depth", "minutes", "scorm_package_id")
    )


def course_structure(course: CoursePage) -> dict:
    """`lessons`, `prerequisites` (every one, by title, with `live`), `competencies` (with their
    competency), `cover` (the image or None) and a `key` of this reading, of a published course:
    from the cache, or read (four queries at most) and kept."""
    return content_kept(
        f"kompeten:course:{course.pk}",
        lambda: {
            "key": uuid.uuid4().hex,  # new with every reading: names what the templates render from it
            "lessons": lessons_of(course),
            "prerequisites": list(course.prerequisites.order_by("title")),
            "competencies": list(course.competencies.select_related("competency").order_by("sort_order")),
            "cover": course.cover_image,
        },
    )
