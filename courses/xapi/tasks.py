"""Thin Celery tasks of the xAPI app."""

from celery import shared_task
from django.conf import settings

from portal.outbox.task import OutboxTask


class StatementTask(OutboxTask):
    """Marks the statement as failed once every retry is spent (it stays in HR's log)."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        from .services import statement_give_up

        statement_id = (kwargs or {}).get("statement_id") or (args[0] if args else None)
        if statement_id:
            statement_give_up(statement_id=statement_id, error=str(exc))


@shared_task(bind=True, base=StatementTask, max_retries=8)
def xapi_send_task(self, statement_id: str) -> str:
    """Send one statement; an LRS that cannot take it now is tried again with a growing wait."""
    from .services import LrsUnavailable, statement_send

    try:
        return statement_send(statement_id=statement_id)
    except LrsUnavailable as error:
        if self.request.retries >= self.max_retries:
            raise
        wait = min(3600, settings.XAPI_RETRY_SECONDS * 2**self.request.retries)
        raise self.retry(exc=error, countdown=wait) from error
