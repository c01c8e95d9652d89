"""Every export goes through one escaper: cells, headings and sheet names that a spreadsheet would
read as a formula are shown as text, in our own tables and in Wagtail's listing exports."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from appraisal_link.models import Rating
from competency.models import Competency
from portal.people import roles
from portal.spreadsheets import safe_cell, safe_sheet_title, table_bytes

from ..appraisal_link.test_gaps_and_assignments import appraise
from ..factories import UserFactory

EVIL = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("  =1", "'  =1"),
        ("＝1+1", "'＝1+1"),
        ("'=1", "'=1"),  # already escaped: not twice
        ("Budi", "Budi"),
        ("a\x00b", "ab"),  # XLSX cannot hold it; dropped rather than crash the export
        (5, 5),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_lazy_headings_are_checked_too():
    from django.utils.functional import lazy

    assert safe_cell(lazy(lambda: "=1", str)()) == "'=1"


def test_sheet_names_lose_formula_characters_and_what_excel_forbids():
    assert safe_sheet_title("=HYPERLINK(x)") == "HYPERLINK(x)"
    assert safe_sheet_title("'a/b[c]'") == "a b c"
    assert len(safe_sheet_title("x" * 50)) == 31
    assert safe_sheet_title(None) == safe_sheet_title("=") == "Data"


def test_tables_escape_headers_cells_and_the_sheet_name():
    data = table_bytes(header=[EVIL, "Nama"], rows=[[EVIL, "-1"]], file_format="xlsx", sheet_title="=Lembar")
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    assert sheet.title == "Lembar"
    assert [c.value for c in sheet[1]] == ["'" + EVIL, "Nama"] and sheet["A2"].value == "'" + EVIL
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row)
    text = table_bytes(header=[EVIL], rows=[[EVIL]], file_format="csv").decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [["'" + EVIL], ["'" + EVIL]]


@pytest.fixture
def evil_gap(make_person, unit):
    """A gap in a competency whose name (and code) HR typed as a formula."""
    person = make_person(roles.PEGAWAI, unit=unit)
    appraise(person.employee, adaptif=Rating.BELOW)
    Competency.objects.filter(code="mengelola-perubahan").update(name=EVIL, code="=1+1")
    return person


@pytest.mark.django_db
def test_heatmap_export_headers_are_neutralised(client, hr_with_mfa, evil_gap):
    client.force_login(hr_with_mfa)
    response = client.get(reverse("appraisal_heatmap"), {"format": "csv"})
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert "'" + EVIL in header and EVIL not in header
    response = client.get(reverse("appraisal_heatmap"), {"format": "xlsx"})
    header = [c.value for c in load_workbook(io.BytesIO(response.content)).active[1]]
    assert "'" + EVIL in header and EVIL not in header


def _gap_export(client, file_format):
    response = client.get(reverse("kesenjangan-kompetensi:index"), {"export": file_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if file_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    return [[c.value for c in row] for row in load_workbook(io.BytesIO(content)).active.iter_rows()]


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_gap_list_export_goes_through_the_escaper(client, hr_with_mfa, evil_gap, file_format):
    client.force_login(hr_with_mfa)
    rows = _gap_export(client, file_format)
    header, cells = rows[0], [value for row in rows[1:] for value in row]
    assert "NIP" in header and "Kompetensi" in header
    assert "'" + EVIL in cells and "'=1+1" in cells
    assert EVIL not in cells and "=1+1" not in cells
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "-", "@")) for v in header + cells)


@pytest.mark.django_db
def test_gap_export_headings_are_escaped(client, hr_with_mfa, evil_gap, monkeypatch):
    from competency.viewsets import GapViewSet

    monkeypatch.setitem(GapViewSet.export_headings, "competency.name", "=HEADING()")
    client.force_login(hr_with_mfa)
    assert "'=HEADING()" in _gap_export(client, "csv")[0]


@pytest.mark.django_db
def test_wagtails_own_report_exports_go_through_the_escaper(client, with_totp):
    """The admin's built-in reports (here: aging pages) list titles that editors typed."""
    from wagtail.models import Page

    home = Page.objects.get(depth=2)
    page = home.add_child(instance=Page(title=EVIL, slug="rumus", live=False))
    page.save_revision().publish()
    admin = UserFactory(is_superuser=True, is_staff=True)
    with_totp(admin)
    client.force_login(admin)

    response = client.get(reverse("wagtailadmin_reports:aging_pages") + "?export=csv")

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    cells = [value for row in rows for value in row]
    assert "'" + EVIL in cells and EVIL not in cells
