"""The outbox's relay, every minute: publishes the tasks that wait after a broker outage or whose
worker was killed (portal.outbox)."""

from django.db import migrations
from django.utils import timezone

# name, task, crontab (minute, hour, day_of_week), expire_seconds, description.
SCHEDULES = [
    (
        "Kirim ulang tugas latar yang tertunda",
        "portal.tasks.outbox_relay_task",
        ("*", "*", "*"),
        50,
        "Setiap menit: tugas latar yang belum sampai ke antrean (Redis mati) atau terputus (pekerja mati) "
        "dikirim lagi. Jangan dimatikan.",
    ),
]


# Frozen copy of the schedule helpers as they were when this migration was written: a migration
# must behave the same whatever the live code becomes. Created schedules are idempotent (one that
# exists by name is left as HR set it); times are in WIB.
TIMEZONE = "Asia/Jakarta"


def _crontab_fields(minute, hour, day_of_week):
    return {
        "minute": minute,
        "hour": hour,
        "day_of_week": day_of_week,
        "day_of_month": "*",
        "month_of_year": "*",
        "timezone": TIMEZONE,
    }


def _schedule_changed(apps):
    # A running beat reloads its schedule when this changes (the model's signals do not fire here).
    apps.get_model("django_celery_beat", "PeriodicTasks").objects.update_or_create(
        ident=1, defaults={"last_update": timezone.now()}
    )


def create_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, (minute, hour, day_of_week), expire_seconds, description in SCHEDULES:
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


def remove_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[schedule[0] for schedule in SCHEDULES]).delete()
    for _name, _task, (minute, hour, day_of_week), _expiry, _description in SCHEDULES:
        # Only these crontabs, and only when no other task (one HR made) still uses them.
        CrontabSchedule.objects.filter(**_crontab_fields(minute, hour, day_of_week), periodictask__isnull=True).delete()
    _schedule_changed(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_queued_task"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
