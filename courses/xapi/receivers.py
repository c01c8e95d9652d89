"""Each learning event records its statement (services.statement_record), in the event's transaction."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from courses.models import LessonProgress, QuizAttempt
from courses.signals import enrollment_completed

from . import statements
from .services import lrs_configured, statement_record


def _pages(row):
    lesson = row.lesson.specific if hasattr(row, "lesson") else None
    course = row.enrollment.course
    return lesson, course


@receiver(post_save, sender=LessonProgress, dispatch_uid="xapi_lesson_completed")
def lesson_completed(sender, instance, created, raw=False, **kwargs):
    if not created or raw or not lrs_configured():
        return
    lesson, course = _pages(instance)
    body = statements.lesson_completed(instance, lesson=lesson, course=course)
    statement_record(
        body=body,
        event=f"lesson:{instance.pk}",
        employee_id=instance.enrollment.employee_id,
        verb="completed",
        object_name=lesson.title,
    )


@receiver(post_save, sender=QuizAttempt, dispatch_uid="xapi_quiz_attempted")
def quiz_attempted(sender, instance, created, raw=False, **kwargs):
    if not created or raw or not lrs_configured():
        return
    lesson, course = _pages(instance)
    body = statements.quiz_attempted(instance, lesson=lesson, course=course)
    statement_record(
        body=body,
        event=f"quiz:{instance.pk}",
        employee_id=instance.enrollment.employee_id,
        verb=body["verb"]["display"]["en-US"],
        object_name=f"{lesson.title} (kuis)",
    )


@receiver(enrollment_completed, dispatch_uid="xapi_course_completed")
def course_completed(sender, enrollment, **kwargs):
    if not lrs_configured():
        return
    course = enrollment.course
    body = statements.course_completed(enrollment, course=course)
    statement_record(
        body=body,
        event=f"course:{enrollment.pk}",
        employee_id=enrollment.employee_id,
        verb="completed",
        object_name=course.title,
    )
