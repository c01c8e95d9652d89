"""Thin Celery tasks of the notifications app."""

import smtplib

from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from portal.outbox.task import OutboxTask

from .emailing import notification_emails_mark_failed, notification_emails_send

# What a refusing SMTP server or an outage raises (socket errors are OSErrors): worth retrying,
# never worth losing the message.
SMTP_ERRORS = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)


@shared_task(
    bind=True,
    base=OutboxTask,
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=8,
)
def email_send_task(self, *, subject: str, body: str, from_email: str, to: list[str], html: str | None = None) -> int:
    """Send one e-mail; an SMTP outage is retried with backoff rather than lost."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


class NotificationEmailTask(OutboxTask):
    """Marks the e-mails of a batch as failed once every retry is spent (the in-app rows stay)."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        ids = kwargs.get("notification_ids") if kwargs else None
        if ids is None and args:
            ids = args[0]
        if ids:
            notification_emails_mark_failed(notification_ids=ids)


@shared_task(
    bind=True,
    base=NotificationEmailTask,
    autoretry_for=SMTP_ERRORS,
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=8,
)
def notification_email_task(self, notification_ids: list[int]) -> int:
    """E-mail the notifications of one batch that still wait for it; returns how many were sent."""
    return notification_emails_send(notification_ids=notification_ids)


@shared_task
def failed_emails_retry_task() -> int:
    """Daily: queue again the e-mails that failed after every retry (see the service)."""
    from .services import failed_emails_retry

    return failed_emails_retry()
