"""Writes of the courses app: the business rules of enrolling, studying, passing and certifying."""

from .certificates import certificate_issue, certificate_revoke
from .enrollment import enrollment_complete_if_done, enrollment_create, lesson_mark_done
from .quiz import quiz_submit

__all__ = [
    "certificate_issue",
    "certificate_revoke",
    "enrollment_complete_if_done",
    "enrollment_create",
    "lesson_mark_done",
    "quiz_submit",
]
