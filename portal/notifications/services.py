"""Writes of the notifications app.

Other apps' services call `notify` (one event) or `notify_many` (a scheduled run) inside their own
transaction, at the moment the event happens. The in-app row is written in that transaction; its
e-mail leaves from a Celery task once the transaction commits, never at night.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from portal.outbox.services import task_enqueue

from .bulk import notifications_insert_new, notifications_insert_same, recipients_source
from .emailing import notification_emails_mark_failed, notification_emails_send  # noqa: F401 (re-exported)
from .models import EmailPreference, EmailStatus, Kind, Notification
from .quiet_hours import email_send_time
from .recipients import emailable
from .tasks import email_send_task, notification_email_task
from .texts import split
from .unread import unread_changed

# Rows per query of a bulk run: small enough for SQLite's parameter limit, large enough to be fast.
BATCH_SIZE = 1000
# Notifications per e-mail task: one SMTP connection each. A retry sends only those still pending,
# so a large batch loses nothing; it keeps a city-wide event from queueing thousands of tasks.
EMAIL_BATCH_SIZE = 500
# How long after a notification its failed e-mail is still tried again by the daily sweep.
FAILED_RETRY_WINDOW = timedelta(days=3)


@dataclass(frozen=True)
class Draft:
    """A notification to create in bulk (see `notify_many`); the fields are those of Notification."""

    user_id: int
    kind: str
    key: str
    title: str | dict  # plain text, or a stored-text source (portal.stored_text)
    body: str | dict = ""
    url: str = ""


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
    task_enqueue(email_send_task, kwargs=payload)


def _kind_check(kind: str) -> None:
    if kind not in Kind.values:
        raise ValueError(f"Unknown notification kind: {kind!r}")


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def notify(
    *,
    user,
    kind: str,
    key: str,
    title: str | dict,
    body: str | dict = "",
    url: str = "",
    now: datetime | None = None,
) -> Notification | None:
    """Tell `user` about an event, once: None (and nothing done) if (user, kind, key) was told before.

    Runs in the caller's transaction. The insert has its own savepoint, so a duplicate, even one
    that a concurrent transaction committed a moment ago, is refused by the database's
    `notification_once` constraint without breaking the caller's transaction. When the user has an
    e-mail address and has not turned e-mail off for `kind`, the e-mail is queued for after commit
    (or for the end of the quiet hours). `now` is for scheduled runs and tests that fix the clock.
    """
    _kind_check(kind)
    now = now or timezone.now()
    wants_email = bool(user.email) and user.pk in emailable(user_ids=[user.pk], kind=kind)
    (title, title_source), (body, body_source) = split(title), split(body)
    notification = Notification(
        user=user,
        kind=kind,
        key=key,
        title=title[:200],
        body=body,
        title_source=title_source,
        body_source=body_source,
        url=url,
        created_at=now,
        email_status=EmailStatus.PENDING if wants_email else EmailStatus.NONE,
    )
    try:
        with transaction.atomic():
            notification.save(force_insert=True)
    except IntegrityError:
        if Notification.objects.filter(user=user, kind=kind, key=key).exists():
            return None
        raise
    unread_changed([user.pk])
    if wants_email:
        notification_emails_enqueue(notification_ids=[notification.pk], now=now)
    return notification


def notify_many(*, drafts: Iterable[Draft], now: datetime | None = None) -> list[Notification]:
    """Create many notifications at once (a reminder run); returns only those created by this call.

    Drafts whose (user, kind, key) exists already are skipped, so a run repeated or retried tells
    no one twice. Rows are inserted in batches that skip conflicts in the database (see `bulk`),
    which also absorbs a concurrent run; e-mails are queued after commit, one task per batch of ids.
    """
    now = now or timezone.now()
    unique: dict[tuple[int, str, str], Draft] = {}
    for draft in drafts:
        unique.setdefault((draft.user_id, draft.kind, draft.key), draft)
    by_kind: dict[str, list[Draft]] = defaultdict(list)
    for draft in unique.values():
        by_kind[draft.kind].append(draft)
    for kind in by_kind:
        _kind_check(kind)

    created: list[Notification] = []
    for kind, kind_drafts in by_kind.items():
        for batch in _chunks(kind_drafts, BATCH_SIZE):
            created.extend(_notify_batch(kind=kind, drafts=batch, now=now))
    pending = [n.pk for n in created if n.email_status == EmailStatus.PENDING]
    if pending:
        notification_emails_enqueue(notification_ids=pending, now=now)
    return created


def notify_same(*, kind: str, recipients, title: str | dict, body: str | dict = "", url: str = "", now=None) -> int:
    """Give one message to many people at once (e.g. every employee of an import); returns how many
    were created.

    `recipients` are (user id, key) pairs: a list, or a queryset's `values_list(user_id, key)`, which
    PostgreSQL then reads inside the INSERT itself (no round trip through Python). A pair that
    exists is skipped, as in `notify_many`; elsewhere than PostgreSQL, `notify_many` does the work.
    """
    now = now or timezone.now()
    _kind_check(kind)
    if connection.vendor != "postgresql":
        pairs = list(dict.fromkeys(recipients))
        drafts = [Draft(user_id=u, kind=kind, key=k, title=title, body=body, url=url) for u, k in pairs]
        return len(notify_many(drafts=drafts, now=now))
    source = recipients_source(recipients)
    if source is None:
        return 0
    inserted = notifications_insert_same(kind=kind, source=source, title=title, body=body, url=url, now=now)
    unread_changed(user_id for _pk, _status, user_id in inserted)
    pending = [pk for pk, status, _user_id in inserted if status == EmailStatus.PENDING]
    if pending:
        notification_emails_enqueue(notification_ids=pending, now=now)
    return len(inserted)


def _notify_batch(*, kind: str, drafts: list[Draft], now: datetime) -> list[Notification]:
    wanted = emailable(user_ids={d.user_id for d in drafts}, kind=kind)
    created = notifications_insert_new(kind=kind, drafts=drafts, now=now, emailable=wanted)
    unread_changed(n.user_id for n in created)
    return created


def notification_emails_enqueue(*, notification_ids: list[int], now: datetime | None = None) -> None:
    """After commit, queue the e-mail task for these notifications, `EMAIL_BATCH_SIZE` ids a task.

    Written during the quiet hours, the task waits (`eta`) until they end. The batches go through
    the outbox: a broker that is down at that moment neither turns a committed request into an
    error page nor loses them.
    """
    eta = email_send_time(now or timezone.now())
    for batch in _chunks(list(notification_ids), EMAIL_BATCH_SIZE):
        task_enqueue(notification_email_task, args=[batch], eta=eta, robust=True)


def failed_emails_retry(*, now: datetime | None = None, max_age: timedelta = FAILED_RETRY_WINDOW) -> int:
    """Queue again the e-mails that failed after every retry of their task, for notifications of the
    last `max_age`; returns how many. A long SMTP outage thus delays an e-mail rather than losing it,
    while an address that keeps bouncing is given up after the window (the notification stays in
    the app either way). Run daily by beat."""
    now = now or timezone.now()
    failed = Notification.objects.filter(email_status=EmailStatus.FAILED, created_at__gte=now - max_age)
    ids = list(failed.values_list("pk", flat=True))
    if ids:
        Notification.objects.filter(pk__in=ids, email_status=EmailStatus.FAILED).update(
            email_status=EmailStatus.PENDING
        )
        notification_emails_enqueue(notification_ids=ids, now=now)
    return len(ids)


def notification_mark_read(*, user, notification_id: int) -> Notification:
    """Mark one of `user`'s notifications read and return it.

    Raises Notification.DoesNotExist for an id that is not theirs, which a view answers with 404.
    """
    notification = Notification.objects.get(pk=notification_id, user=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)
        unread_changed([user.pk])
    return notification


def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of `user` read; returns how many were unread."""
    count = Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
    unread_changed([user.pk])
    return count


@transaction.atomic
def email_preferences_save(*, user, choices: dict[str, bool]) -> None:
    """Save `user`'s choice of e-mail per kind. Kinds left out of `choices` keep their setting.

    Only "off" is stored: without a row, e-mail is on, so a kind added later starts on.
    """
    for kind in choices:
        _kind_check(kind)
    EmailPreference.objects.filter(user=user, kind__in=list(choices)).delete()
    EmailPreference.objects.bulk_create(
        [EmailPreference(user=user, kind=kind, email=False) for kind, wanted in choices.items() if not wanted]
    )
