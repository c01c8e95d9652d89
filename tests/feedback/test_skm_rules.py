"""The SKM's fixed rules: the index and its grades, the Krejcie–Morgan sample, the periods, and the
masking of personal data in suggestions."""

import datetime
from decimal import Decimal

import pytest

from appraisal_link.feedback import periods, skm
from appraisal_link.feedback.screening import personal_data_masked


def test_the_index_is_the_mean_of_the_nine_averages_times_25():
    nrr = dict.fromkeys(skm.CODES, Decimal("3"))
    assert skm.ikm_of(nrr) == Decimal("75.00")
    nrr["u7"] = Decimal("1")  # one element at the bottom pulls the whole index down by 2/9 × 25
    assert skm.ikm_of(nrr) == Decimal("69.44")
    assert skm.ikm_of(dict.fromkeys(skm.CODES, Decimal("4"))) == Decimal("100.00")


@pytest.mark.parametrize(
    ("ikm", "letter"),
    [
        ("100", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25", "D"),
    ],
)
def test_grades_follow_the_regulations_bands(ikm, letter):
    assert skm.grade_of(Decimal(ikm))[0] == letter


@pytest.mark.parametrize(
    ("population", "sample"), [(10, 10), (100, 80), (500, 217), (1_000, 278), (10_000, 370), (1_000_000, 384)]
)
def test_sample_size_matches_the_krejcie_morgan_table(population, sample):
    assert skm.sample_size(population) == sample


def test_every_element_has_four_answers_worded_for_it():
    assert len(skm.ELEMENTS) == 9
    assert all(len(element.answers) == 4 for element in skm.ELEMENTS)
    assert str(skm.BY_CODE["u4"].answers[3]) == "Gratis"


def test_periods_cover_months_semesters_and_years():
    day = datetime.date(2026, 12, 4)
    assert periods.containing("bulan", day).key == "2026-12"
    assert periods.last_closed("bulan", day).key == "2026-11"
    assert periods.last_closed("semester", day).key == "2026-S1"
    assert periods.last_closed("tahun", day).key == "2025"
    assert periods.last_closed("bulan", datetime.date(2026, 1, 5)).key == "2025-12"
    semester = periods.parse("2026-S2")
    assert (semester.start, semester.end) == (datetime.date(2026, 7, 1), datetime.date(2027, 1, 1))
    assert [p.key for p in periods.recent("bulan", day, 3)] == ["2026-10", "2026-11", "2026-12"]
    for forged in ("2026-13", "2026-S3", "20x6", "", "2026-5", "2026-05-01"):
        assert periods.parse(forged) is None


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("NIK saya 1971012345678901 tolong dicek", "NIK saya [NIK disamarkan] tolong dicek"),
        ("hubungi 0812-3456-7890 ya", "hubungi [nomor telepon disamarkan] ya"),
        ("atau +62 812 3456 7890", "atau [nomor telepon disamarkan]"),
        ("email budi.s@gmail.com", "email [email disamarkan]"),
        ("antre 45 menit, loket 3", "antre 45 menit, loket 3"),
    ],
)
def test_personal_data_in_a_suggestion_is_masked(text, masked):
    assert personal_data_masked(text)[0] == masked
