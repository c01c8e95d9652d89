"""The respondents' profile and the pooled index of the report, counted in SQL for a period."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from appraisal_link.feedback import periods, selectors
from appraisal_link.feedback.models import ServicePoint, SurveyResponse
from appraisal_link.feedback.profile import index_total, respondent_profile

pytestmark = pytest.mark.django_db
S1 = periods.parse("2026-S1")
MAY = timezone.make_aware(datetime.datetime(2026, 5, 4, 8))


def _response(point, score: int = 3, *, at=MAY, **profile) -> SurveyResponse:
    return SurveyResponse(service_point=point, submitted_at=at, **{f"u{n}": score for n in range(1, 10)}, **profile)


def _counts(profile, field: str) -> dict[str, int]:
    [dimension] = [dimension for dimension in profile.dimensions if dimension.field == field]
    return {code: count for code, _label, count in dimension.counts if count} | {"": dimension.unanswered}


def test_the_profile_counts_each_answer_and_the_blanks_of_the_period(point):
    SurveyResponse.objects.bulk_create(
        [_response(point, gender="L", age_group="20-29", education="sma", occupation="swasta") for _ in range(2)]
        + [_response(point, gender="P", age_group="50plus", occupation="pns")]
        + [_response(point)]
        + [_response(point, gender="L", at=MAY.replace(month=7))]  # the next semester
    )
    profile = respondent_profile(S1)
    assert profile.responses == 4
    assert _counts(profile, "gender") == {"L": 2, "P": 1, "": 1}
    assert _counts(profile, "age_group") == {"20-29": 2, "50plus": 1, "": 1}
    assert _counts(profile, "education") == {"sma": 2, "": 2}
    assert _counts(profile, "occupation") == {"swasta": 2, "pns": 1, "": 1}
    assert [dimension.answered for dimension in profile.dimensions] == [3, 3, 2, 3]
    # Every choice is listed, in the questionnaire's order, even with nobody in it.
    education = profile.dimensions[2]
    assert [code for code, _label, _count in education.counts] == ["sd", "smp", "sma", "d3", "s1", "s2"]


def test_the_profile_of_one_unit_leaves_the_others_out(point, unit, other_unit):
    other = ServicePoint.objects.create(unit=other_unit, name="Surat Keterangan Usaha", code="sku")
    SurveyResponse.objects.bulk_create(
        [
            _response(point, gender="P", suggestion="Ruang tunggu sempit", suggestion_status="published"),
            _response(point, suggestion="Nomor HP saya …", suggestion_status="pending"),
            _response(other, gender="L", suggestion="Bagus", suggestion_status="published"),
        ]
    )
    mine = respondent_profile(S1, unit_ids=[unit.pk])
    assert mine.responses == 2 and _counts(mine, "gender") == {"P": 1, "": 1}
    assert mine.published_suggestions == 1
    assert respondent_profile(S1).published_suggestions == 2


@pytest.mark.parametrize("responses", [3, 120])
def test_the_profile_is_one_query_however_many_answer(point, responses):
    SurveyResponse.objects.bulk_create([_response(point, gender="LP"[n % 2]) for n in range(responses)])
    with CaptureQueriesContext(connection) as queries:
        profile = respondent_profile(S1)
    assert len(queries) == 1 and profile.responses == responses


def test_the_total_pools_the_answers_of_every_unit(point, unit, other_unit):
    other = ServicePoint.objects.create(unit=other_unit, name="Surat Keterangan Usaha", code="sku")
    SurveyResponse.objects.bulk_create([_response(point, 4) for _ in range(3)] + [_response(other, 1)])
    total = index_total(S1)
    # Pooled: (3 × 4 + 1) / 4 = 3.25 → 81.25 (B); the mean of the units' indexes (100 and 25) would be 62.50.
    assert (total.responses, total.nrr["u1"], total.ikm, total.grade[0]) == (4, Decimal("3.25"), Decimal("81.25"), "B")
    [(_unit, alone)] = selectors.index_by_unit(S1, unit_ids=[unit.pk])
    assert index_total(S1, unit_ids=[unit.pk]).ikm == alone.ikm == Decimal("100.00")
    assert index_total(S1, population=4).representative
