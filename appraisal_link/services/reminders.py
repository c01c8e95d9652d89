"""The daily training reminders: deadline in a week, deadline tomorrow, overdue, and overdue to the supervisor.

Who is due which reminder is read from the data on every run (see `appraisal_link.reminders` for
the windows). The notifications are written in batches, each batch in its own transaction, so a
worker that dies halfway keeps what it sent and the next run sends only the rest; the unique
(user, kind, key) of a notification settles two runs that race (beat firing twice).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from courses.models import CoursePage
from portal import rules, stored_text
from portal.notifications.models import Kind
from portal.notifications.quiet_hours import WIB
from portal.notifications.services import Draft, notify_many
from portal.notifications.texts import page_path

from ..reminders import WINDOWS, Window, assignments_due, reminder_key

# Assignments read and notifications written per transaction: large enough that 100,000 take a few
# dozen round trips, small enough that a batch commits in well under a second.
BATCH = 5000


# Reversing a URL or translating a string costs more than the rest of a row's work (measured on
# 60,000 reminders: 5 s and 8 s), so both are done once per run and the rows fill in the blanks.
_SENTINEL = 987654321


def _url_format(name: str) -> str:
    """The path of `name` with its one integer argument left as "{}"."""
    return reverse(name, args=[_SENTINEL]).replace(str(_SENTINEL), "{}")


# The reminders' texts, stored as sources (portal.stored_text) and shown in each reader's language.
WEEK_TITLE = gettext_noop("Tenggat pelatihan %(days)s hari lagi: %(course)s")
WEEK_BODY = gettext_noop("Selesaikan “%(course)s” paling lambat %(due)s. Alasan penugasan: %(reason)s.")
TODAY_TITLE = gettext_noop("Tenggat pelatihan hari ini: %(course)s")
TOMORROW_TITLE = gettext_noop("Tenggat pelatihan besok: %(course)s")
DAY_BODY = gettext_noop("Selesaikan “%(course)s” paling lambat %(due)s pukul %(time)s WIB.")
OVERDUE_TITLE = gettext_noop("Pelatihan terlambat: %(course)s")
OVERDUE_BODY = gettext_noop("Tenggat “%(course)s” (%(due)s) sudah lewat. Selesaikan secepatnya.")
SUPERVISOR_TITLE = gettext_noop("Pelatihan anggota tim terlambat: %(name)s")
SUPERVISOR_BODY = gettext_noop(
    "%(name)s belum menyelesaikan “%(course)s”; tenggatnya %(due)s, %(days)s hari yang lalu."
)


class _Texts:
    """The run's lookups: course titles and links, read once whatever the rows."""

    def __init__(self) -> None:
        self.courses: dict[int, tuple[str, str]] = {}
        self.member_url = _url_format("team_member")

    def load_courses(self, course_ids: set[int]) -> None:
        missing = course_ids - self.courses.keys()
        for course in CoursePage.objects.filter(pk__in=missing):
            self.courses[course.pk] = (course.title, page_path(course))

    def course(self, course_id: int) -> tuple[str, str]:
        return self.courses.get(course_id, ("", ""))


def _employee_draft(*, window: Window, row: tuple, today: datetime.date, texts: _Texts) -> Draft:
    assignment_id, user_id, course_id, due_date, reason, reason_source = row
    course, url = texts.course(course_id)
    days = (due_date - today).days
    values = {
        "course": course,
        "due": stored_text.date(due_date),
        "reason": reason_source or reason.rstrip("."),
        "days": days,
        "time": rules.DUE_TIME.strftime("%H.%M"),
    }
    if window.kind == Kind.DEADLINE_7D:
        title, body = WEEK_TITLE, WEEK_BODY
    elif window.kind == Kind.DEADLINE_1D:
        title, body = (TODAY_TITLE if days <= 0 else TOMORROW_TITLE), DAY_BODY
    else:
        title, body = OVERDUE_TITLE, OVERDUE_BODY
    return Draft(
        user_id=user_id,
        kind=window.kind,
        key=reminder_key(assignment_id, window),
        title={"msgid": title, "params": values},
        body={"msgid": body, "params": values},
        url=url,
    )


def _supervisor_draft(*, window: Window, row: tuple, today: datetime.date, texts: _Texts) -> Draft:
    assignment_id, user_id, course_id, due_date, employee_id, name = row
    course, _url = texts.course(course_id)
    values = {"name": name, "course": course, "due": stored_text.date(due_date), "days": (today - due_date).days}
    return Draft(
        user_id=user_id,
        kind=window.kind,
        key=reminder_key(assignment_id, window),
        title={"msgid": SUPERVISOR_TITLE, "params": values},
        body={"msgid": SUPERVISOR_BODY, "params": values},
        url=texts.member_url.format(employee_id),
    )


def _remind(*, window: Window, rows: list[tuple], today: datetime.date, now: datetime.datetime, texts: _Texts) -> int:
    """Write `window`'s reminders of `rows`, a batch per transaction (a run cut short keeps what it sent)."""
    build = _supervisor_draft if window.to_supervisor else _employee_draft
    sent = 0
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        texts.load_courses({row[2] for row in batch})
        drafts = [build(window=window, row=row, today=today, texts=texts) for row in batch]
        with transaction.atomic():
            sent += len(notify_many(drafts=drafts, now=now))
    return sent


def assignment_reminders_run(*, now: datetime.datetime | None = None) -> dict:
    """Send today's training reminders (dates in WIB); returns how many of each kind were created.

    Idempotent: run twice (or by two workers at once) it creates each reminder once. Cancelled
    assignments, inactive employees and completed courses are never reminded. `now` fixes the clock
    (tests, a run that catches up).
    """
    now = now or timezone.now()
    today = timezone.localdate(now, timezone=WIB)
    # Every window is read before anything is written. Each read leaves out what was sent already
    # (NOT EXISTS on the notifications' unique key), and PostgreSQL plans that from the table's
    # statistics: read after this run had added tens of thousands of rows the statistics do not know
    # yet, it scanned the whole table once per assignment (5 s instead of 0.05 s per read, measured).
    # The rows are small tuples: 100,000 of them are a few megabytes.
    due = [(window, list(assignments_due(window=window, today=today))) for window in WINDOWS]
    counts = {}
    # Stored texts are read later, by someone else, in the app and by e-mail: the portal's language.
    with translation.override(settings.LANGUAGE_CODE):
        texts = _Texts()
        for window, rows in due:
            counts[str(window.kind)] = _remind(window=window, rows=rows, today=today, now=now, texts=texts)
    return counts
