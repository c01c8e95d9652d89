"""The schedule of the nightly retention run (the shell's task, named here only by its path)."""

from django.db import migrations

from portal.notifications.schedules import schedules_operation

# name, task, crontab (minute, hour, day_of_week), expire_seconds, description.
SCHEDULES = [
    (
        "Hapus data pribadi yang melewati masa simpan",
        "portal.tasks.retention_task",
        ("0", "2", "*"),
        20 * 60 * 60,
        "Setiap hari 02.00 WIB: berkas dan daftar kesalahan impor, notifikasi, jawaban bebas survei denyut "
        "dan catatan audit yang melewati masa simpan (KOMPETEN_RETENTION_DAYS) dihapus.",
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_failed_email_schedule"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [schedules_operation(SCHEDULES)]
