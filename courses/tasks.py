"""Thin Celery tasks of the courses app."""

from celery import shared_task

from portal.outbox.task import OutboxTask


@shared_task(base=OutboxTask)
def certificate_issue_task(enrollment_id: int) -> str:
    """Issue the certificate of a just-completed enrolment (idempotent)."""
    from .services import certificate_issue

    return certificate_issue(enrollment_id=enrollment_id).code
