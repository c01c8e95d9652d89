"""Writes of the notifications app: e-mail leaves through a Celery task after commit."""

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction

from .tasks import email_send_task


def email_enqueue(*, message: EmailMessage) -> None:
    """Send an already rendered message from a worker, once the current transaction commits.

    A rolled-back request therefore never mails anyone, and a slow SMTP server never slows a page.
    """
    html = None
    if isinstance(message, EmailMultiAlternatives):
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), None)
    payload = {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "html": html,
    }
    transaction.on_commit(lambda: email_send_task.delay(**payload))
