"""The Excel-written workbook of the importers' tests is what Excel saves: its package parts say
Microsoft Excel, and openpyxl reads back the cells as Excel would show them."""

import datetime
import io
import zipfile

from openpyxl import load_workbook

from .excel_workbook import Formatted, Number, excel_number, excel_workbook


def test_the_parts_are_excels_and_the_cells_read_back():
    data = excel_workbook(
        [
            ["NIP", "Nilai", "Tanggal", "Catatan"],
            ["199204202019032011", Number("85,5"), datetime.date(2026, 3, 2), None],
        ]
        + [[None, None, Formatted(), None]]
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<Application>Microsoft Excel</Application>" in archive.read("docProps/app.xml")
        assert b't="s"' in archive.read("xl/worksheets/sheet1.xml")
    sheet = load_workbook(io.BytesIO(data), data_only=True).active
    assert [c.value for c in sheet[2]][:3] == ["199204202019032011", 85.5, datetime.datetime(2026, 3, 2)]


def test_a_long_number_keeps_fifteen_digits_as_excel_does():
    assert excel_number("199204202019032011") == "1.99204202019032E+17"
    assert excel_number("2026") == "2026" and excel_number("0,75") == "0.75"
