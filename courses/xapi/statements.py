"""The xAPI 1.0.3 statements of the portal's learning events (pure: built from what the event has)."""

import uuid

from django.conf import settings

VERSION = "1.0.3"
# The namespace of the statement ids: an event's id is the same each time it is built.
NAMESPACE = uuid.UUID("3f6c1f5e-8a63-4b53-9d0e-6a7f2a1c9b40")
VERBS = {
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "menyelesaikan", "completed"),
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "lulus", "passed"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "tidak lulus", "failed"),
}
COURSE = "http://adlnet.gov/expapi/activities/course"
LESSON = "http://adlnet.gov/expapi/activities/lesson"
ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
ATTEMPT = "http://id.tincanapi.com/extension/attempt-id"


def home_page() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def statement_id(event: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{home_page()}|{event}")


def page_iri(page) -> str:
    """The page's address on the portal, the activity's IRI."""
    return page.get_full_url() or f"{home_page()}{page.url_path}"


def activity(page, kind: str, *, iri: str | None = None) -> dict:
    return {
        "objectType": "Activity",
        "id": iri or page_iri(page),
        "definition": {"type": kind, "name": {"id-ID": page.title}},
    }


def statement(*, event: str, employee_id: int, verb: str, target: dict, when, result=None, parent=None) -> dict:
    """A whole statement. The actor is the employee's account on the portal (its number there, never a
    name or an e-mail address)."""
    verb_id, indonesian, english = VERBS[verb]
    body = {
        "id": str(statement_id(event)),
        "actor": {"objectType": "Agent", "account": {"homePage": home_page(), "name": str(employee_id)}},
        "verb": {"id": verb_id, "display": {"id-ID": indonesian, "en-US": english}},
        "object": target,
        "context": {"platform": "Kompeten", "language": "id-ID"},
        "timestamp": when.isoformat(),
    }
    if parent is not None:
        body["context"]["contextActivities"] = {"parent": [parent]}
    if result is not None:
        body["result"] = result
    return body


def lesson_completed(progress, *, lesson, course) -> dict:
    return statement(
        event=f"lesson:{progress.pk}",
        employee_id=progress.enrollment.employee_id,
        verb="completed",
        target=activity(lesson, LESSON),
        when=progress.completed_at,
        result={"completion": True},
        parent=activity(course, COURSE),
    )


def quiz_attempted(attempt, *, lesson, course) -> dict:
    result = {
        "score": {"scaled": attempt.score / 100, "raw": attempt.score, "min": 0, "max": 100},
        "success": attempt.passed,
        "completion": True,
        "extensions": {ATTEMPT: attempt.number},
    }
    return statement(
        event=f"quiz:{attempt.pk}",
        employee_id=attempt.enrollment.employee_id,
        verb="passed" if attempt.passed else "failed",
        target=activity(lesson, ASSESSMENT, iri=f"{page_iri(lesson)}#kuis"),
        when=attempt.submitted_at,
        result=result,
        parent=activity(course, COURSE),
    )


def course_completed(enrollment, *, course) -> dict:
    result = {"completion": True}
    if enrollment.final_score is not None:
        score = enrollment.final_score
        result["score"] = {"scaled": score / 100, "raw": score, "min": 0, "max": 100}
    return statement(
        event=f"course:{enrollment.pk}",
        employee_id=enrollment.employee_id,
        verb="completed",
        target=activity(course, COURSE),
        when=enrollment.completed_at,
        result=result,
    )
