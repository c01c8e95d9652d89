"""Reading appraisal files and cleaning their cells: every tolerated form, every refused one."""

import datetime
import io

import pytest

from appraisal_link.importing.readers import FileRejected, check_file, open_table
from appraisal_link.importing.values import (
    CellError,
    clean_nip,
    clean_period,
    clean_predikat,
    clean_rating,
    clean_year,
)
from appraisal_link.models import Appraisal
from appraisal_link.services.imports import appraisals_import_file

from .conftest import csv_bytes, new_nip, nip, record, xlsx_bytes

EXCEL = "NIP tampaknya diubah Excel menjadi angka"


def problems_of(result, level="error"):
    return [p for p in result.problems.as_list() if p["level"] == level]


def import_bytes(content: bytes, name="penilaian.csv", **kwargs):
    return appraisals_import_file(file=io.BytesIO(content), name=name, **kwargs)


# --- cells ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Di atas ekspektasi", "di_atas"),
        ("di atas ekspektasi", "di_atas"),
        ("DI ATAS EKSPEKTASI", "di_atas"),
        ("  Di   atas  ekspektasi ", "di_atas"),
        ("diatas ekspektasi", "di_atas"),
        ("Diatas Ekspektasi", "di_atas"),
        ("Sesuai ekspektasi", "sesuai"),
        ("SESUAI\tEKSPEKTASI", "sesuai"),
        ("Di bawah ekspektasi", "di_bawah"),
        ("dibawah ekspektasi", "di_bawah"),
        ("di_atas", "di_atas"),
        ("sesuai", "sesuai"),
        ("di_bawah", "di_bawah"),
    ],
)
def test_tolerated_ratings(typed, stored):
    assert clean_rating(typed) == stored


@pytest.mark.parametrize("typed", ["Melampaui ekspektasi", "Baik", "atas", "3", "di atasekspektasi", "ekspektasi"])
def test_refused_ratings(typed):
    with pytest.raises(CellError) as refused:
        clean_rating(typed)
    assert refused.value.code == "unknown"


def test_blank_rating_is_required_for_results_but_not_for_berakhlak_values():
    with pytest.raises(CellError) as refused:
        clean_rating("  ")
    assert refused.value.code == "required"
    assert clean_rating(None, required=False) == ""
    assert clean_rating("", required=False) == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Sangat Baik", "sangat_baik"),
        ("sangat  BAIK", "sangat_baik"),
        ("Baik", "baik"),
        (" baik ", "baik"),
        ("Butuh Perbaikan", "butuh_perbaikan"),
        ("butuh perbaikan", "butuh_perbaikan"),
        ("Kurang", "kurang"),
        ("Kurang/misconduct", "kurang"),
        ("kurang / Misconduct", "kurang"),
        ("Sangat Kurang", "sangat_kurang"),
        ("sangat_kurang", "sangat_kurang"),
    ],
)
def test_tolerated_predikat(typed, stored):
    assert clean_predikat(typed) == stored


@pytest.mark.parametrize("typed", ["Cukup", "Baik sekali", "misconduct", "A"])
def test_refused_predikat(typed):
    with pytest.raises(CellError) as refused:
        clean_predikat(typed)
    assert refused.value.code == "unknown"
    with pytest.raises(CellError) as refused:
        clean_predikat("")
    assert refused.value.code == "required"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("tahunan", "tahunan"),
        ("Tahunan", "tahunan"),
        ("TAHUNAN ", "tahunan"),
        ("annual", "tahunan"),
        ("Annual", "tahunan"),
        ("I", "I"),
        ("ii", "II"),
        ("III", "III"),
        ("iv", "IV"),
        ("1", "I"),
        ("4", "IV"),
        (2, "II"),
        (3.0, "III"),
        ("Triwulan I", "I"),
        ("triwulan iv", "IV"),
        ("Triwulan 3", "III"),
        ("TW I", "I"),
        ("TW 2", "II"),
        ("tw-III", "III"),
        ("TW.IV", "IV"),
        ("TWII", "II"),
    ],
)
def test_tolerated_periods(typed, stored):
    assert clean_period(typed) == stored


@pytest.mark.parametrize("typed", ["V", "5", "0", "Semester I", "Triwulan V", "Q1", "bulanan"])
def test_refused_periods(typed):
    with pytest.raises(CellError) as refused:
        clean_period(typed)
    assert refused.value.code == "unknown"


@pytest.mark.parametrize(("typed", "stored"), [(2025, 2025), ("2025", 2025), (2025.0, 2025), (" 2024 ", 2024)])
def test_tolerated_years(typed, stored):
    assert clean_year(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("20x5", "year_format"),
        ("25", "year_format"),
        (2025.5, "year_format"),
        (True, "year_format"),
        (1999, "year_range"),
        (datetime.date.today().year + 2, "year_range"),
        ("", "required"),
    ],
)
def test_refused_years(typed, code):
    with pytest.raises(CellError) as refused:
        clean_year(typed)
    assert refused.value.code == code


@pytest.mark.parametrize(
    "typed",
    [nip(7), f" {nip(7)} ", "19920420 201903 1 007", "19920420.201903.1.007", "'" + nip(7), int(nip(7))],
)
def test_tolerated_nips(typed):
    assert clean_nip(typed) == nip(7)


@pytest.mark.parametrize(
    "typed",
    [
        1.99204202019032e17,  # an XLSX number cell
        199204202019031007.0,
        "1,99204E+17",  # what Excel shows in a narrow column, with the Indonesian decimal comma
        "1.99204E+17",
        "1.99204202019032E+17",
        "1.99204202019032e17",
        "199204202019032000",  # the number written out again: the last three digits are gone
        "199204202019032000.0",
        "199.204.202.019.032.000",
    ],
)
def test_nips_excel_turned_into_numbers_are_explained(typed):
    with pytest.raises(CellError) as caught:
        clean_nip(typed)
    assert caught.value.code == "excel_number"
    # The explanation is the behaviour here: it tells how to keep Excel from doing it again.
    assert caught.value.message.startswith(EXCEL)
    assert "format kolom NIP sebagai Teks" in caught.value.message


@pytest.mark.parametrize(
    ("typed", "code", "shown"),
    [
        ("12345", "nip_length", "(yang dimasukkan: 5)"),
        ("1992042A2019031001", "nip_digits", ""),
        ("199213202019031001", "nip_birth_date", "(19921320)"),
        ("199204202019131001", "nip_start_month", "(201913)"),
        ("199204201999031001", "nip_start_year", "(1999)"),
        ("199204202019033001", "nip_sex", ""),
        ("", "required", ""),
        (12345.0, "nip_length", "(yang dimasukkan: 5)"),
    ],
)
def test_other_bad_nips_get_validate_nip_messages(typed, code, shown):
    with pytest.raises(CellError) as caught:
        clean_nip(typed)
    assert caught.value.code == code
    assert shown in caught.value.message  # validate_nip's message, with the part of the NIP at fault


# --- files ----------------------------------------------------------------------------------------
HEADER_VARIANTS = [
    "NIP",
    "Nama",
    "Unit Kerja",
    "JABATAN",
    " tahun ",
    "Periode",
    "Hasil_Kerja",
    "perilaku kerja",
    "PREDIKAT",
    "Berorientasi Pelayanan",
    "akuntabel",
    "Kompeten",
    "Harmonis",
    "Loyal",
    "Adaptif",
    "Kolaboratif",
    "Catatan",
]


def rows_of(content: bytes, name="penilaian.csv"):
    table = open_table(io.BytesIO(content), name=name)
    try:
        return list(table.rows())
    finally:
        table.close()


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (",", True), (";", False), (";", True), ("\t", True)])
def test_csv_with_or_without_bom_and_any_delimiter(delimiter, bom):
    content = csv_bytes(
        [record(catatan="perlu, pendampingan; segera"), record(nip=nip(2))],
        delimiter=delimiter,
        bom=bom,
        header=HEADER_VARIANTS,
    )
    rows = rows_of(content)
    assert [number for number, _row in rows] == [2, 3]
    assert rows[0][1]["nip"] == nip(1)  # the BOM is not part of the first column's name or value
    assert rows[0][1]["unit_kerja"] == "Dinas Komunikasi dan Informatika"
    assert rows[0][1]["catatan"] == "perlu, pendampingan; segera"


def test_blank_rows_are_skipped_but_counted_as_in_the_spreadsheet():
    content = csv_bytes([record()]) + b"\r\n,,,,,,,,,,,,,,,,\r\n" + csv_bytes([record(nip=nip(2))]).split(b"\r\n", 1)[1]
    assert [number for number, _row in rows_of(content)] == [2, 5]


def test_xlsx_rows_keep_their_numbers_and_types():
    rows = rows_of(xlsx_bytes([record(), {}, record(nip=nip(2), tahun=2024)], header=HEADER_VARIANTS), "a.xlsx")
    assert [number for number, _row in rows] == [2, 4]
    assert rows[1][1]["tahun"] == 2024


@pytest.mark.django_db
def test_xlsx_float_nip_is_reported_at_its_row(registered):
    content = xlsx_bytes([record(), record(nip=1.99204202019032e17, periode="I")])
    result = import_bytes(content, "penilaian.xlsx")
    [error] = problems_of(result)
    assert (error["row"], error["column"], error["value"]) == (3, "nip", "1.99204202019032e+17")
    assert error["message"].startswith(EXCEL)
    assert not Appraisal.objects.exists()


@pytest.mark.django_db
def test_csv_excel_mangled_nips_are_reported(registered):
    content = csv_bytes([record(nip="1,99204E+17"), record(nip="199204202019032000", periode="II")], delimiter=";")
    result = import_bytes(content)
    assert [(e["row"], e["value"]) for e in problems_of(result)] == [(2, "1,99204E+17"), (3, "199204202019032000")]
    assert all(e["message"].startswith(EXCEL) for e in problems_of(result))


@pytest.mark.parametrize(
    ("content", "name", "code", "named"),
    [
        (b"", "penilaian.csv", "empty", ""),
        (b"\r\n\r\n", "penilaian.csv", "no_header", ""),
        (b"nip,nama\r\n1,2\r\n", "penilaian.csv", "missing_columns", "unit_kerja, jabatan, tahun"),
        (b"nip,nama,nama,x\r\n", "penilaian.csv", "duplicate_columns", ": nama"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "penilaian.xls", "xls", ""),
        (b"%PDF-1.4 ...", "penilaian.pdf", "format", ""),
        (b"PK\x03\x04 not really a zip", "penilaian.xlsx", "xlsx_corrupt", ""),
        (b"nip;nama\r\n", "penilaian.xlsx", "not_xlsx", ""),
        (b"nip,nama\x00,x\r\n", "penilaian.csv", "not_text", ""),
        ("nip,nama\r\n".encode("utf-16"), "penilaian.csv", "not_utf8", ""),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(content, name, code, named):
    with pytest.raises(FileRejected) as caught:
        check_file(io.BytesIO(content), name=name)
    assert caught.value.code == code
    assert named in caught.value.message  # the columns at fault are named


def test_an_xlsx_renamed_to_csv_is_refused():
    with pytest.raises(FileRejected) as refused:
        check_file(io.BytesIO(xlsx_bytes([record()])), name="penilaian.csv")
    assert refused.value.code == "xlsx_as_csv"


@pytest.mark.parametrize(
    "content", [csv_bytes([]), xlsx_bytes([]), csv_bytes([]) + b",,,,\r\n\r\n"], ids=["csv", "xlsx", "blank rows"]
)
def test_a_file_with_only_its_header_is_refused(content):
    name = "a.xlsx" if content.startswith(b"PK") else "a.csv"
    with pytest.raises(FileRejected) as refused:
        check_file(io.BytesIO(content), name=name)
    assert refused.value.code == "no_rows"


@pytest.mark.django_db
def test_a_byte_that_is_not_utf8_is_reported_at_its_line(registered):
    content = csv_bytes([record(), record(nip=nip(2))]).replace(b"Siti", b"S\xe9ti", 2)
    with pytest.raises(FileRejected) as refused:
        import_bytes(content)
    assert (refused.value.code, refused.value.row) == ("not_utf8", 2)
    assert not Appraisal.objects.exists()


@pytest.mark.django_db
def test_unknown_columns_are_ignored_with_a_warning(registered):
    content = csv_bytes([record()], header=[*HEADER_VARIANTS[:-1], "Catatan"])
    content = content.replace(b"Catatan", b"Catatan,Nomor Urut", 1)
    result = import_bytes(content)
    assert result.ok
    [warning] = problems_of(result, "warning")
    assert (warning["row"], warning["code"], warning["column"]) == (1, "unknown_column", "nomor_urut")


@pytest.mark.django_db
def test_the_same_nip_year_and_period_twice_in_a_file_is_an_error(registered):
    content = csv_bytes([record(periode="TW I"), record(nip=new_nip(2), nama="Budi Santoso"), record(periode="1")])
    result = import_bytes(content)
    [error] = problems_of(result)
    assert (error["row"], error["code"]) == (4, "duplicate_row")
    assert "baris 2" in error["message"]  # names the row it repeats
    assert not Appraisal.objects.exists()


@pytest.mark.django_db
def test_every_bad_cell_of_every_row_is_reported_with_row_column_value_and_reason(registered):
    content = csv_bytes(
        [
            record(),
            record(nip="12345", tahun="dua ribu", hasil_kerja="hebat"),
            record(nip=nip(1), periode="V", predikat="Cukup", adaptif="baik"),
        ]
    )
    result = import_bytes(content)
    found = [(e["row"], e["column"], e["value"]) for e in problems_of(result)]
    assert found == [
        (3, "nip", "12345"),
        (3, "tahun", "dua ribu"),
        (3, "hasil_kerja", "hebat"),
        (4, "periode", "V"),
        (4, "predikat", "Cukup"),
        (4, "adaptif", "baik"),
    ]
    assert all(e["message"] for e in problems_of(result))
    assert not Appraisal.objects.exists()


def test_a_stray_carriage_return_in_the_header_is_a_reason_not_a_crash():
    import io

    from appraisal_link.importing.readers import FileRejected, open_table

    with pytest.raises(FileRejected) as refused:
        open_table(io.BytesIO(b"\r\x01"), name="a.csv")
    assert (refused.value.code, refused.value.row) == ("csv_unreadable", 1)
