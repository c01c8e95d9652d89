"""The schedules of the change hub's reminders: sosialisasi tomorrow, and pulse surveys open or closing.

Kept in the database (django-celery-beat), so HR can see and change them in the admin. Idempotent:
a schedule that exists (by name) is left as HR set it; reversing removes them.
"""

from django.db import migrations
from django.utils import timezone

TIMEZONE = "Asia/Jakarta"

# name, task, crontab (minute, hour, day_of_week), expire_seconds, description.
# A run that waited in the queue longer than its expiry is dropped: the next one computes the same
# from the data, so a worker back after an outage does not run a backlog of identical jobs.
SCHEDULES = [
    (
        "Pengingat acara sosialisasi",
        "portal.change.tasks.event_reminders_task",
        ("0", "7", "*"),
        20 * 60 * 60,
        "Setiap hari 07.00 WIB: pengingat bagi pendaftar acara sosialisasi yang dimulai besok.",
    ),
    (
        "Pengingat survei denyut",
        "portal.change.tasks.survey_reminders_task",
        ("15", "7", "*"),
        20 * 60 * 60,
        "Setiap hari 07.15 WIB: pemberitahuan survei denyut yang dibuka, dan pengingat bagi yang belum "
        "mengisi dua hari sebelum survei ditutup.",
    ),
]


def create_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for name, task, (minute, hour, day_of_week), expire_seconds, description in SCHEDULES:
        if PeriodicTask.objects.filter(name=name).exists():
            continue
        fields = {
            "minute": minute,
            "hour": hour,
            "day_of_week": day_of_week,
            "day_of_month": "*",
            "month_of_year": "*",
            "timezone": TIMEZONE,
        }
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
    # A running beat reloads its schedule when this changes (the model's signals do not fire here).
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    PeriodicTask.objects.filter(name__in=[schedule[0] for schedule in SCHEDULES]).delete()
    for _name, _task, (minute, hour, day_of_week), _expiry, _description in SCHEDULES:
        # Only our crontabs, and only when no other task (one HR made) still uses them.
        CrontabSchedule.objects.filter(
            minute=minute,
            hour=hour,
            day_of_week=day_of_week,
            day_of_month="*",
            month_of_year="*",
            timezone=TIMEZONE,
            periodictask__isnull=True,
        ).delete()
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


class Migration(migrations.Migration):
    dependencies = [
        ("change", "0003_adkar_survey"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
