"""The dictionary import reads a workbook as Excel writes it: headers and texts from the shared
strings, a code typed as a number read as the digits typed, and formatted empty cells ignored."""

import pytest

from competency import services
from competency.models import Competency

from ..excel_workbook import Formatted, Number, excel_workbook
from .conftest import OWN_HEADER, own_row

pytestmark = pytest.mark.django_db


def test_an_excel_workbook_of_the_template_imports():
    rows = [
        ["Kode", "Nama", "Jenis", "Induk", "Definisi", "Level 1", "Level 2", "Level 3", "Level 4", "Level 5"],
        own_row("tik-data", "Analisis Data", "Teknis", "", "  Mengolah data kantor.  "),
        [Number("101"), "Kearsipan Dasar", "teknis", None, None, None, None, None, None, None, Formatted()],
        [None, None, Formatted(), None],
    ]
    result = services.competencies_import(data=excel_workbook(rows), name="kamus.xlsx")
    assert result.ok, [str(e) for e in result.errors]
    assert result.created == 2
    assert Competency.objects.get(code="tik-data").description == "Mengolah data kantor."
    assert Competency.objects.get(code="101").name == "Kearsipan Dasar"


def test_the_header_row_may_come_in_excels_case_and_spacing():
    header = [name.upper().replace("_", " ") for name in OWN_HEADER]
    result = services.competencies_import(
        data=excel_workbook([header, own_row("tik-jaringan", "Jaringan", "Teknis")]), name="kamus.xlsx"
    )
    assert result.ok and result.created == 1
