"""Thin Celery tasks of the competency app."""

from celery import shared_task

from portal.outbox.task import OutboxTask


@shared_task(base=OutboxTask)
def gaps_recompute_task(employee_ids: list[int] | None = None, position_ids: list[int] | None = None) -> dict:
    """Recompute standard gaps: of these employees, of everyone in these positions, or (neither
    given) of every employee, e.g. nightly from a beat schedule."""
    from .services import gaps_recompute

    return gaps_recompute(employee_ids=employee_ids, position_ids=position_ids)
