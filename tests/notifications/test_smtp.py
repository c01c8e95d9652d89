"""E-mail through a real SMTP server on this machine: a refusal or an outage is retried, not lost."""

import smtplib

import pytest
from celery.signals import task_retry

from portal.notifications.emailing import notification_emails_send
from portal.notifications.models import EmailStatus, Kind, Notification
from portal.notifications.services import notify
from portal.notifications.tasks import notification_email_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def retries():
    """The retries the task asks for, each with the error and the delay it waits.

    Run eagerly, a task retries at once instead of after its countdown; a retry is run with the
    app's default for raising, so errors are kept in the result rather than raised, as a worker does.
    """
    from portal.celery import app

    saved = app.conf.task_eager_propagates
    app.conf.update(CELERY_TASK_EAGER_PROPAGATES=False)
    seen = []

    def record(sender=None, reason=None, **kwargs):
        seen.append(reason)

    task_retry.connect(record, sender=notification_email_task, weak=False)
    yield seen
    task_retry.disconnect(record, sender=notification_email_task)
    app.conf.update(CELERY_TASK_EAGER_PROPAGATES=saved)


def certificate_for(user, django_capture_on_commit_callbacks, execute):
    with django_capture_on_commit_callbacks(execute=execute):
        return notify(
            user=user,
            kind=Kind.CERTIFICATE_ISSUED,
            key="certificate:1",
            title="Sertifikat Literasi Data terbit",
            body="Unduh sertifikat Anda di dasbor.",
            url="/dasbor/",
        )


def test_a_refused_message_stays_pending_and_goes_on_the_next_attempt(
    pegawai, smtp_server, django_capture_on_commit_callbacks
):
    sink = smtp_server(refuse=1)
    notification = certificate_for(pegawai, django_capture_on_commit_callbacks, execute=False)

    with pytest.raises(smtplib.SMTPDataError):
        notification_emails_send(notification_ids=[notification.pk])
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.PENDING
    assert sink.messages == []
    assert Notification.objects.filter(user=pegawai, read_at__isnull=True).count() == 1

    assert notification_emails_send(notification_ids=[notification.pk]) == 1
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENT and notification.emailed_at is not None
    [envelope] = sink.messages
    assert envelope.rcpt_tos == [pegawai.email]
    content = envelope.content.decode()
    assert "Sertifikat Literasi Data terbit" in content and "text/html" in content
    # A third delivery of the same task (at-least-once) mails nothing again.
    assert notification_emails_send(notification_ids=[notification.pk]) == 0
    assert sink.attempts == 2


def test_the_task_retries_with_backoff_until_the_server_accepts(
    pegawai, smtp_server, retries, django_capture_on_commit_callbacks
):
    sink = smtp_server(refuse=2)
    notification = certificate_for(pegawai, django_capture_on_commit_callbacks, execute=False)

    # Run as a worker would, retries included (eagerly here: the waits are not slept).
    result = notification_email_task.apply(args=[[notification.pk]])
    assert result.get() == 1
    assert len(retries) == 2
    assert all(isinstance(retry.exc, smtplib.SMTPDataError) for retry in retries)
    # Exponential backoff from 30 s, with jitter: each wait is at most 30 s, 60 s, ….
    assert [retry.when <= 30 * 2**n for n, retry in enumerate(retries)] == [True, True]
    assert sink.attempts == 3 and len(sink.messages) == 1
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENT


def test_a_server_that_is_down_is_retried_and_the_notification_kept(
    pegawai, smtp_settings, smtp_server, retries, django_capture_on_commit_callbacks
):
    notification = certificate_for(pegawai, django_capture_on_commit_callbacks, execute=False)

    # Nothing listens on the port: the connection is refused, the e-mail stays pending.
    with pytest.raises(ConnectionRefusedError):
        notification_emails_send(notification_ids=[notification.pk])
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.PENDING

    # The task retries (here eagerly, in a worker after 30 s, 60 s, …) and gives up after the last.
    result = notification_email_task.apply(args=[[notification.pk]])
    assert result.failed() and isinstance(result.result, ConnectionRefusedError)
    assert len(retries) == notification_email_task.max_retries
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.FAILED
    assert Notification.objects.filter(pk=notification.pk, read_at__isnull=True).exists()


def test_a_server_back_up_gets_what_waited(pegawai, smtp_server, retries, django_capture_on_commit_callbacks):
    notification = certificate_for(pegawai, django_capture_on_commit_callbacks, execute=False)
    with pytest.raises(ConnectionRefusedError):
        notification_emails_send(notification_ids=[notification.pk])
    sink = smtp_server()
    assert notification_email_task.apply(args=[[notification.pk]]).get() == 1
    assert len(sink.messages) == 1
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENT


def test_one_refused_address_does_not_hold_back_the_batch(make_person, smtp_server, django_capture_on_commit_callbacks):
    sink = smtp_server(refuse=1)
    users = [make_person() for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=False):
        ids = [notify(user=u, kind=Kind.OVERDUE, key="assignment:5", title="Terlambat").pk for u in users]
    with pytest.raises(smtplib.SMTPDataError):
        notification_emails_send(notification_ids=ids)
    assert len(sink.messages) == 2
    assert notification_emails_send(notification_ids=ids) == 1
    assert set(Notification.objects.values_list("email_status", flat=True)) == {EmailStatus.SENT}


def test_the_daily_sweep_sends_again_what_failed_after_every_retry(
    pegawai, make_person, smtp_server, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    from portal.notifications.services import failed_emails_retry

    recent = certificate_for(pegawai, django_capture_on_commit_callbacks, execute=False)
    old = certificate_for(make_person(), django_capture_on_commit_callbacks, execute=False)
    Notification.objects.filter(pk__in=[recent.pk, old.pk]).update(email_status=EmailStatus.FAILED)
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=5))

    sink = smtp_server()  # the outage is over
    with django_capture_on_commit_callbacks(execute=True):
        assert failed_emails_retry() == 1
    assert [message.rcpt_tos for message in sink.messages] == [[pegawai.email]]
    statuses = dict(Notification.objects.values_list("pk", "email_status"))
    assert statuses == {recent.pk: EmailStatus.SENT, old.pk: EmailStatus.FAILED}
