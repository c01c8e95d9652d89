"""portal.bulk_copy: the rows COPY writes are the rows bulk_create would have written."""

import pytest
from django.db import connection, transaction
from django.utils import timezone

from appraisal_link.models import Appraisal
from appraisal_link.services.imports import APPRAISAL_COLUMNS
from competency.models import Competency, Gap
from portal import stored_text
from portal.bulk_copy import copy_create, copy_create_rows, copy_insert_new
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


def _gap(employee, competency, origin: str, reason: str) -> Gap:
    return Gap(
        employee=employee,
        competency=competency,
        source=Gap.Source.APPRAISAL,
        origin=origin,
        reason=reason,
        reason_source=stored_text.source("karena %(why)s", why=stored_text.source(reason)),
        required_level=3,
        current_level=1,
    )


def test_insert_new_skips_the_rows_a_unique_constraint_holds_and_writes_the_rest_whole(unit):
    employees = copy_create(Employee, new_employees(unit, count=2))
    integritas = Competency.objects.get(code="integritas")
    _gap(employees[0], integritas, "penilaian:2025:tahunan:x", "lama").save()
    before = timezone.now()

    copy_insert_new(
        Gap,
        [
            _gap(employees[0], integritas, "penilaian:2025:tahunan:x", "baru"),  # held already: skipped
            _gap(employees[1], integritas, "penilaian:2025:tahunan:x", AWKWARD),
        ],
    )

    stored = sorted(Gap.objects.values_list("employee_id", "reason"))
    assert stored == [(employees[0].pk, "lama"), (employees[1].pk, AWKWARD)]
    written = Gap.objects.get(employee=employees[1])
    assert written.reason_source == {"msgid": "karena %(why)s", "params": {"why": {"msgid": AWKWARD}}}
    assert written.status == Gap.Status.OPEN and written.opened_at >= before  # default and auto_now_add
    assert written.required_level == 3 and written.current_level == 1
    later = _gap(employees[1], integritas, "lain", "x")
    later.save()
    assert later.pk > written.pk  # the sequence moved on


def test_rows_are_written_as_given_and_their_keys_come_back_in_order(unit):
    employees = copy_create(Employee, new_employees(unit, count=2))
    stamp = timezone.now().replace(microsecond=0)
    values = ("sesuai", "di_atas", "baik", "", "sesuai", "di_bawah", "", "", "", "")
    rows = [
        (employees[0].pk, 2025, "tahunan", *values, AWKWARD, "impor.csv", stamp, stamp),
        (employees[1].pk, 2025, "I", *values, "", "impor.csv", stamp, stamp),
    ]

    pks = copy_create_rows(Appraisal, APPRAISAL_COLUMNS, rows)

    assert len(pks) == 2 and pks[0] < pks[1]
    stamped = 2 if connection.vendor == "postgresql" else 0  # bulk_create stamps auto_now itself
    for pk, row in zip(pks, rows, strict=True):
        stored = Appraisal.objects.filter(pk=pk).values_list(*APPRAISAL_COLUMNS).get()
        assert stored[: len(row) - 2 + stamped] == row[: len(row) - 2 + stamped]
    assert copy_create_rows(Appraisal, APPRAISAL_COLUMNS, []) == []
    later = Appraisal.objects.create(
        employee=employees[0],
        year=2026,
        period="tahunan",
        hasil_kerja="sesuai",
        perilaku_kerja="sesuai",
        predikat="baik",
    )
    assert later.pk > pks[1]  # the sequence moved on


def test_the_imports_rows_name_every_field_of_an_appraisal():
    """The import writes an appraisal's every column itself (COPY fills in no default)."""
    fields = {f.attname for f in Appraisal._meta.concrete_fields if not f.primary_key}
    assert set(APPRAISAL_COLUMNS) == fields and len(APPRAISAL_COLUMNS) == len(fields)
