"""Writing tasks to the outbox and handing them to the broker (see the package's docstring)."""

import logging
from datetime import datetime, timedelta

from celery import current_app
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from kombu.exceptions import OperationalError

from .models import QueuedTask

logger = logging.getLogger(__name__)

# How long a published task may wait in the queue, and a claimed one may run, before the relay
# takes its message or its worker for lost. Longer than any queue wait and the task time limit.
QUEUED_LEASE = timedelta(minutes=30)
RUNNING_LEASE = timedelta(seconds=getattr(settings, "CELERY_TASK_TIME_LIMIT", 30 * 60) + 5 * 60)
# A row the committing request is publishing right now is left to it.
FRESH = timedelta(seconds=10)
KEEP_FINISHED = timedelta(days=7)
HEADER = "outbox_id"


def task_enqueue(
    task, *, args: list | tuple = (), kwargs: dict | None = None, eta: datetime | None = None, robust: bool = False
):
    """Keep `task` (a Celery task) with its JSON arguments, and publish it once this transaction
    commits (at once outside one). Returns the row. `robust`: in the zero-set-up run, where the task
    runs at commit, its error is logged rather than raised to the request (see on_commit)."""
    row = QueuedTask.objects.create(task=task.name, args=list(args), kwargs=kwargs or {}, not_before=eta)
    transaction.on_commit(lambda: task_publish(row), robust=robust)
    return row


def _task(name: str):
    """The registered task of that name; outside a worker, the apps' tasks modules may not all be
    imported yet (the relay's command), so they are, once."""
    if name not in current_app.tasks:
        current_app.loader.import_default_modules()
    return current_app.tasks[name]


def task_publish(row: QueuedTask) -> bool:
    """Hand one row to the broker; False (and the row left waiting for the relay) when the broker
    cannot be reached. In the zero-set-up run (eager) the task runs here."""
    task = _task(row.task)
    try:
        # No retry here (a request must not wait for a dead broker) and no result: the row is the
        # record, and a result backend on the same Redis would wait for it.
        task.apply_async(
            args=row.args,
            kwargs=row.kwargs,
            eta=row.not_before,
            headers={HEADER: row.pk},
            retry=False,
            ignore_result=True,
        )
    except OperationalError as error:
        logger.warning("Broker unreachable, task %s #%s waits in the outbox: %s", row.task, row.pk, error)
        return False
    QueuedTask.objects.filter(pk=row.pk).update(published_at=timezone.now())
    return True


def _lost(now: datetime) -> Q:
    due = Q(not_before__isnull=True) | Q(not_before__lte=now)
    waiting = Q(published_at__isnull=True, created_at__lt=now - FRESH) & due
    queued_too_long = Q(published_at__isnull=False, started_at__isnull=True, waited_since__lt=now - QUEUED_LEASE)
    running_too_long = Q(started_at__lt=now - RUNNING_LEASE)
    return Q(finished_at__isnull=True) & (waiting | queued_too_long | running_too_long)


def outbox_relay(*, now: datetime | None = None) -> int:
    """Publish the rows that wait or whose message or worker was lost; forget rows finished a week
    ago. Returns how many were published."""
    now = now or timezone.now()
    rows = (
        QueuedTask.objects.annotate(waited_since=Coalesce(F("not_before"), F("published_at")))
        .filter(_lost(now))
        .order_by("pk")
    )
    published = 0
    for row in rows.iterator():
        if row.started_at is not None:  # its worker died mid-task: the next one may claim it
            QueuedTask.objects.filter(pk=row.pk, started_at=row.started_at).update(started_at=None, worker="")
        published += task_publish(row)
    QueuedTask.objects.filter(finished_at__lt=now - KEEP_FINISHED).delete()
    return published


def task_received_by(*, headers: dict, worker: str) -> None:
    """The message of an outbox row reached `worker` (a message without the header: not ours)."""
    outbox_id = headers.get(HEADER)
    if outbox_id:
        QueuedTask.objects.filter(pk=int(outbox_id), finished_at__isnull=True, started_at__isnull=True).update(
            worker=worker
        )


def _running_key(worker: str) -> str:
    return f"kompeten:outbox:running:{worker}"


def worker_stopped(*, worker: str) -> None:
    """A clean stop (warm shutdown): nothing of this worker's is left in between."""
    cache.delete(_running_key(worker))


def worker_recover(*, worker: str, now: datetime | None = None) -> int:
    """A worker named `worker` starts: what its previous run received or claimed and did not finish
    was cut off (the worker was killed), so it is published again now. If that run did not stop
    cleanly, a message may also have left Redis for it in the instant before the row could name it
    (it stays unacknowledged for hours): every row published and not yet taken is published again
    too; a copy whose row is finished, or running elsewhere, is skipped. Returns how many."""
    now = now or timezone.now()
    unclean = cache.get(_running_key(worker)) is not None
    cache.set(_running_key(worker), now.isoformat(), None)
    rows = QueuedTask.objects.filter(worker=worker, finished_at__isnull=True)
    if unclean:
        rows = rows | QueuedTask.objects.filter(
            finished_at__isnull=True, started_at__isnull=True, worker="", published_at__isnull=False
        )
    recovered = 0
    for row in rows.order_by("pk"):
        QueuedTask.objects.filter(pk=row.pk).update(started_at=None, worker="")
        recovered += task_publish(row)
    if recovered:
        logger.warning("Worker %s restarted: %s interrupted task(s) published again", worker, recovered)
    return recovered
