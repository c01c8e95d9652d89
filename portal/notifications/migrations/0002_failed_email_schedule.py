"""The schedule of the daily sweep that queues again the e-mails that failed after every retry."""

from django.db import migrations

from portal.notifications.schedules import schedules_operation

# name, task, crontab (minute, hour, day_of_week), expire_seconds, description.
SCHEDULES = [
    (
        "Kirim ulang e-mail notifikasi yang gagal",
        "portal.notifications.tasks.failed_emails_retry_task",
        ("30", "7", "*"),
        20 * 60 * 60,
        "Setiap hari 07.30 WIB: e-mail notifikasi yang gagal terkirim setelah semua percobaan dikirim ulang "
        "(untuk notifikasi tiga hari terakhir).",
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_notifications"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [schedules_operation(SCHEDULES)]
