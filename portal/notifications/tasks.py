"""Thin Celery tasks of the notifications app."""

import smtplib

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(
    bind=True,
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
