"""The supervisors' weekly digest: one short plain-text summary of the team, once per ISO week."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from portal import rules
from portal.notifications.models import Kind
from portal.notifications.quiet_hours import WIB
from portal.notifications.services import Draft, notify_many
from portal.stored_text import Source, date, lines, source

from ..digest import TeamDigest, jp_target_so_far, supervisor_digests

# Lines per list in the body: the digest points at the team page, it does not replace it.
LIST_LIMIT = 10
DIGEST_DAYS = 7


def digest_key(today: datetime.date) -> str:
    """The key of the week's digest ("digest:2026-W09"): one digest per supervisor and ISO week,
    whichever day of the week the run happens, and however often."""
    year, week, _weekday = today.isocalendar()
    return f"digest:{year}-W{week:02d}"


def _listed(lines: list[Source]) -> list[Source]:
    shown = [source(gettext_noop("- %(line)s"), line=line) for line in lines[:LIST_LIMIT]]
    if len(lines) > LIST_LIMIT:
        shown.append(source(gettext_noop("- … dan %(count)s lainnya"), count=len(lines) - LIST_LIMIT))
    return shown


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.items())


def digest_body(*, digest: TeamDigest, today: datetime.date, jp_target: int) -> Source:
    """The plain-text summary of one team, as a stored-text source (shown in the reader's language):
    overdue training, gaps opened and closed in the last seven days, and who is below the JP target
    so far this year."""
    since = today - datetime.timedelta(days=DIGEST_DAYS)
    parts: list[Source | str] = [
        source(
            gettext_noop("Tim Anda: %(count)s orang. Periode %(start)s – %(end)s."),
            count=digest.team_size,
            start=date(since),
            end=date(today),
        ),
        "",
        source(gettext_noop("Pelatihan terlambat: %(count)s"), count=len(digest.overdue)),
    ]
    parts += _listed(
        [
            source(gettext_noop("%(name)s: %(course)s (tenggat %(due)s)"), name=name, course=course, due=date(due))
            for name, course, due in digest.overdue
        ]
    )
    parts.append("")
    opened, closed = sum(digest.gaps_opened.values()), sum(digest.gaps_closed.values())
    parts.append(
        source(
            gettext_noop("Kesenjangan kompetensi 7 hari terakhir: %(opened)s terbuka, %(closed)s tertutup."),
            opened=opened,
            closed=closed,
        )
    )
    if opened:
        parts.append(source(gettext_noop("- Terbuka: %(list)s"), list=_counts(digest.gaps_opened)))
    if closed:
        parts.append(source(gettext_noop("- Tertutup: %(list)s"), list=_counts(digest.gaps_closed)))
    parts.append("")
    parts.append(
        source(
            gettext_noop("Di bawah target JP: %(count)s (target hingga hari ini %(target)s dari %(year_target)s JP)"),
            count=len(digest.jp_behind),
            target=jp_target,
            year_target=rules.jp_target(),
        )
    )
    parts += _listed(
        [source(gettext_noop("%(name)s: %(jp)s JP"), name=name, jp=points) for name, points in digest.jp_behind]
    )
    return lines(*parts)


def supervisor_digest_run(*, now: datetime.datetime | None = None) -> dict:
    """Send this week's digest to every supervisor whose team has something to report (overdue
    training, gaps opened or closed, someone below the JP target so far); a team with nothing to
    report gets no message. Once per supervisor and ISO week (key `digest:<year>-W<week>`), so a
    repeated or late run sends nothing twice. Reads the data in a constant number of queries.
    Returns how many supervisors were considered and how many digests were created."""
    now = now or timezone.now()
    today = timezone.localdate(now, timezone=WIB)
    since = now - datetime.timedelta(days=DIGEST_DAYS)
    digests = supervisor_digests(today=today, since=since)
    target = jp_target_so_far(today)
    key = digest_key(today)
    year, week, _weekday = today.isocalendar()
    title = source(gettext_noop("Ringkasan mingguan tim Anda (minggu %(week)s/%(year)s)"), week=week, year=year)
    with translation.override(settings.LANGUAGE_CODE):
        drafts = [
            Draft(
                user_id=digest.user_id,
                kind=Kind.SUPERVISOR_DIGEST,
                key=key,
                title=title,
                body=digest_body(digest=digest, today=today, jp_target=target),
                url=reverse("team"),
            )
            for digest in digests
            if digest.has_news
        ]
    with transaction.atomic():
        created = notify_many(drafts=drafts, now=now)
    return {"supervisors": len(digests), "sent": len(created)}
