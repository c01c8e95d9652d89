"""The schedules of the training reminders, the supervisors' digest and the nightly gap recompute.

Created and removed by the notifications core (`portal.notifications.schedules`): idempotent, and a
schedule HR changed is left as HR set it.
"""

from django.db import migrations

from portal.notifications.schedules import schedules_operation

DAY = 24 * 60 * 60

# name, task, crontab (minute, hour, day_of_week), expire_seconds, description.
# A run that waited in the queue longer than its expiry is dropped: the next one computes the same
# from the data, so a worker back after an outage does not run a backlog of identical jobs.
SCHEDULES = [
    (
        "Pengingat tenggat pelatihan",
        "appraisal_link.tasks.assignment_reminders_task",
        ("0", "6", "*"),
        20 * 60 * 60,
        "Setiap hari 06.00 WIB: pengingat tenggat 7 hari dan 1 hari, pelatihan terlambat, "
        "dan pemberitahuan ke atasan setelah terlambat 3 hari.",
    ),
    (
        "Ringkasan mingguan atasan",
        "appraisal_link.tasks.supervisor_digest_task",
        ("30", "6", "1"),
        6 * DAY,
        "Setiap Senin 06.30 WIB: ringkasan tim untuk atasan (pelatihan terlambat, kesenjangan "
        "terbuka dan tertutup, JP di bawah target).",
    ),
    (
        "Hitung ulang kesenjangan kompetensi",
        "competency.tasks.gaps_recompute_task",
        ("0", "1", "*"),
        20 * 60 * 60,
        "Setiap malam 01.00 WIB: kesenjangan standar jabatan dihitung ulang untuk semua pegawai.",
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("appraisal_link", "0003_default_mapping"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [schedules_operation(SCHEDULES)]
