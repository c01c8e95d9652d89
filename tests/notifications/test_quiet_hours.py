"""No e-mail at night: between 21:00 and 07:00 WIB a notification's e-mail waits for 07:00."""

from datetime import datetime

import pytest

from portal.notifications.models import EmailStatus, Kind, Notification
from portal.notifications.quiet_hours import WIB, email_send_time
from portal.notifications.services import Draft, notify, notify_many
from portal.notifications.tasks import notification_email_task

pytestmark = pytest.mark.django_db


def wib(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=WIB)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (wib(10, 20, 59), None),
        (wib(10, 21, 0), wib(11, 7)),
        (wib(10, 23, 59), wib(11, 7)),
        (wib(11, 3, 0), wib(11, 7)),
        (wib(11, 6, 59), wib(11, 7)),
        (wib(11, 7, 0), None),
        (wib(11, 12, 0), None),
    ],
    ids=["20:59", "21:00", "23:59", "03:00", "06:59", "07:00", "12:00"],
)
def test_email_send_time(now, expected):
    assert email_send_time(now) == expected


def test_the_clock_is_read_in_wib_whatever_the_input_zone():
    # 15:30 UTC is 22:30 WIB: quiet; the next morning is 07:00 WIB = 00:00 UTC.
    from datetime import UTC

    answer = email_send_time(datetime(2026, 6, 10, 15, 30, tzinfo=UTC))
    assert answer == wib(11, 7)
    assert answer.utcoffset().total_seconds() == 7 * 3600


def test_the_bounds_are_hrs_settings():
    from portal.pages.models import PortalSettings

    row = PortalSettings.load()
    row.quiet_start, row.quiet_end = 22, 6
    row.save()
    assert email_send_time(wib(10, 21, 30)) is None
    assert email_send_time(wib(10, 22, 0)) == wib(11, 6)
    assert email_send_time(wib(11, 6, 0)) is None


@pytest.mark.django_db
def test_a_notification_at_night_is_emailed_at_seven(pegawai, published_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(
            user=pegawai, kind=Kind.CERTIFICATE_ISSUED, key="certificate:9", title="Sertifikat terbit", now=wib(10, 22)
        )
    assert notification.email_status == EmailStatus.PENDING
    [task] = published_tasks
    assert task["task"] == notification_email_task.name
    assert task["args"] == [[notification.pk]]
    assert datetime.fromisoformat(task["eta"]) == wib(11, 7)
    # Waiting for the morning, the notification is already in the app.
    assert Notification.objects.filter(user=pegawai, read_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_a_notification_by_day_is_emailed_at_once(pegawai, published_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=pegawai, kind=Kind.CERTIFICATE_ISSUED, key="certificate:9", title="Sertifikat", now=wib(10, 9))
    [task] = published_tasks
    assert task["eta"] is None


@pytest.mark.django_db
def test_a_night_run_of_reminders_waits_too(make_person, published_tasks, django_capture_on_commit_callbacks):
    users = [make_person() for _ in range(3)]
    drafts = [Draft(user_id=u.pk, kind=Kind.DEADLINE_1D, key="assignment:3", title="Tenggat besok") for u in users]
    with django_capture_on_commit_callbacks(execute=True):
        created = notify_many(drafts=drafts, now=wib(11, 2))
    [task] = published_tasks  # one task for the batch, not one per notification
    assert sorted(task["args"][0]) == sorted(n.pk for n in created)
    assert datetime.fromisoformat(task["eta"]) == wib(11, 7)
