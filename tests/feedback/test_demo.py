"""`seed_demo` seeds four service points with a few hundred answers, Kartu Keluarga weak in
perilaku pelaksana (u7) and good elsewhere, idempotently."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from appraisal_link.feedback import periods, selectors, skm
from appraisal_link.feedback.demo import seed_feedback
from appraisal_link.feedback.models import (
    PeerBallot,
    PeerRater,
    PeerReview,
    PeerRound,
    ServiceOfficer,
    ServicePoint,
    ServicePopulation,
    SurveyResponse,
)
from appraisal_link.feedback.peer import MIN_RATERS, published_reviews_of
from competency.models import Gap
from portal.people.demo import seed_organisation
from portal.people.models import Employee

CODES = {"ktp-el", "kartu-keluarga", "akta-kelahiran", "perizinan"}


def counts():
    return (
        ServicePoint.objects.count(),
        ServicePopulation.objects.count(),
        SurveyResponse.objects.count(),
        SurveyResponse.objects.exclude(suggestion_status=SurveyResponse.Suggestion.NONE).count(),
        PeerRound.objects.count(),
        PeerReview.objects.count(),
        PeerRater.objects.count(),
        PeerBallot.objects.count(),
        Gap.objects.filter(source=Gap.Source.PEER).count(),
    )


def assert_weak_only_in_behaviour(today: datetime.date) -> None:
    period = periods.last_closed("semester", today)
    for point in ServicePoint.objects.filter(code__in=CODES):
        index = selectors.index_of(period, service_point=point)
        assert index.responses >= 25, point.code
        for code in skm.CODES:
            if (point.code, code) == ("kartu-keluarga", "u7"):
                assert index.nrr[code] < Decimal("2.5")
            else:
                assert index.nrr[code] >= Decimal("2.8"), (point.code, code, index.nrr[code])


@pytest.mark.django_db
def test_seed_demo_seeds_the_survey_once(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == first

    points = {point.code: point for point in ServicePoint.objects.select_related("unit")}
    assert set(points) == CODES
    assert "Disdukcapil" in points["kartu-keluarga"].unit.name
    assert "DPMPTSP" in points["perizinan"].unit.name
    assert all(point.positions.exists() for point in points.values())
    assert 300 <= SurveyResponse.objects.count() < 1000
    today = timezone.localdate()
    oldest = SurveyResponse.objects.order_by("submitted_at").first().submitted_at
    assert timezone.localtime(oldest).date() >= today - datetime.timedelta(days=245)
    semester = periods.last_closed("semester", today)
    assert ServicePopulation.objects.filter(period=semester.key).count() == 4

    assert_weak_only_in_behaviour(today)
    statuses = set(SurveyResponse.objects.exclude(suggestion="").values_list("suggestion_status", flat=True))
    assert {"pending", "published"} <= statuses
    assert SurveyResponse.objects.filter(officer_code="DK-07").exists()
    assert SurveyResponse.objects.exclude(gender="").count() > SurveyResponse.objects.count() * 0.7

    # The whole loop: Kartu Keluarga's sample is representative, its rude service opened gaps for the
    # Disdukcapil staff at its counter (and nobody else's), and its officers wear codes.
    weak = selectors.index_of(semester, service_point=points["kartu-keluarga"])
    assert weak.representative
    survey_gaps = Gap.objects.filter(source=Gap.Source.PUBLIC_SURVEY)
    assert survey_gaps.exists()
    assert {gap.employee.unit.code for gap in survey_gaps.select_related("employee__unit")} <= {"disdukcapil"} | {
        unit.code for unit in points["kartu-keluarga"].unit.children.all()
    }
    assert ServiceOfficer.objects.filter(service_point=points["kartu-keluarga"], code="DK-05").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("today", [datetime.date(2027, 1, 2), datetime.date(2027, 6, 30), datetime.date(2027, 12, 31)])
def test_the_weak_element_shows_whatever_the_day_of_seeding(today):
    # The last closed semester overlaps the eight months of answers by two to six months.
    seed_organisation(employee_count=0)
    seed_feedback(today=today)
    assert_weak_only_in_behaviour(today)


@pytest.mark.django_db
def test_seed_demo_closes_and_publishes_a_peer_round_for_the_demo_pegawai(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())
    published_at = PeerRound.objects.get(name="2026-1").results_published_at
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == first

    peer_round = PeerRound.objects.get(name="2026-1")
    today = timezone.localdate()
    assert peer_round.results_published_at == published_at is not None
    assert peer_round.opens_on < peer_round.closes_on < today and not peer_round.is_open(today)
    assert [unit.code for unit in peer_round.units.all()] == ["diskominfo-aptika"]
    reviews = peer_round.reviews.select_related("employee__unit")
    assert reviews.count() >= MIN_RATERS + 1
    assert {review.employee.unit.code for review in reviews} == {"diskominfo-aptika"}
    for review in reviews:
        raters = review.raters.all()
        assert raters.count() >= MIN_RATERS and all(rater.answered_at for rater in raters)
        assert review.employee_id not in {rater.rater_id for rater in raters}
        assert review.ballots.count() == raters.count()
        for rater in raters:
            assert peer_round.opens_on <= timezone.localtime(rater.answered_at).date() <= peer_round.closes_on

    siti = Employee.objects.get(user__username="pegawai")
    [review] = published_reviews_of(employee=siti)
    assert review.result is not None and review.result.answers >= MIN_RATERS
    assert review.result.weak == ["adaptif"]
    assert len(review.result.comments) == 2
    assert Gap.objects.filter(employee=siti, source=Gap.Source.PEER, origin="rekan:2026-1:adaptif").exists()
