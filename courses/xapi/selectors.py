"""Reads of the xAPI statement log."""

from django.db.models import Count

from .models import Statement


def statement_log(*, status: str | None = None):
    """The statements, newest first, with their employee (one query a page)."""
    rows = Statement.objects.select_related("employee").order_by("-created_at")
    return rows.filter(status=status) if status else rows


def statement_counts() -> dict[str, int]:
    counts = dict(Statement.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in Statement.Status.values}


def failed_ids(*, limit: int = 1000) -> list[str]:
    rows = Statement.objects.filter(status=Statement.Status.FAILED).order_by("created_at")
    return [str(pk) for pk in rows.values_list("pk", flat=True)[:limit]]
