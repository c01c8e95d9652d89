"""Each learning event records its statement (services.statement_record), in the event's transaction."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from courses.models import LessonProgress, QuizAttempt
from courses.signals import enrollment_completed

from . import statements
from .services import lrs_configured, statement_record


def _record(body: dict, *, event: str, employee_id: int, object_name: str) -> None:
    verb = body["verb"]["display"]["en-US"]
    statement_record(body=body, event=event, employee_id=employee_id, verb=verb, object_name=object_name)


def _learning(row, build, event: str, suffix: str = "") -> None:
    """A lesson's event (a lesson done, a quiz attempt): its statement, with the course as parent."""
    lesson, course = row.lesson.specific, row.enrollment.course
    body = build(row, lesson=lesson, course=course)
    _record(body, event=f"{event}:{row.pk}", employee_id=row.enrollment.employee_id, object_name=lesson.title + suffix)


@receiver(post_save, sender=LessonProgress, dispatch_uid="xapi_lesson_completed")
def lesson_completed(sender, instance, created, raw=False, **kwargs):
    if created and not raw and lrs_configured():
        _learning(instance, statements.lesson_completed, "lesson")


@receiver(post_save, sender=QuizAttempt, dispatch_uid="xapi_quiz_attempted")
def quiz_attempted(sender, instance, created, raw=False, **kwargs):
    if created and not raw and lrs_configured():
        _learning(instance, statements.quiz_attempted, "quiz", " (kuis)")


@receiver(enrollment_completed, dispatch_uid="xapi_course_completed")
def course_completed(sender, enrollment, **kwargs):
    if lrs_configured():
        body = statements.course_completed(enrollment, course=enrollment.course)
        _record(
            body,
            event=f"course:{enrollment.pk}",
            employee_id=enrollment.employee_id,
            object_name=enrollment.course.title,
        )
