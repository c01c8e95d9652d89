"""Reads for the supervisors' weekly digest: each team's overdue training, gaps and JP.

A supervisor is an active employee with an account and at least one active direct report
(Employee.supervisor). Everything is aggregated for all supervisors at once: five queries, however
many supervisors and teams there are.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.db.models import Count, Q

from competency.models import Gap
from courses.ledger import with_jp
from portal import rules
from portal.people.models import Employee

from .reminders import active_assignments


@dataclass
class TeamDigest:
    """What one supervisor reads about their direct reports this week."""

    supervisor_id: int
    user_id: int
    name: str
    team_size: int
    # (member, course title, due date), soonest first.
    overdue: list[tuple[str, str, datetime.date]] = field(default_factory=list)
    # competency name → how many gaps of the team opened (closed) in the week.
    gaps_opened: dict[str, int] = field(default_factory=dict)
    gaps_closed: dict[str, int] = field(default_factory=dict)
    # (member, JP this year), fewest first: those below the year's target so far.
    jp_behind: list[tuple[str, int]] = field(default_factory=list)

    @property
    def has_news(self) -> bool:
        return bool(self.overdue or self.gaps_opened or self.gaps_closed or self.jp_behind)


def jp_target_so_far(today: datetime.date) -> int:
    """The JP an employee should have by `today`: the yearly target (portal.rules) pro rata, rounded
    down (0 early in January, the whole target on 31 December), so that nobody is "behind" for not
    having trained in the first weeks."""
    days_in_year = (datetime.date(today.year + 1, 1, 1) - datetime.date(today.year, 1, 1)).days
    return math.floor(rules.jp_target() * today.timetuple().tm_yday / days_in_year)


def supervisor_digests(*, today: datetime.date, since: datetime.datetime) -> list[TeamDigest]:
    """The digest of every supervisor with an account, by supervisor id: overdue training of the team (active,
    not completed, due before `today`), its gaps opened and closed since `since`, and the members
    below the JP target so far this year. Five queries in all."""
    supervisors = {
        row["pk"]: TeamDigest(
            supervisor_id=row["pk"], user_id=row["user_id"], name=row["name"], team_size=row["team_size"]
        )
        for row in Employee.objects.filter(is_active=True, user__isnull=False)
        .annotate(team_size=Count("subordinates", filter=Q(subordinates__is_active=True)))
        .filter(team_size__gt=0)
        .order_by("pk")
        .values("pk", "user_id", "name", "team_size")
    }
    if not supervisors:
        return []
    # Rows of reports whose supervisor has no account (or is inactive) are read and skipped: cheaper
    # than sending every supervisor id back to the database.
    team = {"employee__supervisor__isnull": False, "employee__is_active": True}

    for supervisor_id, name, course, due in (
        active_assignments()
        .filter(due_date__lt=today, **team)
        .order_by("employee__supervisor_id", "due_date", "employee__name")
        .values_list("employee__supervisor_id", "employee__name", "course__title", "due_date")
    ):
        if supervisor_id in supervisors:
            supervisors[supervisor_id].overdue.append((name, course, due))

    for attribute, moment in (("gaps_opened", "opened_at"), ("gaps_closed", "closed_at")):
        rows = (
            Gap.objects.filter(**{f"{moment}__gte": since}, **team)
            .values_list("employee__supervisor_id", "competency__name")
            .annotate(count=Count("pk"))
            .order_by("employee__supervisor_id", "-count", "competency__name")
        )
        for supervisor_id, competency, count in rows:
            if supervisor_id in supervisors:
                getattr(supervisors[supervisor_id], attribute)[competency] = count

    target = jp_target_so_far(today)
    if target > 0:
        behind = (
            with_jp(Employee.objects.filter(is_active=True, supervisor__isnull=False), year=today.year)
            .filter(jp__lt=target)
            .order_by("supervisor_id", "jp", "name")
            .values_list("supervisor_id", "name", "jp")
        )
        for supervisor_id, name, points in behind:
            if supervisor_id in supervisors:
                supervisors[supervisor_id].jp_behind.append((name, points))
    return list(supervisors.values())
