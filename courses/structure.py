"""What a course page and its lessons show that is the same for every learner (the live lessons,
the prerequisites, the competencies, the cover image), kept in the cache (issue #15).

Checked against the public pages' version (portal/page_cache.py), which every page saved,
published, unpublished, moved or deleted bumps (a lesson, the course, a prerequisite), and so does
a change to a competency or an image: a published change shows at once. Half an hour bounds the rest.
"""

import uuid

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from portal.page_cache import content_kept

from .models import CoursePage, LessonPage

COVER = "fill-480x270"  # the cover's rendition on the course page and in the catalog


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
    competency), `cover` (the image or None, its rendition read with it) and a `key` of this
    reading, of a published course: from the cache, or read (five queries at most) and kept."""
    return content_kept(
        f"kompeten:course:{course.pk}",
        lambda: {
            "key": uuid.uuid4().hex,  # new with every reading: names what the templates render from it
            "lessons": lessons_of(course),
            "prerequisites": list(course.prerequisites.order_by("title")),
            "competencies": list(course.competencies.select_related("competency").order_by("sort_order")),
            "cover": cover_of(course),
        },
    )


def cover_of(course: CoursePage):
    """The course's cover image with its `COVER` rendition read with it (Wagtail's prefetched
    renditions), so that a course page built from the kept structure renders it without a round trip
    to the renditions' cache (`cover_rendition`); the rendition is made first if the image has none yet."""
    if course.cover_image_id is None:
        return None
    images = get_image_model().objects.prefetch_renditions(COVER)
    image = images.filter(pk=course.cover_image_id).first()
    if image is not None and not image.find_existing_renditions(Filter(COVER)):
        image.get_rendition(COVER)
        image = images.filter(pk=course.cover_image_id).first()
    return image


def cover_rendition(image):
    """The `COVER` rendition of a cover read by `cover_of`, from the renditions read with it: no
    round trip (Wagtail's `get_rendition` would still write it to the renditions' cache each time)."""
    if image is None:
        return None
    try:
        return image.find_existing_rendition(Filter(COVER))
    except image.get_rendition_model().DoesNotExist:
        return image.get_rendition(COVER)
