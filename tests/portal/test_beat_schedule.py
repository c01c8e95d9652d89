"""The schedules exist after migrate, enabled, in WIB, and each names a task the worker knows."""

import pytest
from django_celery_beat.models import PeriodicTask

from portal.celery import app

SCHEDULES = {
    # name: (task, minute, hour, day_of_week)
    "Pengingat tenggat pelatihan": ("appraisal_link.tasks.assignment_reminders_task", "0", "6", "*"),
    "Ringkasan mingguan atasan": ("appraisal_link.tasks.supervisor_digest_task", "30", "6", "1"),
    "Hitung ulang kesenjangan kompetensi": ("competency.tasks.gaps_recompute_task", "0", "1", "*"),
    "Pengingat acara sosialisasi": ("portal.change.tasks.event_reminders_task", "0", "7", "*"),
    "Pengingat survei denyut": ("portal.change.tasks.survey_reminders_task", "15", "7", "*"),
    "Kirim ulang e-mail notifikasi yang gagal": ("portal.notifications.tasks.failed_emails_retry_task", "30", "7", "*"),
    "Kesenjangan dari survei kepuasan": ("appraisal_link.feedback.tasks.survey_gaps_task", "30", "2", "*"),
    "Pengingat umpan balik rekan": ("appraisal_link.feedback.tasks.peer_deadline_task", "45", "7", "*"),
    "Kirim ulang tugas latar yang tertunda": ("portal.tasks.outbox_relay_task", "*", "*", "*"),
}


def registered_tasks() -> set[str]:
    app.loader.import_default_modules()  # autodiscovery: every app's tasks module
    return set(app.tasks)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(SCHEDULES))
def test_the_schedule_exists_after_migrate(name):
    task, minute, hour, day_of_week = SCHEDULES[name]
    periodic = PeriodicTask.objects.select_related("crontab").get(name=name)
    assert periodic.enabled
    assert periodic.task == task
    assert periodic.crontab is not None
    crontab = periodic.crontab
    assert (crontab.minute, crontab.hour, crontab.day_of_week) == (minute, hour, day_of_week)
    assert (crontab.day_of_month, crontab.month_of_year) == ("*", "*")
    assert str(crontab.timezone) == "Asia/Jakarta"
    assert periodic.task in registered_tasks()
    assert periodic.description


@pytest.mark.django_db
def test_every_scheduled_task_is_registered():
    known = registered_tasks()
    assert PeriodicTask.objects.exists()
    for periodic in PeriodicTask.objects.all():
        assert periodic.task in known, periodic.task


@pytest.mark.django_db
def test_the_migration_is_idempotent_and_reversible():
    from importlib import import_module

    from django.apps import apps

    from portal.notifications.schedules import schedules_create, schedules_remove

    migration = import_module("appraisal_link.migrations.0004_beat_schedules")
    periodic = PeriodicTask.objects.get(name="Pengingat tenggat pelatihan")
    periodic.crontab.hour = "5"  # HR moved it: running the migration again keeps HR's choice
    periodic.crontab.save()
    schedules_create(apps, migration.SCHEDULES)
    assert PeriodicTask.objects.get(name="Pengingat tenggat pelatihan").crontab.hour == "5"
    schedules_remove(apps, migration.SCHEDULES)
    assert not PeriodicTask.objects.filter(name__in=[s[0] for s in migration.SCHEDULES]).exists()
    schedules_create(apps, migration.SCHEDULES)
    assert PeriodicTask.objects.filter(name__in=[s[0] for s in migration.SCHEDULES]).count() == 3
