"""The appraisal import reads a workbook as Excel writes it: NIPs kept as text import; a NIP Excel
turned into a number is refused for its row with the reason, and nothing is written; a year or a
score typed as a number reads as typed; formatted empty cells below the data are no rows."""

import io

import pytest

from appraisal_link.importing.columns import COLUMNS
from appraisal_link.importing.readers import FileRejected
from appraisal_link.models import Appraisal
from appraisal_link.services.imports import appraisals_import_file

from ..excel_workbook import Formatted, Number, excel_workbook
from .conftest import nip, record

pytestmark = pytest.mark.django_db


def workbook(rows: list[dict], **typed) -> bytes:
    """The template's columns; `typed` names columns whose cells Excel holds as numbers."""
    cells = [list(COLUMNS)]
    for row in rows:
        cells.append(
            [Number(str(row[c])) if c in typed else ("" if row.get(c) is None else str(row[c])) for c in COLUMNS]
        )
    return excel_workbook(cells)


def run(data: bytes):
    return appraisals_import_file(file=io.BytesIO(data), name="penilaian.xlsx")


def errors(result):
    return [p for p in result.problems.as_list() if p["level"] == "error"]


def test_nips_kept_as_text_and_a_year_typed_as_a_number_import(registered):
    result = run(workbook([record(), record(periode="I")], tahun=True))
    assert result.ok and result.created == 2
    assert set(Appraisal.objects.values_list("year", flat=True)) == {2025}


def test_a_nip_excel_turned_into_a_number_is_refused_and_nothing_is_written(registered):
    result = run(workbook([record(periode="I"), record(nip=nip(11))], nip=True))
    problems = errors(result)
    assert not result.ok and not Appraisal.objects.exists()
    assert {p["row"] for p in problems if p["column"] == "nip"} == {2, 3}
    assert "Excel" in problems[0]["message"] and str(problems[0]["value"]).upper().endswith("E+17")


def test_formatted_empty_cells_below_the_data_are_not_rows(registered):
    row = [str(record().get(column, "")) for column in COLUMNS]
    result = run(excel_workbook([list(COLUMNS), row, [Formatted()] * 4, [None, Formatted()]]))
    assert result.ok and result.created == 1
    assert run(workbook([record()])).unchanged == 1


def test_a_sheet_whose_row_1_is_empty_has_no_header():
    """The reader starts at the sheet's first used cell; a header on row 2 is still no header on row 1."""
    row = [str(record().get(column, "")) for column in COLUMNS]
    with pytest.raises(FileRejected) as refused:
        run(excel_workbook([[None] * len(COLUMNS), list(COLUMNS), row]))
    assert refused.value.code == "no_header" and refused.value.row == 1


def test_a_table_that_starts_in_column_b_is_read_and_rows_keep_their_numbers(registered):
    bad = record(periode="I")
    bad["tahun"] = "dua ribu"
    rows = [[None, *COLUMNS], [None, *(str(record().get(c, "")) for c in COLUMNS)]]
    rows.append([None, *(str(bad.get(c, "")) for c in COLUMNS)])
    result = run(excel_workbook(rows))
    assert [(p["row"], p["column"]) for p in errors(result)] == [(3, "tahun")]
