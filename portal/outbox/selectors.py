"""Reading the outbox: how far behind the background work is (for /healthz and monitoring)."""

from datetime import timedelta

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import QueuedTask

# A task due longer ago than this and not yet started is late: the relay publishes every minute and
# a worker takes a task within seconds, so it means no worker is running (or all are stuck).
LATE = timedelta(minutes=15)


def outbox_state(*, now=None) -> dict:
    """Counts of the rows not finished, of those late (due over LATE ago, not started) and of the
    failed ones kept (7 days); `ok` is False while any is late. One query."""
    now = now or timezone.now()
    unfinished = Q(finished_at__isnull=True)
    counts = QueuedTask.objects.alias(due=Coalesce("not_before", "created_at")).aggregate(
        waiting=Count("pk", filter=unfinished),
        late=Count("pk", filter=unfinished & Q(started_at__isnull=True, due__lt=now - LATE)),
        failed=Count("pk", filter=Q(failed=True)),
    )
    return {"ok": counts["late"] == 0, **counts}
