"""A learner's course and lesson pages, their content kept per person, and the catalog's, kept
once for all (issue #15).

What a course or lesson page shows a learner comes from the course (its lessons, prerequisites,
competencies, cover, settings: the public pages' version, bumped by any page published, moved or
deleted) and from the learner's own records (enrolments, progress, quiz attempts, certificates:
their version in `portal.people.learner_kept`). Their content is kept under both
(`portal.kept_html`, which puts each request's CSRF token into the enrol, "mark done" and quiz
forms), so a learner who comes back to a page gets it without a query or a template. Nothing on
them moves with time alone; `SECONDS` bounds a change made in SQL by hand.

Kept only for a person with an employee record, and never for a preview or a SCORM lesson (its
player is configured per request).
"""

from django.template.loader import render_to_string

from portal.kept_html import kept_html
from portal.page_cache import VERSION_KEY as PAGES_VERSION_KEY
from portal.people import learner_kept
from portal.people.access import employee_for

from .models import CoursePage, LessonPage
from .selectors import catalog_asked, catalog_context, course_context, lesson_context, own_enrollment

CATALOG_CONTENT = "courses/_catalog_content.html"
COURSE_CONTENT = "courses/_course_content.html"
LESSON_CONTENT = "courses/_lesson_content.html"
SECONDS = 300
NOT_ENROLLED = "not-enrolled"


def course_content(request, *, course: CoursePage, context: dict) -> str | None:
    """The course page's content for the logged-in learner, kept or built with `context` (the
    page's own); None for someone without an employee record (the page builds it as before)."""
    employee = employee_for(request.user)
    if employee is None:
        return None

    def build(overrides: dict) -> dict:
        full = {**context, **course_context(course=course, user=request.user), **overrides}
        return {"html": render_to_string(COURSE_CONTENT, full, request)}

    key = f"course:{course.pk}:{request.user.pk}:{employee.pk}"
    return kept_html(request, key=key, versions=learner_kept.page_versions(employee.pk), build=build, seconds=SECONDS)[
        "html"
    ]


def lesson_content(request, *, lesson: LessonPage, course: CoursePage) -> dict:
    """{"state": the lesson's state for the logged-in learner ("open", "done", "locked", or
    `NOT_ENROLLED`), "html": its content, None unless open or done}. Whether they are enrolled is
    kept too: an enrolment renews their version."""
    employee = employee_for(request.user)
    if employee is None:
        return {"state": NOT_ENROLLED, "html": None}

    def build(overrides: dict) -> dict:
        enrollment = own_enrollment(request.user, course)
        if enrollment is None:
            return {"state": NOT_ENROLLED, "html": None}
        context = lesson_context(lesson=lesson, course=course, enrollment=enrollment)
        if context["state"] == "locked":
            return {"state": "locked", "html": None}
        context.update({"page": lesson, "self": lesson, "request": request, **overrides})
        return {"state": context["state"], "html": render_to_string(LESSON_CONTENT, context, request)}

    key = f"lesson:{lesson.pk}:{request.user.pk}:{employee.pk}"
    return kept_html(request, key=key, versions=learner_kept.page_versions(employee.pk), build=build, seconds=SECONDS)


def catalog_content(request, *, context: dict) -> str:
    """The catalog's content (the filters and a page of results): nothing in it is personal, so it
    is kept once for everyone who asks the same, until the content changes."""

    def build(overrides: dict) -> dict:
        full = {**context, **catalog_context(params=request.GET), **overrides}
        return {"html": render_to_string(CATALOG_CONTENT, full, request)}

    key = f"catalog:{catalog_asked(request.GET)}"
    return kept_html(request, key=key, versions=(PAGES_VERSION_KEY,), build=build, seconds=SECONDS)["html"]
