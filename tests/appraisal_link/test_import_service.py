"""The import service: all or nothing, idempotent, corrections update the same records, new employees."""

import io

import pytest
from django.db import IntegrityError, connection

from appraisal_link.models import Appraisal
from appraisal_link.services import imports
from appraisal_link.services.imports import appraisals_import_file, appraisals_import_records
from competency.models import Gap
from portal.people.models import Employee

from ..factories import EmployeeFactory, UnitFactory
from .conftest import csv_bytes, new_nip, nip, record, xlsx_bytes

pytestmark = pytest.mark.django_db


def run(rows, *, name="penilaian.csv", **kwargs):
    content = xlsx_bytes(rows) if name.endswith(".xlsx") else csv_bytes(rows, delimiter=";", bom=True)
    return appraisals_import_file(file=io.BytesIO(content), name=name, **kwargs)


def errors(result):
    return [p for p in result.problems.as_list() if p["level"] == "error"]


def counts(result):
    return result.created, result.updated, result.unchanged


def test_import_then_the_same_file_again_changes_nothing(registered, unit, jabatan):
    other = EmployeeFactory(nip=nip(2), unit=unit, position=jabatan)
    rows = [record(), record(periode="I"), record(nip=other.nip, nama=other.name, hasil_kerja="diatas ekspektasi")]
    first = run(rows)
    assert first.ok and counts(first) == (3, 0, 0)
    appraisal = Appraisal.objects.get(employee=other)
    assert (appraisal.year, appraisal.period, appraisal.hasil_kerja) == (2025, "tahunan", "di_atas")
    assert appraisal.source == "penilaian.csv"
    stamps = dict(Appraisal.objects.values_list("pk", "updated_at"))

    again = run(rows, name="penilaian-lagi.xlsx")
    assert again.ok and counts(again) == (0, 0, 3)
    assert dict(Appraisal.objects.values_list("pk", "updated_at")) == stamps
    assert set(Appraisal.objects.values_list("source", flat=True)) == {"penilaian.csv"}


def test_a_corrected_file_updates_the_same_records(registered):
    run([record(), record(periode="II", catatan="awal")])
    before = {a.period: a for a in Appraisal.objects.all()}
    corrected = run(
        [
            record(),
            record(periode="TW II", hasil_kerja="Di bawah ekspektasi", kolaboratif="", catatan="sudah dikoreksi"),
        ],
        name="koreksi.csv",
    )
    assert corrected.ok and counts(corrected) == (0, 1, 1)
    after = {a.period: a for a in Appraisal.objects.all()}
    assert {p: a.pk for p, a in after.items()} == {p: a.pk for p, a in before.items()}
    changed = after["II"]
    assert (changed.hasil_kerja, changed.kolaboratif, changed.notes) == ("di_bawah", "", "sudah dikoreksi")
    assert changed.source == "koreksi.csv" and changed.updated_at > before["II"].updated_at
    assert after["tahunan"].source == "penilaian.csv"


def test_many_corrections_of_different_fields_each_land_on_their_row(registered, unit, jabatan):
    people = [registered, *(EmployeeFactory(nip=nip(n), unit=unit, position=jabatan) for n in range(2, 7))]
    original = [record(nip=p.nip, nama=p.name) for p in people]
    run(original)
    edits = [
        {"hasil_kerja": "Di bawah ekspektasi"},
        {"predikat": "Sangat Baik", "loyal": "Di atas ekspektasi"},
        {"perilaku_kerja": "Sesuai ekspektasi", "catatan": "baris 4"},
        {"adaptif": "", "kolaboratif": "Di bawah ekspektasi", "hasil_kerja": "Di atas ekspektasi"},
        {},
        {"catatan": "baris 7", "predikat": "Butuh Perbaikan"},
    ]
    result = run([{**row, **edit} for row, edit in zip(original, edits, strict=True)])
    assert counts(result) == (0, 5, 1)
    expected = {p.nip: (record(**{**row, **edit})) for p, row, edit in zip(people, original, edits, strict=True)}
    again = run(list(expected.values()))  # what is stored is exactly what the corrected file says
    assert counts(again) == (0, 0, 6)
    stored = Appraisal.objects.get(employee=people[3])
    assert (stored.adaptif, stored.kolaboratif, stored.hasil_kerja) == ("", "di_bawah", "di_atas")
    assert Appraisal.objects.get(employee=people[5]).notes == "baris 7"


def test_one_bad_row_and_nothing_is_written(registered):
    rows = [
        record(),
        record(nip=new_nip(5), nama="Budi Santoso", unit_kerja="diskominfo", jabatan="analis-sdm"),  # a new employee
        record(periode="III", predikat="Luar biasa"),
    ]
    result = run(rows)
    assert [(e["row"], e["column"]) for e in errors(result)] == [(4, "predikat")]
    assert counts(result) == (0, 0, 0)
    assert not Appraisal.objects.exists()
    assert not Employee.objects.filter(nip=new_nip(5)).exists()


def test_a_write_that_conflicts_rolls_everything_back(registered, monkeypatch):
    rows = [record(), record(nip=new_nip(5), nama="Budi Santoso", unit_kerja="diskominfo", jabatan="analis-sdm")]
    real_update = imports._update_appraisals

    def conflict(plan, *, source):
        real_update(plan, source=source)
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(imports, "_update_appraisals", conflict)
    result = run(rows)
    assert not result.ok and errors(result)[0]["code"] == "conflict"
    assert counts(result) == (0, 0, 0)
    assert not Appraisal.objects.exists()
    assert not Employee.objects.filter(nip=new_nip(5)).exists()


def test_an_unknown_nip_creates_the_employee_matching_unit_and_position_case_insensitively(unit, jabatan):
    result = run(
        [
            record(
                nip=nip(5),
                nama="  Budi   Santoso ",
                unit_kerja="DINAS KOMUNIKASI dan informatika",
                jabatan="ANALIS-SDM",
            ),
            record(
                nip=nip(5), periode="I", nama="Budi Santoso", unit_kerja="diskominfo", jabatan="Analis SDM Aparatur"
            ),
            record(nip=nip(6, sex=2), nama="Rina", unit_kerja="Diskominfo", jabatan="analis sdm aparatur"),
        ]
    )
    assert result.ok, errors(result)
    assert result.employees_created == 2 and result.created == 3
    budi = Employee.objects.get(nip=nip(5))
    assert (budi.name, budi.unit, budi.position) == ("Budi Santoso", unit, jabatan)
    assert Employee.objects.get(nip=nip(6, sex=2)).unit == unit
    assert budi.appraisals.count() == 2


def test_an_unknown_unit_or_position_is_an_error_naming_it(unit, jabatan):
    result = run([record(nip=nip(5), unit_kerja="Dinas Pariwisata", jabatan="Juru Masak"), record(nip=nip(6), nama="")])
    found = {(e["row"], e["column"]): e for e in errors(result)}
    assert found[(2, "unit_kerja")]["code"] == found[(2, "jabatan")]["code"] == "unknown"
    assert found[(3, "nama")]["code"] == "required"
    # The message names what was not found, so that HR can correct the cell.
    assert "Dinas Pariwisata" in found[(2, "unit_kerja")]["message"]
    assert "Juru Masak" in found[(2, "jabatan")]["message"]
    assert not Employee.objects.filter(nip__in=[nip(5), nip(6)]).exists()


def test_a_unit_name_two_units_share_asks_for_the_code(jabatan):
    UnitFactory(name="Sekretariat", code="setda-sekretariat")
    UnitFactory(name="Sekretariat", code="dprd-sekretariat")
    result = run([record(nip=nip(5), unit_kerja="sekretariat")])
    [error] = errors(result)
    assert error["code"] == "ambiguous"
    assert "dprd-sekretariat, setda-sekretariat" in error["message"]  # the codes to choose from
    assert run([record(nip=nip(5), unit_kerja="DPRD-Sekretariat")]).ok


def test_a_known_nip_with_another_name_keeps_the_registers_name(registered):
    result = run([record(nama="Siti Aminah, S.Kom."), record(nama="siti  AMINAH", periode="I")])
    assert result.ok and result.created == 2
    registered.refresh_from_db()
    assert registered.name == "Siti Aminah"
    [warning] = [p for p in result.problems.as_list() if p["level"] == "warning"]
    assert warning["row"] == 2 and warning["code"] == "name_differs"
    assert "Siti Aminah" in warning["message"]  # the name the register keeps


def test_weak_areas_open_gaps_and_a_correction_removes_them(registered):
    run([record(kolaboratif="Di bawah ekspektasi")])
    origins = set(Gap.objects.filter(employee=registered).values_list("origin", flat=True))
    assert origins == {"penilaian:2025:tahunan:kolaboratif"}
    result = run([record()])
    assert counts(result) == (0, 1, 0)
    assert not Gap.objects.filter(employee=registered).exists()


def test_a_dry_run_counts_but_writes_nothing(registered):
    rows = [record(), record(nip=nip(5), nama="Budi", unit_kerja="diskominfo", jabatan="analis-sdm")]
    result = run(rows, dry_run=True)
    assert result.ok and result.dry_run and counts(result) == (2, 0, 0) and result.employees_created == 1
    assert not Appraisal.objects.exists() and not Employee.objects.filter(nip=nip(5)).exists()


def test_api_records_use_the_same_rules(registered):
    result = appraisals_import_records(
        records=[
            {"NIP": nip(1), "Nama": "Siti Aminah", **{k: v for k, v in record().items() if k not in ("nip", "nama")}}
        ]
    )
    assert result.ok and result.created == 1
    assert Appraisal.objects.get().source == "api"
    bad = appraisals_import_records(records=[record(periode="I"), "bukan objek", record(tahun="1990")])
    assert [(e["row"], e["column"]) for e in errors(bad)] == [(2, ""), (3, "tahun")]
    assert Appraisal.objects.count() == 1


def test_a_new_appraisal_clears_gaps_left_by_a_deleted_one_of_the_same_period(registered):
    run([record(kolaboratif="Di bawah ekspektasi")])
    Appraisal.objects.all().delete()  # the gap stays: it only names its origin
    assert Gap.objects.filter(employee=registered).exists()
    result = run([record()])
    assert counts(result) == (1, 0, 0)
    assert not Gap.objects.filter(employee=registered).exists()


def test_a_newer_imported_appraisal_closes_the_older_years_gap(registered):
    run([record(kolaboratif="Di bawah ekspektasi")])
    gaps = Gap.objects.filter(employee=registered, origin="penilaian:2025:tahunan:kolaboratif")
    assert gaps.filter(status=Gap.Status.OPEN).count() == gaps.count() > 0

    result = run([record(tahun=2026)])  # no weak area at all

    assert counts(result) == (1, 0, 0)
    assert not gaps.filter(status=Gap.Status.OPEN).exists()
    assert set(gaps.values_list("closed_reason", flat=True)) == {"tidak lagi tampak pada penilaian 2026"}


def test_a_nip_one_digit_off_with_the_same_name_is_flagged_and_new_employees_are_counted(registered):
    mistyped = nip(2)  # one digit off nip(1)
    result = run([record(nip=mistyped, nama=registered.name)], dry_run=True)

    warnings = {p["code"]: p for p in result.problems.as_list() if p["level"] == "warning"}
    assert "1 pegawai baru" in warnings["new_employees"]["message"]  # the count
    lookalike = warnings["lookalike"]
    assert lookalike["value"] == mistyped
    assert registered.name in lookalike["message"] and registered.nip in lookalike["message"]  # whom it looks like
    assert not Employee.objects.filter(nip=mistyped).exists()


def test_two_swapped_digits_or_the_same_name_are_flagged_too(registered):
    swapped = nip(10)  # "...001" with its last two digits swapped
    other = "198501012010011123"  # far from every NIP, but the same name
    result = run([record(nip=swapped, nama="Orang Lain"), record(nip=other, nama=registered.name)], dry_run=True)
    assert not [p for p in result.problems.as_list() if p["level"] == "error"]
    flagged = {p["value"] for p in result.problems.as_list() if p.get("code") == "lookalike"}
    assert flagged == {swapped, other}


def test_a_truly_new_employee_is_counted_but_not_flagged(registered):
    result = run([record(nip="198501012010011123", nama="Pegawai Baru Sekali")], dry_run=True)
    codes = [p.get("code") for p in result.problems.as_list()]
    assert codes.count("new_employees") == 1 and "lookalike" not in codes


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one bound array is PostgreSQL's")
def test_one_bound_array_matches_what_chunks_of_values_match(unit, jabatan):
    from appraisal_link.importing.plan import in_batches

    people = [EmployeeFactory(nip=nip(n), unit=unit, position=jabatan) for n in range(1, 8)]
    wanted = [p.pk for p in people[::2]] + [999_999_999]

    def found(one_array: bool) -> set[int]:
        batches = in_batches(wanted, "bigint", one_array=one_array)
        return {pk for batch in batches for pk in Employee.objects.filter(pk__in=batch).values_list("pk", flat=True)}

    assert found(True) == found(False) == {p.pk for p in people[::2]}
