"""The JP ledger: one place computes an employee's JP (jam pelajaran) for a year from every verified
source — the portal's completed courses (credited to the year they completed) and verified learning
outside the portal (credited to the year it ended, imports included). The dashboard, the team pages,
the supervisors' digest, HR's JP compliance report and its export all read it."""

import datetime
from dataclasses import dataclass

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

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
    return ExternalActivity.objects.filter(
        status=ExternalActivity.Status.VERIFIED,
        ends_on__range=(datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
    )


def jp_of(*, employee, year: int) -> YearJP:
    """The employee's JP in `year`, by source (one query)."""
    row = (
        type(employee)
        .objects.filter(pk=employee.pk)
        .annotate(**jp_annotations(year))
        .values("jp_courses", "jp_outside")
        .first()
    )
    return YearJP(courses=row["jp_courses"], outside=row["jp_outside"]) if row else YearJP(0, 0)


def jp_annotations(year: int) -> dict:
    """Annotations giving an Employee queryset the year's JP by source, for `jp_annotated`."""
    return {
        "jp_courses": _sum(Enrollment.objects.filter(jp_year=year), "jp_awarded"),
        "jp_outside": _sum(_verified_in(year), "jp"),
    }


def jp_annotated(employee) -> YearJP:
    """The JP of an employee read with `jp_annotations`."""
    return YearJP(courses=employee.jp_courses, outside=employee.jp_outside)


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
