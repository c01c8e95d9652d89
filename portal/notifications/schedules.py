"""Beat schedules written by data migrations: each app lists its own, this creates and removes them.

Kept in the database (django-celery-beat), so HR can see and change them in the admin. Creating is
idempotent: a schedule that exists (by name) is left as HR set it. Both functions take the
migration's historical `apps`, so they stay valid whatever the models become later.
"""

from django.db import migrations
from django.utils import timezone

TIMEZONE = "Asia/Jakarta"


def _crontab_fields(minute: str, hour: str, day_of_week: str) -> dict:
    return {
        "minute": minute,
        "hour": hour,
        "day_of_week": day_of_week,
        "day_of_month": "*",
        "month_of_year": "*",
        "timezone": TIMEZONE,
    }


def _schedule_changed(apps) -> None:
    # A running beat reloads its schedule when this changes (the model's signals do not fire here).
    apps.get_model("django_celery_beat", "PeriodicTasks").objects.update_or_create(
        ident=1, defaults={"last_update": timezone.now()}
    )


def schedules_create(apps, schedules: list[tuple]) -> None:
    """Create the periodic tasks of `schedules`: (name, task, (minute, hour, day_of_week),
    expire_seconds, description) each, times in WIB."""
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, (minute, hour, day_of_week), expire_seconds, description in schedules:
        if PeriodicTask.objects.filter(name=name).exists():
            continue
        fields = _crontab_fields(minute, hour, day_of_week)
        crontab = CrontabSchedule.objects.filter(**fields).first() or CrontabSchedule.objects.create(**fields)
        PeriodicTask.objects.create(
            name=name,
            task=task,
            crontab=crontab,
            args="[]",
            kwargs="{}",
            enabled=True,
            expire_seconds=expire_seconds,
            description=description,
        )
    _schedule_changed(apps)


def schedules_remove(apps, schedules: list[tuple]) -> None:
    """Remove the periodic tasks of `schedules`, and their crontabs when no other task uses them."""
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[schedule[0] for schedule in schedules]).delete()
    for _name, _task, (minute, hour, day_of_week), _expiry, _description in schedules:
        # Only our crontabs, and only when no other task (one HR made) still uses them.
        CrontabSchedule.objects.filter(**_crontab_fields(minute, hour, day_of_week), periodictask__isnull=True).delete()
    _schedule_changed(apps)


def schedules_operation(schedules: list[tuple]) -> migrations.RunPython:
    """The data-migration operation that creates `schedules` and, reversed, removes them."""

    def create(apps, schema_editor):
        schedules_create(apps, schedules)

    def remove(apps, schema_editor):
        schedules_remove(apps, schedules)

    return migrations.RunPython(create, remove)
