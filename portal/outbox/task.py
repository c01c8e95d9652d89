"""The Celery base class of tasks run through the outbox: claim the row, run, mark it finished."""

import logging
from datetime import datetime, timedelta

from celery import Task
from celery.exceptions import Retry
from django.db import InterfaceError, OperationalError
from django.db.models import F
from django.utils import timezone

from .models import QueuedTask
from .services import HEADER

logger = logging.getLogger(__name__)

# What goes away on its own (the database restarting, a full disk, a network cut): the row is
# published again later, with a growing wait, rather than failed for good.
INFRASTRUCTURE = (OperationalError, InterfaceError, OSError)
MAX_ATTEMPTS = 12
MAX_WAIT = timedelta(hours=1)


def _outbox_id(request) -> int | None:
    value = getattr(request, HEADER, None) or (getattr(request, "headers", None) or {}).get(HEADER)
    return int(value) if value else None


class OutboxTask(Task):
    """A task whose message may come twice (the relay, a restarted worker): a row finished, or
    running on another worker, is not run again, and each run leaves who ran it and when, so that a
    killed run can be found."""

    def __call__(self, *args, **kwargs):
        outbox_id = _outbox_id(self.request)
        if outbox_id is None:  # called directly, or from beat
            return super().__call__(*args, **kwargs)
        claimed = QueuedTask.objects.filter(pk=outbox_id, finished_at__isnull=True, started_at__isnull=True).update(
            started_at=timezone.now(), worker=self.request.hostname or "", attempts=F("attempts") + 1
        )
        if not claimed:
            return None
        try:
            result = super().__call__(*args, **kwargs)
        except Retry as retry:
            QueuedTask.objects.filter(pk=outbox_id).update(started_at=None, worker="", not_before=_when(retry))
            raise
        except Exception as error:
            exhausted = bool(getattr(self, "autoretry_for", ())) and self.request.retries >= (self.max_retries or 0)
            if isinstance(error, INFRASTRUCTURE) and not exhausted:
                _later(outbox_id, self.name, error)
            else:
                _finish(outbox_id, failed=True)
            raise
        _finish(outbox_id, failed=False)
        return result


def _when(retry: Retry) -> datetime | None:
    if isinstance(retry.when, datetime):
        return retry.when
    if isinstance(retry.when, int | float):
        return timezone.now() + timedelta(seconds=retry.when)
    return None


def _later(outbox_id: int, name: str, error: Exception) -> None:
    attempts = QueuedTask.objects.filter(pk=outbox_id).values_list("attempts", flat=True).first() or 1
    if attempts >= MAX_ATTEMPTS:
        logger.error("Task %s #%s failed %s times, given up: %r", name, outbox_id, attempts, error)
        _finish(outbox_id, failed=True)
        return
    wait = min(timedelta(minutes=2 ** (attempts - 1)), MAX_WAIT)
    logger.error("Task %s #%s failed (%r); it runs again in %s", name, outbox_id, error, wait)
    QueuedTask.objects.filter(pk=outbox_id).update(
        started_at=None, worker="", published_at=None, not_before=timezone.now() + wait
    )


def _finish(outbox_id: int, *, failed: bool) -> None:
    QueuedTask.objects.filter(pk=outbox_id).update(finished_at=timezone.now(), failed=failed)
