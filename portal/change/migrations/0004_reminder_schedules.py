"""The schedules of the change hub's reminders: sosialisasi tomorrow, and pulse surveys open or closing.

Created and removed by the notifications core (`portal.notifications.schedules`): idempotent, and a
schedule HR changed is left as HR set it.
"""

from django.db import migrations

from portal.notifications.schedules import schedules_operation


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


class Migration(migrations.Migration):
    dependencies = [
        ("change", "0003_adkar_survey"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [schedules_operation(SCHEDULES)]
