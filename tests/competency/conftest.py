"""Fixtures and file builders of the competency tests."""

import csv
import datetime
import io

import pytest
from openpyxl import Workbook

from competency.models import Competency, PositionStandard

from ..factories import EmployeeFactory, PositionFactory

MOODLE_HEADER = [
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
]
OWN_HEADER = ["kode", "nama", "jenis", "induk", "definisi", "level_1", "level_2", "level_3", "level_4", "level_5"]
TODAY = datetime.date(2026, 3, 1)


def csv_bytes(rows, *, delimiter=",", bom=False) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def moodle_row(parent, idnumber, name, description="", *, framework=False):
    scale = "Belum kompeten,Kompeten" if framework else ""
    return [parent, idnumber, name, description, "1", scale, "", "", "", "", "", "", "1" if framework else "", ""]


def own_row(code, name, kind="teknis", parent="", definition="", levels=("", "", "", "", "")):
    return [code, name, kind, parent, definition, *levels]


@pytest.fixture
def position(db):
    return PositionFactory(name="Pranata Komputer Ahli Pertama", code="pranata-komputer")


@pytest.fixture
def competencies(db):
    """Three competencies of the default dictionary, by short name."""
    return {
        "integritas": Competency.objects.get(code="integritas"),
        "komunikasi": Competency.objects.get(code="komunikasi"),
        "keamanan": Competency.objects.get(code="tik-keamanan-informasi"),
    }


@pytest.fixture
def standard(position, competencies):
    """The position requires integritas 3, komunikasi 2, keamanan informasi 4."""
    levels = {"integritas": 3, "komunikasi": 2, "keamanan": 4}
    return {
        key: PositionStandard.objects.create(position=position, competency=competencies[key], required_level=level)
        for key, level in levels.items()
    }


@pytest.fixture
def employee(position, unit):
    return EmployeeFactory(position=position, unit=unit, name="Budi Santoso")
