"""The import's shortcuts for the common case give what the general path gives."""

import itertools
import random

import pytest

from appraisal_link.importing.values import CellError, clean_nip
from appraisal_link.models import BERAKHLAK, Appraisal, Predikat, Rating
from appraisal_link.services.weak_areas import has_weak_area, weak_areas


def _outcome(value):
    try:
        return clean_nip(value)
    except CellError as error:
        return error.code


NIPS = [
    "199204202019032001",  # valid
    "199202302019032001",  # 30 February
    "199204202019132001",  # month 13
    "199204202000032001",  # appointed at 8
    "199204202099032001",  # appointed in the future
    "199204202019033001",  # sex digit 3
    "199204202019032000",  # sequence 000: a spreadsheet's rounding
    "000000000000000000",
]


@pytest.mark.parametrize("nip", NIPS)
def test_a_plain_nip_is_judged_as_one_with_spaces_around_it(nip):
    assert _outcome(nip) == _outcome(f"  {nip} ")


def test_random_18_digit_strings_are_judged_alike_both_ways():
    rng = random.Random(18)
    for _ in range(3000):
        nip = "".join(rng.choice("0123456789") for _ in range(18))
        if rng.random() < 0.5:  # mostly well-formed dates, so that the later checks are reached too
            nip = f"19{rng.randint(50, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + nip[8:]
        assert _outcome(nip) == _outcome(f" {nip}"), nip


def test_has_weak_area_agrees_with_weak_areas_for_every_combination():
    ratings = ["", *Rating.values]
    values = [code for code, _label in BERAKHLAK]
    for hasil, predikat, rated, area in itertools.product(ratings, Predikat.values, ratings, values):
        appraisal = Appraisal(year=2025, period="tahunan", hasil_kerja=hasil, predikat=predikat, **{area: rated})
        assert has_weak_area(appraisal) == bool(weak_areas(appraisal)), (hasil, predikat, area, rated)
