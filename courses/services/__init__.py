"""Writes of the courses app: the business rules of enrolling, studying, passing and certifying."""

from .certificates import certificate_issue, certificate_revoke
from .enrollment import enrollment_complete_if_done, enrollment_create, lesson_mark_done
from .publishing import course_publish_lessons
from .quiz import quiz_submit
from .trainers import course_trainer_add, course_trainer_add_author, course_trainer_remove

__all__ = [
    "certificate_issue",
    "certificate_revoke",
    "course_publish_lessons",
    "course_trainer_add",
    "course_trainer_add_author",
    "course_trainer_remove",
    "enrollment_complete_if_done",
    "enrollment_create",
    "lesson_mark_done",
    "quiz_submit",
]
