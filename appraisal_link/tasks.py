"""Thin Celery tasks of the appraisal_link app: they take ids and call a service."""

from celery import shared_task

from portal.outbox.task import OutboxTask


@shared_task(base=OutboxTask)
def appraisal_import_task(import_id: int) -> str:
    """Import the uploaded file of an AppraisalImport job; returns the job's final status."""
    from .services.import_jobs import appraisal_import_run

    return appraisal_import_run(import_id=import_id).status


@shared_task
def assignment_reminders_task() -> dict:
    """Send today's training reminders (beat: "Pengingat tenggat pelatihan"); idempotent."""
    from .services.reminders import assignment_reminders_run

    return assignment_reminders_run()


@shared_task
def supervisor_digest_task() -> dict:
    """Send this week's digest to every supervisor (beat: "Ringkasan mingguan atasan"); once a week."""
    from .services.digest import supervisor_digest_run

    return supervisor_digest_run()
