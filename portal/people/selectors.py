"""Reads of the people app that views and reports share."""

from django.db.models import Count, QuerySet

from .access import employee_for, employees_visible_to
from .models import Employee, Unit

__all__ = ["employee_for", "team_for", "unit_list_with_counts"]


def team_for(user) -> QuerySet[Employee]:
    """The employees a supervisor looks after (their whole chain of reports), without themself."""
    own = employee_for(user)
    if own is None:
        return Employee.objects.none()
    return employees_visible_to(user).exclude(pk=own.pk).select_related("unit", "position").order_by("name")


def unit_list_with_counts() -> QuerySet[Unit]:
    return Unit.objects.select_related("parent").annotate(employee_count=Count("employees")).order_by("name")
