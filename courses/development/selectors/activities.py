"""Reads of learning outside the portal: an employee's records, what waits for a verifier, and who
may decide or see the proof."""

from django.db.models import Q, QuerySet

from competency.models import Competency, Gap, PositionStandard
from portal.people.access import employee_for, is_hr, is_supervisor

from ..models import ExternalActivity


def activities_of(*, employee) -> list[ExternalActivity]:
    """The employee's records, newest first, with their competencies (two queries)."""
    return list(ExternalActivity.objects.filter(employee=employee).prefetch_related("competencies"))


def pending_for(user) -> QuerySet[ExternalActivity]:
    """The records waiting for this user's decision: HR every one; a supervisor (with a second factor)
    their direct reports'; never one's own."""
    pending = ExternalActivity.objects.filter(status=ExternalActivity.Status.PENDING)
    me = employee_for(user)
    if is_hr(user):
        mine = pending
    elif is_supervisor(user) and me is not None:
        mine = pending.filter(employee__supervisor=me)
    else:
        return ExternalActivity.objects.none()
    if me is not None:
        mine = mine.exclude(employee=me)
    return mine.select_related("employee__unit").prefetch_related("competencies").order_by("created_at")


def can_decide(user, activity: ExternalActivity) -> bool:
    """HR, or the employee's direct supervisor with a second factor; never the employee themself."""
    me = employee_for(user)
    if me is not None and activity.employee_id == me.pk:
        return False
    if is_hr(user):
        return True
    return is_supervisor(user) and me is not None and activity.employee.supervisor_id == me.pk


def can_see_proof(user, activity: ExternalActivity) -> bool:
    me = employee_for(user)
    return (me is not None and activity.employee_id == me.pk) or can_decide(user, activity)


def competencies_for(*, employee) -> QuerySet[Competency]:
    """The competencies an employee may say an activity developed: those of their open gaps and of
    their position's standard (the list stays short; one query when evaluated)."""
    open_gaps = Gap.objects.filter(employee=employee, status=Gap.Status.OPEN).values("competency_id")
    standard = PositionStandard.objects.filter(position_id=employee.position_id).values("competency_id")
    return Competency.objects.filter(Q(pk__in=open_gaps) | Q(pk__in=standard)).order_by("name")
