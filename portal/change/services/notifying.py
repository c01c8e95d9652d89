"""What the change hub tells people: a must-read published for them, a sosialisasi tomorrow, a pulse
survey open or about to close.

The must-read is told when the article is published (from Wagtail's `page_published` signal, in the
publishing transaction); the others come from daily runs (Celery beat), which compute from the data
who is due and leave out whoever was told already. Every notification has a key naming the event
(`article:<id>:published`, `event:<id>:tomorrow`, `survey:<id>:open`, `survey:<id>:closing`), and
(user, kind, key) is unique, so republishing, a repeated run or two runs at once tell no one twice.
Texts are stored as sources (portal.stored_text), shown in each reader's language.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from portal.notifications.models import Kind, Notification
from portal.notifications.quiet_hours import WIB
from portal.notifications.services import Draft, notify_many
from portal.notifications.texts import page_path
from portal.people.models import Employee
from portal.stored_text import Source, date, source

from ..models import ChangeArticlePage, ChangeEventPage, EventRegistration, PulseSurvey, SurveyParticipation
from ..selectors.targeting import employees_targeted_by

# Drafts per notify_many call (and per transaction in the daily runs).
BATCH = 5000
# The "closing soon" reminder goes to those who have not answered once the round closes within this.
SURVEY_CLOSING_WITHIN = datetime.timedelta(days=2)


def _when(moment: datetime.datetime) -> Source:
    """ "5 Desember 2026 pukul 09.00 WIB": the city's clock, whatever the server's."""
    local = moment.astimezone(WIB)
    return source(gettext_noop("%(date)s pukul %(time)s WIB"), date=date(local.date()), time=local.strftime("%H.%M"))


def _not_told(users: QuerySet, *, kind: str, key: str) -> QuerySet:
    """`users` (rows with a `user_id`) without those told (kind, key) already: a repeated run reads nothing."""
    told = Notification.objects.filter(user_id=OuterRef("user_id"), kind=kind, key=key)
    return users.exclude(Exists(told))


def _send(drafts: list[Draft], *, now: datetime.datetime) -> int:
    """Write the drafts in batches, each in its own transaction, so a run cut short keeps what it sent."""
    created = 0
    with translation.override(settings.LANGUAGE_CODE):  # the words kept beside each source
        for start in range(0, len(drafts), BATCH):
            with transaction.atomic():
                created += len(notify_many(drafts=drafts[start : start + BATCH], now=now))
    return created


# --- must-read published ----------------------------------------------------------------------------
def article_published_notify(*, article: ChangeArticlePage, now: datetime.datetime | None = None) -> int:
    """Tell the employees a must-read article is meant for (its target units and positions, or
    everyone) that it is published, once per article: republishing tells no one again. Those who
    already confirmed reading it, and employees without an account, are left out. Returns how many
    were told; an article that is not a must-read tells no one."""
    if not article.must_read:
        return 0
    now = now or timezone.now()
    key = f"article:{article.pk}:published"
    title = source(gettext_noop("Bacaan wajib baru: %(title)s"), title=article.title)
    if article.must_read_deadline:
        deadline = date(article.must_read_deadline)
        body = source(gettext_noop("Baca dan konfirmasi paling lambat %(date)s."), date=deadline)
    else:
        body = source(gettext_noop("Baca dan konfirmasi bahwa Anda sudah memahaminya."))
    url = page_path(article)
    readers = employees_targeted_by(article).filter(user__isnull=False).exclude(acknowledgements__article=article)
    user_ids = _not_told(readers, kind=Kind.MUST_READ_PUBLISHED, key=key).values_list("user_id", flat=True)
    drafts = [
        Draft(user_id=user_id, kind=Kind.MUST_READ_PUBLISHED, key=key, title=title, body=body, url=url)
        for user_id in user_ids.order_by("user_id")
    ]
    # In the publishing transaction (the caller's), not batch by batch: a publish that rolls back tells no one.
    with translation.override(settings.LANGUAGE_CODE):
        return len(notify_many(drafts=drafts, now=now))


# --- sosialisasi tomorrow ---------------------------------------------------------------------------
def event_reminders_run(*, now: datetime.datetime | None = None) -> dict:
    """Remind those registered (seat not given back, employee active, with an account) for a live
    event that starts tomorrow (WIB), once per event (`event:<id>:tomorrow`). An event starting later
    today that was not reminded yet (a missed run, or created this morning) is reminded as "today".
    Returns how many events were due and how many people were told."""
    now = now or timezone.now()
    today = timezone.localdate(now, timezone=WIB)
    until = datetime.datetime.combine(today + datetime.timedelta(days=2), datetime.time(0), tzinfo=WIB)
    events = {
        event.pk: event for event in ChangeEventPage.objects.live().filter(starts_at__gt=now, starts_at__lt=until)
    }
    if not events:
        return {"events": 0, "sent": 0}
    registrations = EventRegistration.objects.filter(
        event_id__in=list(events),
        cancelled_at__isnull=True,
        employee__is_active=True,
        employee__user__isnull=False,
    ).values_list("event_id", "employee__user_id")

    texts = {}
    for event in events.values():
        starts_today = timezone.localdate(event.starts_at, timezone=WIB) == today
        if starts_today:
            title = source(gettext_noop("Sosialisasi hari ini: %(title)s"), title=event.title)
        else:
            title = source(gettext_noop("Sosialisasi besok: %(title)s"), title=event.title)
        where = event.location or source(gettext_noop("daring"))
        body = source(gettext_noop("Dimulai %(when)s, %(where)s."), when=_when(event.starts_at), where=where)
        texts[event.pk] = (title, body, page_path(event))
    drafts = []
    for event_id, user_id in registrations.order_by("event_id", "employee__user_id"):
        title, body, url = texts[event_id]
        drafts.append(
            Draft(
                user_id=user_id,
                kind=Kind.EVENT_TOMORROW,
                key=f"event:{event_id}:tomorrow",
                title=title,
                body=body,
                url=url,
            )
        )
    return {"events": len(events), "sent": _send(drafts, now=now)}


# --- pulse surveys ----------------------------------------------------------------------------------
def _respondents_left(survey: PulseSurvey) -> QuerySet:
    answered = SurveyParticipation.objects.filter(survey=survey, employee=OuterRef("pk"))
    return Employee.objects.filter(is_active=True, user__isnull=False).exclude(Exists(answered))


def _survey_drafts(*, survey: PulseSurvey, kind: str, key: str, title: Source, body: Source) -> list[Draft]:
    url = reverse("change:survey-detail", args=[survey.pk])
    # The ids are read in one query before anything is written (a list of integers, small even for
    # the whole city), so no cursor stays open across the batches' commits.
    users = _not_told(_respondents_left(survey), kind=kind, key=key).values_list("user_id", flat=True)
    return [
        Draft(user_id=user_id, kind=kind, key=key, title=title, body=body, url=url)
        for user_id in users.order_by("user_id")
    ]


def survey_reminders_run(*, now: datetime.datetime | None = None) -> dict:
    """For every pulse survey open at `now`: tell every active employee with an account who has not
    answered that it is open (`survey:<id>:open`, once), and, when it closes within two days, remind
    those who still have not answered (`survey:<id>:closing`, once). Returns how many were told of each."""
    now = now or timezone.now()
    pending = {"open": [], "closing": []}
    surveys = PulseSurvey.objects.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at", "pk")
    # Everyone due is read before anything is written: PostgreSQL plans the "not told yet" check from
    # the notification table's statistics, which do not know the rows this run writes (see
    # appraisal_link.services.reminders), and would then scan the table once per employee.
    for survey in surveys:
        closes = _when(survey.closes_at)
        title = source(gettext_noop("Survei denyut dibuka: %(title)s"), title=survey.title)
        body = source(
            gettext_noop("Isi sebelum %(closes)s. Jawaban Anda tidak pernah ditampilkan per orang."), closes=closes
        )
        pending["open"] += _survey_drafts(
            survey=survey, kind=Kind.SURVEY_OPEN, key=f"survey:{survey.pk}:open", title=title, body=body
        )
        if survey.closes_at - now <= SURVEY_CLOSING_WITHIN:
            title = source(gettext_noop("Survei segera ditutup: %(title)s"), title=survey.title)
            body = source(gettext_noop("Anda belum mengisinya. Survei ditutup %(closes)s."), closes=closes)
            pending["closing"] += _survey_drafts(
                survey=survey, kind=Kind.SURVEY_CLOSING, key=f"survey:{survey.pk}:closing", title=title, body=body
            )
    return {name: _send(drafts, now=now) for name, drafts in pending.items()}
