"""Writes that e-mail notifications: render them in the person's language and hand them to the backend.

Called by the task with a batch of ids. Each notification is marked sent as soon as its message
left, so a retry after an outage mails only the ones still pending.
"""

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.people.language import language_of

from .models import EmailStatus, Notification
from .quiet_hours import WIB
from .recipients import emailable

# The server refused this one message or address; the connection is still good for the others.
MESSAGE_REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def absolute_url(path: str) -> str:
    """The public address of a site path, from WAGTAILADMIN_BASE_URL (the portal's public URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notification_email_message(*, notification: Notification) -> EmailMultiAlternatives:
    """The e-mail of one notification: plain text and HTML, in the language the person chose
    (portal.people.language; Indonesian unless they chose English)."""
    user = notification.user
    path = notification.safe_url or reverse("notifications:list")
    context = {
        "notification": notification,
        "name": user.get_full_name() or user.username,
        "link": absolute_url(path),
        "preferences_link": absolute_url(reverse("notifications:preferences")),
    }
    # A worker has no request: the person's language and the city's clock, never a leftover one.
    with translation.override(language_of(user)), timezone.override(WIB):
        context["title"], context["body"] = notification.title_display(), notification.body_display()
        context["kind_label"] = notification.get_kind_display()
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + context["title"]
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("notifications/email/notification.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
        message.attach_alternative(render_to_string("notifications/email/notification.html", context), "text/html")
    return message


def notification_emails_send(*, notification_ids: list[int]) -> int:
    """E-mail those of `notification_ids` still pending; returns how many left.

    Who is e-mailed is decided again now (portal.notifications.recipients), since the person may have
    been deactivated or turned e-mail off while the message waited for the morning. A refused
    address does not hold back the rest of the batch, but the error is raised at the end so that
    the task retries what is still pending. A connection failure is raised at once. The in-app
    notification is never touched here.
    """
    notifications = list(
        Notification.objects.filter(pk__in=notification_ids, email_status=EmailStatus.PENDING)
        .select_related("user", "user__wagtail_userprofile")
        .order_by("pk")
    )
    if not notifications:
        return 0
    wanted = {
        (user_id, kind)
        for kind in {n.kind for n in notifications}
        for user_id in emailable(user_ids={n.user_id for n in notifications if n.kind == kind}, kind=kind)
    }
    unwanted = {n.pk for n in notifications if (n.user_id, n.kind) not in wanted}
    if unwanted:
        Notification.objects.filter(pk__in=unwanted).update(email_status=EmailStatus.NONE)
    notifications = [n for n in notifications if n.pk not in unwanted]
    if not notifications:
        return 0

    sent = 0
    refused: Exception | None = None
    with get_connection() as connection:
        for notification in notifications:
            try:
                connection.send_messages([notification_email_message(notification=notification)])
            except MESSAGE_REFUSED as exc:
                refused = refused or exc
                continue
            Notification.objects.filter(pk=notification.pk, email_status=EmailStatus.PENDING).update(
                email_status=EmailStatus.SENT, emailed_at=timezone.now()
            )
            sent += 1
    if refused is not None:
        raise refused
    return sent


def notification_emails_mark_failed(*, notification_ids: list[int]) -> int:
    """After the last retry: the e-mails still pending failed. The notifications stay in the app."""
    return Notification.objects.filter(pk__in=notification_ids, email_status=EmailStatus.PENDING).update(
        email_status=EmailStatus.FAILED
    )
