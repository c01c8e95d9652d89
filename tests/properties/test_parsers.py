"""Property tests of the parsers that read what people and other systems send: the NIP, the
appraisal cells, and CSV/XLSX files. Whatever arrives, a parser answers with its own refusal (a
message in Indonesian), never with a crash; and what it accepts, it reads back exactly."""

import csv
import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from appraisal_link.importing.columns import REQUIRED
from appraisal_link.importing.readers import FileRejected, open_table
from appraisal_link.importing.values import (
    CellError,
    clean_nip,
    clean_period,
    clean_predikat,
    clean_rating,
    clean_year,
)
from appraisal_link.models import Predikat, Rating
from competency.importing.reading import FileRefused, read_table
from portal.people.nip import normalise_nip, validate_nip

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANY_CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=40),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
)


# --- NIP ---------------------------------------------------------------------------------------
@st.composite
def valid_nips(draw) -> str:
    """A NIP as the civil service issues it: birth date, CPNS start (aged 18 or more), sex, sequence."""
    birth = draw(st.dates(min_value=datetime.date(1960, 1, 1), max_value=datetime.date(2004, 12, 31)))
    start_year = draw(st.integers(min_value=birth.year + 18, max_value=datetime.date.today().year))
    start_month = draw(st.integers(min_value=1, max_value=12))
    sex = draw(st.sampled_from("12"))
    sequence = draw(st.integers(min_value=1, max_value=999))
    return f"{birth:%Y%m%d}{start_year:04d}{start_month:02d}{sex}{sequence:03d}"


@FAST
@given(st.text(max_size=40))
def test_validate_nip_refuses_with_a_message_and_nothing_else(value):
    try:
        validate_nip(value)
    except ValidationError as error:
        assert error.messages and all(message.strip() for message in error.messages)


@FAST
@given(valid_nips(), st.sampled_from(["", " ", ".", "-"]))
def test_a_real_nip_is_accepted_however_its_groups_are_separated(nip, separator):
    written = separator.join([nip[0:8], nip[8:14], nip[14], nip[15:18]])
    validate_nip(written)
    assert normalise_nip(written) == nip
    assert clean_nip(written) == nip


@FAST
@given(st.text(max_size=40))
def test_normalising_a_nip_twice_changes_nothing(value):
    assert normalise_nip(normalise_nip(value)) == normalise_nip(value)


@FAST
@given(ANY_CELL)
def test_a_nip_cell_of_any_kind_is_a_nip_or_a_cell_error(value):
    try:
        nip = clean_nip(value)
    except CellError as error:
        assert error.message.strip()
    else:
        assert len(nip) == 18 and nip.isdigit()


# --- Appraisal cells ----------------------------------------------------------------------------
def _respelled(label: str, data) -> str:
    """The label as people type it: any letter case, extra spaces around and between the words."""
    words = [
        "".join(char.upper() if data.draw(st.booleans()) else char.lower() for char in word) for word in label.split()
    ]
    gaps = [" " * data.draw(st.integers(min_value=1, max_value=3)) for _ in words[1:]]
    inner = words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:], strict=True))
    return " " * data.draw(st.integers(0, 2)) + inner + " " * data.draw(st.integers(0, 2))


@FAST
@given(st.sampled_from(list(Rating)), st.data())
def test_a_rating_is_read_in_any_case_and_spacing(rating, data):
    assert clean_rating(_respelled(str(rating.label), data)) == rating.value


@FAST
@given(st.sampled_from(list(Predikat)), st.data())
def test_a_predikat_is_read_in_any_case_and_spacing(predikat, data):
    assert clean_predikat(_respelled(str(predikat.label), data)) == predikat.value


@FAST
@given(ANY_CELL)
def test_rating_predikat_period_and_year_cells_of_any_kind_never_crash(value):
    for clean, allowed in (
        (clean_rating, set(Rating.values)),
        (clean_predikat, set(Predikat.values)),
        (clean_period, None),
        (clean_year, None),
    ):
        try:
            result = clean(value)
        except CellError as error:
            assert error.message.strip()
        else:
            assert allowed is None or result in allowed


# --- Appraisal files (CSV and XLSX) -------------------------------------------------------------
CELL_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"), max_size=20
).map(str.strip)


def _read_all(data: bytes, name: str) -> list[tuple[int, dict]]:
    table = open_table(io.BytesIO(data), name=name)
    try:
        return list(table.rows())
    finally:
        table.close()


@FAST
@given(st.binary(max_size=400), st.sampled_from(["a.csv", "a.xlsx", "a.txt", "a.xls", "a"]))
def test_any_bytes_as_an_appraisal_file_are_read_or_rejected_with_a_reason(data, name):
    try:
        _read_all(data, name)
    except FileRejected as error:
        assert error.message.strip()


@FAST
@given(st.binary(max_size=300))
def test_a_broken_zip_named_xlsx_is_rejected_with_a_reason(tail):
    with pytest.raises(FileRejected):
        _read_all(b"PK\x03\x04" + tail, "penilaian.xlsx")


@FAST
@given(
    rows=st.lists(st.lists(CELL_TEXT, min_size=len(REQUIRED), max_size=len(REQUIRED)), min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
    line_end=st.sampled_from(["\n", "\r\n"]),
)
def test_a_csv_reads_back_every_value_it_was_written_with(rows, delimiter, bom, line_end):
    assume(all(any(cell for cell in row) for row in rows))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator=line_end)
    writer.writerow(REQUIRED)
    writer.writerows(rows)
    data = ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")

    read = _read_all(data, "penilaian.csv")

    assert [[values[column] for column in REQUIRED] for _number, values in read] == rows


# openpyxl writes a text that starts with "=" as a formula without its computed value, which a file
# saved by Excel never holds; the formula cells of real files are covered by the reader's data_only.
XLSX_TEXT = CELL_TEXT.filter(lambda text: not text.startswith("="))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.lists(st.one_of(XLSX_TEXT, st.integers(-(10**9), 10**9)), min_size=len(REQUIRED), max_size=len(REQUIRED)),
        min_size=1,
        max_size=5,
    )
)
def test_an_xlsx_reads_back_every_value_it_was_written_with(rows):
    from openpyxl import Workbook

    assume(all(any(cell not in ("", None) for cell in row) for row in rows))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(REQUIRED))
    for row in rows:
        sheet.append([cell if cell != "" else None for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)

    read = _read_all(buffer.getvalue(), "penilaian.xlsx")

    expected = [[cell if cell != "" else None for cell in row] for row in rows]
    assert [[values[column] for column in REQUIRED] for _number, values in read] == expected


# --- Competency dictionary files ----------------------------------------------------------------
@FAST
@given(st.binary(max_size=400), st.sampled_from(["kamus.csv", "kamus.xlsx"]))
def test_any_bytes_as_a_dictionary_file_are_read_or_refused_with_a_reason(data, name):
    try:
        rows = read_table(data=data, name=name)
    except FileRefused as error:
        assert str(error).strip()
    else:
        assert all(isinstance(cell, str) for row in rows for cell in row)


@FAST
@given(st.binary(max_size=200))
def test_a_zip_that_is_no_workbook_is_refused_as_a_dictionary(tail):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bukan-lembar-kerja.txt", tail)
    with pytest.raises(FileRefused):
        read_table(data=buffer.getvalue(), name="kamus.xlsx")
