"""Prepared queries: compiled once, run with each call's values, the same rows as the ORM gives."""

import datetime

import pytest
from django.db.models import BooleanField, Count, Q, Value

from portal.people.models import Employee
from portal.prepared import Prepared, _adapted

from ..instances import instance_state

pytestmark = pytest.mark.django_db
MOMENT = datetime.datetime(1901, 1, 2, tzinfo=datetime.UTC)


def test_the_rows_are_the_orms_for_every_value_and_the_sql_is_built_once(make_person, unit, other_unit):
    people = [make_person(unit=unit).employee for _ in range(3)] + [make_person(unit=other_unit).employee]
    builds = []

    def build(*, unit_id, name):
        builds.append(unit_id)
        return (
            Employee.objects.filter(Q(unit_id=unit_id) | Q(name=name), is_active=True)
            .annotate(reports=Count("subordinates"))
            .order_by("pk")
        )

    prepared = Prepared(build, unit_id=-7_000_001, name="\0nama")
    for unit_id, name in [(unit.pk, ""), (other_unit.pk, people[0].name), (-1, "tidak ada")]:
        expected = [(e.pk, e.reports) for e in build(unit_id=unit_id, name=name)]
        assert [(e.pk, e.reports) for e in prepared.rows(unit_id=unit_id, name=name)] == expected
    assert builds.count(-7_000_001) == 1


def test_a_stand_in_the_query_does_not_hold_is_refused():
    def build(*, unit_id, year):
        return Employee.objects.filter(unit_id=unit_id)

    prepared = Prepared(build, unit_id=-7_000_001, year=1901)
    with pytest.raises(ValueError, match="year"):
        prepared.compiled()


def test_a_stand_in_is_told_apart_from_a_constant_of_another_kind():
    """True is not 1 and a date is not a time: only a parameter of the stand-in's kind is replaced."""
    prepared = Prepared(
        lambda *, one, day: Employee.objects.filter(pk__gte=one, user__date_joined__date__gte=day).annotate(
            flag=Value(True, output_field=BooleanField()), moment=Value(MOMENT)
        ),
        one=1,
        day=datetime.date(1901, 1, 2),
    )
    _model, _sql, slots = prepared.compiled()
    # The constants stay constants, in the form the backend passes them (SQLite: a time as text).
    assert sorted(slot for slot in slots if slot[0] == "value") == [("value", "day"), ("value", "one")]
    assert ("constant", True) in slots or ("constant", 1) in slots
    assert any(kind == "constant" and value in (MOMENT, _adapted(MOMENT, "default")) for kind, value in slots)


def test_dates_are_put_in_as_the_backend_passes_them():
    """SQLite gets dates as text: a date stand-in is found, and replaced, in that form too."""
    prepared = Prepared(
        lambda *, day: Employee.objects.filter(user__date_joined__date__gte=day).order_by("pk"),
        day=datetime.date(1901, 1, 2),
    )
    assert [slot for slot in prepared.compiled()[2] if slot[0] == "value"] == [("value", "day")]
    assert prepared.rows(day=datetime.date(2999, 1, 1)) == []


def test_the_objects_are_the_querysets_own_with_what_select_related_names(
    make_person, unit, atasan, django_assert_num_queries
):
    people = [atasan.employee, make_person(unit=unit, supervisor=atasan.employee).employee]

    def build(*, unit_id):
        return (
            Employee.objects.select_related("unit", "supervisor__unit", "user")
            .filter(unit_id=unit_id)
            .annotate(reports=Count("subordinates"))
            .order_by("pk")
        )

    prepared = Prepared(build, unit_id=-7_000_001)
    for unit_id in (unit.pk, -1):
        expected = list(build(unit_id=unit_id))
        found = prepared.objects(unit_id=unit_id)
        assert [instance_state(employee) for employee in found] == [instance_state(employee) for employee in expected]
    assert [employee.pk for employee in prepared.objects(unit_id=unit.pk)] == sorted(e.pk for e in people)
    with django_assert_num_queries(1):
        chief, subordinate = prepared.objects(unit_id=unit.pk)
        assert (chief.unit.name, chief.user.username, chief.reports, chief.supervisor) == (
            unit.name,
            atasan.username,
            1,
            None,
        )
        assert (subordinate.supervisor.unit.name, subordinate.reports) == (unit.name, 0)


def test_first_is_the_first_instance_or_none(make_person, unit, atasan):
    make_person(unit=unit, supervisor=atasan.employee)
    prepared = Prepared(
        lambda *, unit_id: Employee.objects.filter(unit_id=unit_id).order_by("pk")[:1], unit_id=-7_000_002
    )
    assert prepared.first(unit_id=unit.pk).pk == Employee.objects.filter(unit=unit).order_by("pk").first().pk
    assert prepared.first(unit_id=-1) is None
