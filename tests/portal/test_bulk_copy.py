"""portal.bulk_copy.copy_create: the rows COPY writes are the rows bulk_create would have written."""

import pytest
from django.db import transaction
from django.utils import timezone

from appraisal_link.models import Appraisal
from portal.bulk_copy import copy_create
from portal.people.models import Employee, Position

pytestmark = pytest.mark.django_db

AWKWARD = 'tab\there, a "quote", a back\\slash,\nnew line; \\N and ; é'


def new_employees(unit, count=3):
    position = Position.objects.create(code="jab-copy", name="Penata", kind=Position.Kind.PELAKSANA)
    return [
        Employee(nip=f"1980010120050110{n:02d}", name=f"Pegawai {n}", unit=unit, position=position)
        for n in range(1, count + 1)
    ]


def test_each_object_gets_the_pk_of_its_row_and_every_value_round_trips(unit):
    employees = copy_create(Employee, new_employees(unit))
    before = timezone.now()
    appraisals = [
        Appraisal(
            employee=e,
            year=2025,
            period="tahunan",
            hasil_kerja="sesuai",
            perilaku_kerja="sesuai",
            predikat="baik",
            notes=AWKWARD if n == 0 else "",
            source="impor.csv",
        )
        for n, e in enumerate(employees)
    ]

    copy_create(Appraisal, appraisals)

    assert all(a.pk for a in appraisals) and all(not a._state.adding for a in appraisals)
    stored = {a.pk: a for a in Appraisal.objects.all()}
    assert set(stored) == {a.pk for a in appraisals}
    for appraisal in appraisals:
        row = stored[appraisal.pk]
        assert (row.employee_id, row.year, row.period, row.hasil_kerja, row.notes, row.source) == (
            appraisal.employee_id,
            2025,
            "tahunan",
            "sesuai",
            appraisal.notes,
            "impor.csv",
        )
        assert row.imported_at >= before and row.updated_at >= before  # auto_now_add and auto_now
        assert row.berorientasi_pelayanan == ""  # a field left at its default
    assert stored[appraisals[0].pk].notes == AWKWARD
    assert {e.pk for e in Employee.objects.all()} == {e.pk for e in employees}
    assert Employee.objects.get(pk=employees[1].pk).nip == employees[1].nip
    assert Employee.objects.get(pk=employees[1].pk).is_active is True  # the model's default


def test_the_sequence_moves_on(unit):
    employees = copy_create(Employee, new_employees(unit, count=2))
    later = Employee.objects.create(
        nip="198001012005011099", name="Sesudahnya", unit=unit, position=employees[0].position
    )
    assert later.pk > max(e.pk for e in employees)


def test_nothing_is_kept_when_the_transaction_fails(unit):
    employees = new_employees(unit)
    with pytest.raises(RuntimeError), transaction.atomic():
        copy_create(Employee, employees)
        raise RuntimeError("gagal")
    assert not Employee.objects.exists()
