"""Fixtures and file builders for the appraisal import and API tests."""

import csv
import io

import pytest
from openpyxl import Workbook

from appraisal_link.importing.columns import COLUMNS

from ..factories import EmployeeFactory, PositionFactory


def nip(n: int, sex: int = 1) -> str:
    """A valid NIP of the tests: born 1992-04-20, CPNS from 2019-03, sequence n (1-999, never 000)."""
    return f"19920420201903{sex}{n:03d}"


def new_nip(n: int, sex: int = 1) -> str:
    """A valid NIP far from every nip(n) (born 1985-07-15, CPNS from 2010-06): a newcomer in a file,
    who does not look like a registered employee's mistyped NIP."""
    return f"19850715201006{sex}{n:03d}"


def record(**overrides) -> dict:
    """One appraisal row (the API's record, or a file row by column name); every column filled."""
    row = {
        "nip": nip(1),
        "nama": "Siti Aminah",
        "unit_kerja": "Dinas Komunikasi dan Informatika",
        "jabatan": "Analis SDM Aparatur",
        "tahun": 2025,
        "periode": "Tahunan",
        "hasil_kerja": "Sesuai ekspektasi",
        "perilaku_kerja": "Di atas ekspektasi",
        "predikat": "Baik",
        "berorientasi_pelayanan": "Sesuai ekspektasi",
        "akuntabel": "Sesuai ekspektasi",
        "kompeten": "Sesuai ekspektasi",
        "harmonis": "Sesuai ekspektasi",
        "loyal": "Sesuai ekspektasi",
        "adaptif": "Sesuai ekspektasi",
        "kolaboratif": "Sesuai ekspektasi",
        "catatan": "",
    }
    row.update(overrides)
    return row


def csv_bytes(rows: list[dict], *, delimiter: str = ",", bom: bool = False, header: list[str] | None = None) -> bytes:
    """A CSV of the rows; `header` renames the columns (same order as COLUMNS)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header or list(COLUMNS))
    for row in rows:
        writer.writerow(["" if row.get(column) is None else row.get(column) for column in COLUMNS])
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[dict], *, header: list[str] | None = None) -> bytes:
    """An XLSX of the rows; values keep their Python type (a float NIP becomes a number cell)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header or list(COLUMNS))
    for row in rows:
        sheet.append([row.get(column) for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def jabatan(db):
    return PositionFactory(name="Analis SDM Aparatur", code="analis-sdm")


@pytest.fixture
def registered(unit, jabatan):
    """The employee of nip(1), already in the register."""
    return EmployeeFactory(nip=nip(1), name="Siti Aminah", unit=unit, position=jabatan)


@pytest.fixture
def media_root(settings, tmp_path, monkeypatch):
    """Uploaded files go to a temporary folder (also for a worker process started after this fixture)."""
    folder = tmp_path / "media"
    folder.mkdir()
    settings.MEDIA_ROOT = str(folder)
    monkeypatch.setenv("MEDIA_ROOT", str(folder))
    private = tmp_path / "private-media"
    private.mkdir()
    settings.PRIVATE_MEDIA_ROOT = str(private)
    monkeypatch.setenv("PRIVATE_MEDIA_ROOT", str(private))
    return folder
