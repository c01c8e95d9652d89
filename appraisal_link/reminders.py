"""Reads for the scheduled reminders: which assignments are due which reminder today.

The answer is computed from the data on every run, never from what an earlier run remembered, so
a run that was missed, repeated or killed halfway is made good by the next one. Each reminder has
a window of due dates rather than one exact day (dates in WIB; `today` is the run's date):

| reminder | kind | to | due date | key |
| --- | --- | --- | --- | --- |
| a week ahead | deadline_7d | employee | today + 2 … today + 7 | assignment:<id>:7d |
| the day before | deadline_1d | employee | today … today + 1 | assignment:<id>:1d |
| overdue | overdue | employee | before today | assignment:<id>:overdue |
| overdue 3 days | overdue_supervisor | supervisor | today − 3 or earlier | assignment:<id>:supervisor |

So a day without a run still sends each reminder on the next run; the 7-day reminder is never sent
once the 1-day one was (even when HR moved the due date later in between); and an assignment
created with a due date inside a window gets that window's reminder on the next run. The overdue
windows have no lower bound, so the first run after this feature is deployed tells each employee
(and supervisor) once about every assignment already overdue.

An assignment is due a reminder only while it is active (not cancelled), its employee is active and
has an account, and the course is not completed. Completion is read from the employee's enrolment
in the course (one per employee and course), not from the assignment's link to it, so a course
completed through an enrolment the assignment does not point at is never reminded either. A
reminder already sent is left out here (NOT EXISTS on the notification's unique key), so a repeated
run reads nothing and the unique constraint only has to settle a race.
"""

import datetime
from dataclasses import dataclass

from django.db.models import CharField, Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Cast, Concat

from courses.models import Enrollment
from portal.notifications.models import Kind, Notification

from .models import Assignment


@dataclass(frozen=True)
class Window:
    """One kind of reminder: its due-date bounds (days from today, inclusive), key and recipient."""

    kind: str
    suffix: str
    first_day: int | None
    last_day: int | None
    to_supervisor: bool = False
    # Reminders that make this one pointless once sent (the 1-day one supersedes the 7-day one).
    superseded_by: tuple[tuple[str, str], ...] = ()


WEEK_AHEAD = Window(Kind.DEADLINE_7D, "7d", 2, 7, superseded_by=((Kind.DEADLINE_1D, "1d"),))
DAY_AHEAD = Window(Kind.DEADLINE_1D, "1d", 0, 1)
OVERDUE = Window(Kind.OVERDUE, "overdue", None, -1)
OVERDUE_SUPERVISOR = Window(Kind.OVERDUE_SUPERVISOR, "supervisor", None, -3, to_supervisor=True)
WINDOWS = (WEEK_AHEAD, DAY_AHEAD, OVERDUE, OVERDUE_SUPERVISOR)

EMPLOYEE_FIELDS = ("pk", "recipient", "course_id", "due_date", "reason", "reason_source")
SUPERVISOR_FIELDS = ("pk", "recipient", "course_id", "due_date", "employee_id", "employee__name")


def reminder_key(assignment_id: int, window: Window) -> str:
    """The notification key of `window`'s reminder of one assignment (see the module docstring)."""
    return f"assignment:{assignment_id}:{window.suffix}"


def _key_expression(suffix: str):
    return Concat(Value("assignment:"), Cast("pk", CharField()), Value(f":{suffix}"), output_field=CharField())


def _sent(kind: str, key_field: str) -> Exists:
    return Exists(Notification.objects.filter(user_id=OuterRef("recipient"), kind=kind, key=OuterRef(key_field)))


def active_assignments() -> QuerySet:
    """Assignments that may still be reminded: not cancelled, of an active employee, course not completed."""
    completed = Enrollment.objects.filter(
        employee_id=OuterRef("employee_id"), course_id=OuterRef("course_id"), completed_at__isnull=False
    )
    return Assignment.objects.filter(cancelled_at__isnull=True, employee__is_active=True).exclude(Exists(completed))


def assignments_due(*, window: Window, today: datetime.date) -> QuerySet:
    """The assignments due `window`'s reminder on `today` that have not had it, as value tuples
    (`EMPLOYEE_FIELDS`, or `SUPERVISOR_FIELDS` for the supervisor's reminder, where "recipient" is
    the user id to notify), ordered by id (the order the reminders are written in, so two runs at
    once meet the same rows in the same order)."""
    queryset = active_assignments()
    if window.first_day is not None:
        queryset = queryset.filter(due_date__gte=today + datetime.timedelta(days=window.first_day))
    if window.last_day is not None:
        queryset = queryset.filter(due_date__lte=today + datetime.timedelta(days=window.last_day))
    if window.to_supervisor:
        recipient = "employee__supervisor__user_id"
        queryset = queryset.filter(
            employee__supervisor__isnull=False,
            employee__supervisor__is_active=True,
            employee__supervisor__user__isnull=False,
        )
        fields = SUPERVISOR_FIELDS
    else:
        recipient = "employee__user_id"
        queryset = queryset.filter(employee__user__isnull=False)
        fields = EMPLOYEE_FIELDS
    queryset = queryset.annotate(recipient=F(recipient))
    queryset = queryset.annotate(reminder_key=_key_expression(window.suffix)).exclude(
        _sent(window.kind, "reminder_key")
    )
    for position, (kind, suffix) in enumerate(window.superseded_by):
        name = f"superseding_key_{position}"
        queryset = queryset.annotate(**{name: _key_expression(suffix)}).exclude(_sent(kind, name))
    return queryset.order_by("pk").values_list(*fields)
