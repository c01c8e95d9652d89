"""Retention: every app's purge of old personal data, run with the periods of settings (UU 27/2022).

Each app owns its purge; the shell only knows the periods (KOMPETEN_RETENTION_DAYS) and runs them in
order, each in its own transaction, so one that fails leaves the ones before it done. Run daily by
`manage.py retention` or its Celery task (beat "Hapus data pribadi yang melewati masa simpan").
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class _DryRun(Exception):
    """Raised inside a purge's transaction to roll it back after counting."""


def _import_files(before: datetime.datetime, dry_run: bool) -> int:
    from appraisal_link.services.retention import import_files_purge

    # Files cannot be rolled back: this purge counts by itself on a dry run.
    return import_files_purge(before=before, dry_run=dry_run)


def _import_errors(before: datetime.datetime) -> int:
    from appraisal_link.services.retention import import_errors_purge

    return import_errors_purge(before=before)


def _notifications(before: datetime.datetime) -> int:
    from portal.notifications.retention import notifications_purge

    return notifications_purge(before=before)


def _survey_concerns(before: datetime.datetime) -> int:
    from portal.change.services.retention import survey_concerns_purge

    return survey_concerns_purge(before=timezone.localdate(before))


def _audit(before: datetime.datetime) -> int:
    from portal.audit.services import audit_purge

    return audit_purge(before=before)


@dataclass(frozen=True)
class Purge:
    """One kind of data: its key in KOMPETEN_RETENTION_DAYS, what it is, and the app's purge."""

    key: str
    label: Promise
    run: Callable[..., int]
    # A purge that deletes files takes `dry_run` itself; the others are rolled back to count.
    handles_dry_run: bool = False


PURGES = [
    Purge("import_files", _("Berkas impor penilaian yang diunggah"), _import_files, handles_dry_run=True),
    Purge("import_errors", _("Daftar kesalahan impor penilaian"), _import_errors),
    Purge("notifications", _("Notifikasi"), _notifications),
    Purge("survey_concerns", _("Jawaban bebas (kekhawatiran) survei denyut"), _survey_concerns),
    Purge("audit", _("Catatan audit"), _audit),
]


@dataclass(frozen=True)
class PurgeResult:
    key: str
    label: str
    days: int
    before: datetime.datetime
    count: int


def _run_one(purge: Purge, *, before: datetime.datetime, dry_run: bool) -> int:
    if purge.handles_dry_run:
        with transaction.atomic():
            return purge.run(before, dry_run)
    count = 0
    try:
        with transaction.atomic():
            count = purge.run(before)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return count


def retention_run(*, now: datetime.datetime | None = None, dry_run: bool = False) -> list[PurgeResult]:
    """Run every purge with its cut-off (`now` minus the period in settings) and return what each
    removed, or with `dry_run` would remove, changing nothing. Idempotent: a second run the same day
    finds nothing more."""
    now = now or timezone.now()
    days = settings.KOMPETEN_RETENTION_DAYS
    results = []
    for purge in PURGES:
        before = now - datetime.timedelta(days=days[purge.key])
        count = _run_one(purge, before=before, dry_run=dry_run)
        results.append(PurgeResult(purge.key, str(purge.label), days[purge.key], before, count))
    return results
