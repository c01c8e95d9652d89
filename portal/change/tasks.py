"""Thin Celery tasks of the change hub: each calls a service (scheduled by beat, so they take no arguments)."""

from celery import shared_task


@shared_task
def event_reminders_task() -> dict:
    """Remind the registrants of tomorrow's sosialisasi (beat: "Pengingat acara sosialisasi"); idempotent."""
    from .services.notifying import event_reminders_run

    return event_reminders_run()


@shared_task
def survey_reminders_task() -> dict:
    """Tell everyone a pulse survey is open, and who has not answered that it closes soon (beat:
    "Pengingat survei denyut"); idempotent."""
    from .services.notifying import survey_reminders_run

    return survey_reminders_run()
