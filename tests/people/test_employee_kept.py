"""The logged-in user's employee record comes from the cache (issue #15), never older than the
register: every way the register changes shows from the next request."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appraisal_link.services.imports import appraisals_import_file
from portal.people.access import employee_for
from portal.people.models import Employee, User

from ..appraisal_link.conftest import csv_bytes, nip, record
from ..factories import EmployeeFactory, PositionFactory

pytestmark = pytest.mark.django_db


def next_request(user) -> Employee | None:
    """What a new request of `user` sees (a request starts with a fresh user object)."""
    return employee_for(User.objects.get(pk=user.pk))


def employee_queries(user) -> int:
    fresh = User.objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        employee_for(fresh)
    return sum('"people_employee"' in query["sql"] for query in queries.captured_queries)


def test_read_once_then_kept(pegawai):
    assert employee_queries(pegawai) == 1
    assert employee_queries(pegawai) == 0
    assert next_request(pegawai).pk == pegawai.employee.pk


def test_an_edit_of_the_employee_shows_at_once(pegawai, atasan, make_person):
    next_request(pegawai)
    employee = Employee.objects.get(pk=pegawai.employee.pk)
    employee.name = "Nama Baru"
    employee.save()
    assert next_request(pegawai).name == "Nama Baru"
    other = make_person().employee
    employee.supervisor = other
    employee.save()
    assert next_request(pegawai).supervisor_id == other.pk
    employee.is_active = False
    employee.save()
    assert next_request(pegawai).is_active is False


def test_a_renamed_unit_or_position_shows_at_once(pegawai):
    kept = next_request(pegawai)
    kept.unit.name = "Dinas Baru"
    kept.unit.save()
    assert next_request(pegawai).unit.name == "Dinas Baru"
    if kept.position_id:
        kept.position.name = "Jabatan Baru"
        kept.position.save()
        assert next_request(pegawai).position.name == "Jabatan Baru"


def test_claiming_and_unlinking_a_record_show_at_once(make_person):
    user = make_person()
    employee = Employee.objects.get(user=user)
    employee.user = None
    employee.save()
    assert next_request(user) is None
    unclaimed = EmployeeFactory()
    assert next_request(user) is None  # kept as None...
    unclaimed.user = user
    unclaimed.save()
    assert next_request(user).pk == unclaimed.pk  # ...until the claim


def test_an_address_the_appraisal_import_changed_shows_at_once(unit):
    jabatan = PositionFactory(name="Analis SDM Aparatur", code="analis-sdm")
    employee = EmployeeFactory(nip=nip(1), name="Siti Aminah", unit=unit, position=jabatan, email="lama@contoh.go.id")
    user = User.objects.create_user(username="siti", password="x")  # noqa: S106
    Employee.objects.filter(pk=employee.pk).update(user=user)
    Employee.objects.get(pk=employee.pk).save()  # the claim, as the sign-up makes it
    assert next_request(user).email == "lama@contoh.go.id"
    result = appraisals_import_file(
        file=io.BytesIO(csv_bytes([record(email="siti@pangkalpinangkota.go.id")])), name="p.csv"
    )
    assert result.ok, result.problems.as_list()
    assert next_request(user).email == "siti@pangkalpinangkota.go.id"
