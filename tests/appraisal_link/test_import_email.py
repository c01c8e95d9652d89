"""The optional `email` column: the address BKPSDM holds, with which an employee proves themself at
sign-up. Validated, written to new and known employees, kept when the column or cell is empty."""

import csv
import io

import pytest

from appraisal_link.importing.columns import COLUMNS
from appraisal_link.services.imports import appraisals_import_file, appraisals_import_records
from portal.people.models import Employee

from .conftest import csv_bytes, new_nip, record

pytestmark = pytest.mark.django_db


def run(content: bytes):
    return appraisals_import_file(file=io.BytesIO(content), name="penilaian.csv")


def csv_without_email(rows: list[dict]) -> bytes:
    columns = [column for column in COLUMNS if column != "email"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return buffer.getvalue().encode()


def test_the_email_column_fills_the_register_for_new_and_known_employees(registered, unit):
    rows = [
        record(email="Siti.Aminah@PangkalpinangKota.go.id"),
        record(nip=new_nip(2), nama="Budi Santoso", email="budi@pangkalpinangkota.go.id"),
    ]
    result = run(csv_bytes(rows))
    assert result.ok, result.problems.as_list()
    registered.refresh_from_db()
    assert registered.email == "siti.aminah@pangkalpinangkota.go.id"
    assert Employee.objects.get(nip=new_nip(2)).email == "budi@pangkalpinangkota.go.id"


def test_an_absent_column_or_empty_cell_keeps_the_address(registered):
    registered.email = "siti@pangkalpinangkota.go.id"
    registered.save()
    assert run(csv_without_email([record()])).ok
    assert run(csv_bytes([record(periode="I", email="")])).ok
    registered.refresh_from_db()
    assert registered.email == "siti@pangkalpinangkota.go.id"


def test_a_malformed_address_is_refused_with_its_row_and_nothing_is_written(registered):
    result = run(csv_bytes([record(email="bukan-alamat")]))
    assert not result.ok
    [problem] = [p for p in result.problems.as_list() if p["level"] == "error"]
    assert (problem["row"], problem["column"], problem["message"]) == (2, "email", "Alamat e-mail tidak sah.")
    registered.refresh_from_db()
    assert registered.email == ""


def test_the_api_takes_the_same_key(registered):
    result = appraisals_import_records(records=[record(email="siti@pangkalpinangkota.go.id")])
    assert result.ok
    registered.refresh_from_db()
    assert registered.email == "siti@pangkalpinangkota.go.id"
