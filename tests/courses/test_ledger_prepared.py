"""`jp_of` runs SQL compiled once per process (portal.prepared): for every employee and year it must
answer what the ORM's JP expression answers, the year's first and last days included."""

import datetime

import pytest
from django.utils import timezone

from courses.development.models import ExternalActivity
from courses.ledger import jp_expression, jp_of
from courses.models import Enrollment
from portal.people.models import Employee

pytestmark = pytest.mark.django_db
YEAR = 2025


def outside(employee, ends_on: datetime.date, jp: int, status=ExternalActivity.Status.VERIFIED):
    ExternalActivity.objects.create(
        employee=employee,
        kind="bimtek",
        title=f"Bimtek {ends_on}",
        organiser="BKPSDM",
        starts_on=ends_on,
        ends_on=ends_on,
        jp=jp,
        status=status,
        title_key=f"bimtek {ends_on}",
        organiser_key="bkpsdm",
    )


def completed(employee, course, *, year: int, jp: int):
    Enrollment.objects.create(
        employee=employee, course=course, completed_at=timezone.now(), jp_year=year, jp_awarded=jp
    )


def test_jp_of_equals_the_orm_for_every_employee_and_year(pegawai, atasan, course, make_person):
    me, boss, nobody = pegawai.employee, atasan.employee, make_person().employee
    completed(me, course, year=YEAR, jp=10)
    completed(boss, course, year=YEAR - 1, jp=4)
    outside(me, datetime.date(YEAR, 1, 1), 3)
    outside(me, datetime.date(YEAR, 12, 31), 5)
    outside(me, datetime.date(YEAR - 1, 12, 31), 7)
    outside(me, datetime.date(YEAR + 1, 1, 1), 11)
    outside(me, datetime.date(YEAR, 6, 1), 13, status=ExternalActivity.Status.PENDING)
    outside(boss, datetime.date(YEAR, 3, 1), 2)

    assert (jp_of(employee=me, year=YEAR).courses, jp_of(employee=me, year=YEAR).outside) == (10, 8)
    assert jp_of(employee=me, year=YEAR - 1).total == 7 and jp_of(employee=me, year=YEAR + 1).total == 11
    for employee in (me, boss, nobody):
        for year in (YEAR - 1, YEAR, YEAR + 1):
            orm = Employee.objects.filter(pk=employee.pk).annotate(jp=jp_expression(year=year)).get().jp
            assert jp_of(employee=employee, year=year).total == orm, (employee, year)
