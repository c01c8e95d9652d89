"""Retention: old import files, error lists and notifications go; the rest and recent data stay."""

import datetime
import io
import os

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from appraisal_link.models import AppraisalImport
from appraisal_link.services.retention import import_errors_purge, import_files_purge
from portal.notifications.models import Kind, Notification
from portal.notifications.retention import notifications_purge
from portal.tasks import retention_task

NOW = timezone.now()
PROBLEM = {"row": 3, "column": "nip", "value": "199204202019031001", "message": "NIP tidak dikenal.", "level": "error"}


def _job(*, days_old: int, status=AppraisalImport.Status.DONE) -> AppraisalImport:
    job = AppraisalImport(original_name="skp-2026.xlsx", status=status, created_count=12, errors=[PROBLEM])
    job.file.save("berkas.xlsx", ContentFile(b"NIP,nama\n199204202019031001,Siti Aminah\n"), save=False)
    job.save()
    AppraisalImport.objects.filter(pk=job.pk).update(created_at=NOW - datetime.timedelta(days=days_old))
    return job


def test_old_import_files_are_deleted_and_the_job_keeps_a_note(media_root, db):
    old, recent = _job(days_old=91), _job(days_old=10)
    running = _job(days_old=200, status=AppraisalImport.Status.RUNNING)
    old_path, recent_path = old.file.path, recent.file.path

    assert import_files_purge(before=NOW - datetime.timedelta(days=90), dry_run=True) == 1
    assert os.path.exists(old_path)
    assert import_files_purge(before=NOW - datetime.timedelta(days=90)) == 1

    assert not os.path.exists(old_path) and os.path.exists(recent_path)
    old.refresh_from_db()
    assert not old.file and old.file_removed_at is not None
    assert old.created_count == 12 and old.original_name == "skp-2026.xlsx"
    running.refresh_from_db()
    assert running.file and running.file_removed_at is None
    assert import_files_purge(before=NOW - datetime.timedelta(days=90)) == 0


def test_old_error_lists_are_emptied_and_the_job_page_says_so(client, hr_with_mfa, media_root):
    old, recent = _job(days_old=100), _job(days_old=1)

    assert import_errors_purge(before=NOW - datetime.timedelta(days=90)) == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.errors == [] and old.errors_removed_at is not None
    assert recent.errors == [PROBLEM]
    client.force_login(hr_with_mfa)
    html = client.get(reverse("appraisal_import_job", args=[old.pk])).content.decode()
    assert 'data-testid="errors-removed"' in html
    assert "199204202019031001" not in client.get(reverse("appraisal_import_errors", args=[old.pk])).content.decode()


def test_notifications_older_than_the_period_go_read_or_unread(pegawai):
    def notify(key, *, days_old, read):
        created = NOW - datetime.timedelta(days=days_old)
        return Notification.objects.create(
            user=pegawai, kind=Kind.OVERDUE, key=key, title=key, created_at=created, read_at=created if read else None
        )

    notify("lama-dibaca", days_old=400, read=True)
    notify("lama-belum-dibaca", days_old=400, read=False)
    notify("baru", days_old=30, read=False)

    assert notifications_purge(before=NOW - datetime.timedelta(days=365)) == 2
    assert list(Notification.objects.values_list("key", flat=True)) == ["baru"]


@pytest.fixture
def old_data(pegawai, media_root):
    _job(days_old=120)
    Notification.objects.create(
        user=pegawai, kind=Kind.OVERDUE, key="lama", title="lama", created_at=NOW - datetime.timedelta(days=500)
    )


def test_command_dry_run_counts_and_changes_nothing(old_data):
    out = io.StringIO()
    call_command("retention", "--dry-run", stdout=out)

    text = out.getvalue()
    assert "Berkas impor penilaian yang diunggah: 1 akan dihapus (lebih lama dari 90 hari" in text
    assert "Notifikasi: 1 akan dihapus" in text
    assert "tidak ada yang diubah" in text
    assert Notification.objects.count() == 1
    job = AppraisalImport.objects.get()
    assert job.file and job.errors and job.file_removed_at is None


def test_command_purges_with_the_periods_of_settings(old_data, settings):
    settings.KOMPETEN_RETENTION_DAYS = {**settings.KOMPETEN_RETENTION_DAYS, "import_files": 200}
    out = io.StringIO()
    call_command("retention", stdout=out)

    job = AppraisalImport.objects.get()
    assert job.file and job.file_removed_at is None  # 120 days old, kept for 200
    assert job.errors == [] and job.errors_removed_at is not None
    assert not Notification.objects.exists()
    assert "Notifikasi: 1 dihapus" in out.getvalue()


def test_the_task_runs_the_purges_and_is_scheduled_daily_at_two(old_data):
    counts = retention_task.delay().get()

    assert counts["notifications"] == 1 and counts["import_files"] == 1
    assert set(counts) == {"import_files", "import_errors", "notifications", "survey_concerns", "audit"}
    schedule = PeriodicTask.objects.get(task="portal.tasks.retention_task")
    assert schedule.enabled
    assert (schedule.crontab.hour, schedule.crontab.minute, str(schedule.crontab.timezone)) == (
        "2",
        "0",
        "Asia/Jakarta",
    )
