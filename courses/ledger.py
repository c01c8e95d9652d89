"""The JP ledger: one place computes an employee's JP (jam pelajaran) for a year from every verified
source — the portal's completed courses (credited to the year they completed) and verified learning
outside the portal (credited to the year it ended, imports included). The dashboard, the team pages,
the supervisors' digest, HR's JP compliance report and its export all read it."""

import datetime
from dataclasses import dataclass

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from portal.people.models import Employee
from portal.prepared import Prepared

from .development.models import ExternalActivity
from .models import Enrollment


@dataclass(frozen=True)
class YearJP:
    courses: int
    outside: int

    @property
    def total(self) -> int:
        return self.courses + self.outside


def _verified_in(year: int) -> QuerySet[ExternalActivity]:
    return _verified_between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def _verified_between(first_day: datetime.date, last_day: datetime.date) -> QuerySet[ExternalActivity]:
    verified = ExternalActivity.objects.filter(status=ExternalActivity.Status.VERIFIED)
    return verified.filter(ends_on__range=(first_day, last_day))


# `jp_of`'s query, compiled once per process (portal.prepared): the dashboard asks it at every build.
_JP_OF = Prepared(
    lambda employee_id, year, first_day, last_day: Employee.objects.filter(pk=employee_id)
    .annotate(
        jp_courses=_sum(Enrollment.objects.filter(jp_year=year), "jp_awarded"),
        jp_outside=_sum(_verified_between(first_day, last_day), "jp"),
    )
    .only("pk"),
    employee_id=-7_000_101,
    year=1901,
    first_day=datetime.date(1901, 1, 2),
    last_day=datetime.date(1901, 12, 30),
)


def jp_of(*, employee, year: int) -> YearJP:
    """The employee's JP in `year`, by source (one query)."""
    rows = _JP_OF.rows(
        employee_id=employee.pk,
        year=year,
        first_day=datetime.date(year, 1, 1),
        last_day=datetime.date(year, 12, 31),
    )
    return YearJP(courses=rows[0].jp_courses, outside=rows[0].jp_outside) if rows else YearJP(0, 0)


def jp_for_year(*, employee, year: int) -> int:
    return jp_of(employee=employee, year=year).total


def _sum(queryset, field: str):
    total = queryset.filter(employee=OuterRef("pk")).order_by().values("employee").annotate(total=Sum(field))
    return Coalesce(Subquery(total.values("total"), output_field=IntegerField()), 0)


def jp_expression(*, year: int):
    """An expression that annotates an Employee queryset with the year's JP (no query of its own)."""
    return _sum(Enrollment.objects.filter(jp_year=year), "jp_awarded") + _sum(_verified_in(year), "jp")


def with_jp(employees: QuerySet, *, year: int, name: str = "jp") -> QuerySet:
    """`employees` annotated with `name` = their JP in `year`."""
    return employees.annotate(**{name: jp_expression(year=year)})
