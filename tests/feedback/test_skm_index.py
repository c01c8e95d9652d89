"""The index, computed in SQL per service point and per unit for a period, against known answers."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appraisal_link.feedback import periods, selectors
from appraisal_link.feedback.models import ServicePoint, ServicePopulation

pytestmark = pytest.mark.django_db
S1 = periods.parse("2026-S1")
MAY = datetime.date(2026, 5, 10)


def test_the_index_of_a_service_point_from_known_answers(point, respond):
    respond(point, 4, on=MAY, count=3)
    respond(point, {7: 1}, on=MAY)  # one citizen: everything 3, perilaku pelaksana 1
    respond(point, 1, on=datetime.date(2026, 7, 1))  # the next semester: not counted
    index = selectors.index_of(S1, service_point=point)
    assert index.responses == 4
    assert index.nrr["u1"] == Decimal("3.75") and index.nrr["u7"] == Decimal("3.25")
    # NRR: eight elements 3.75 and one 3.25 → mean 3.6944… → IKM 92.36, A
    assert index.ikm == Decimal("92.36") and index.grade[0] == "A"
    assert [element.code for element, _nrr in index.weakest(1)] == ["u7"]


def test_the_period_follows_the_portals_time_zone(point, respond):
    """An answer at 00:30 WIB on 1 July belongs to July (S2), though it is still 30 June in UTC."""
    import zoneinfo

    from appraisal_link.feedback.services import survey_response_submit

    moment = datetime.datetime(2026, 7, 1, 0, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta"))
    survey_response_submit(service_point=point, answers={f"u{n}": 2 for n in range(1, 10)}, now=moment)
    assert selectors.index_of(S1, service_point=point).responses == 0
    assert selectors.index_of(periods.parse("2026-07"), service_point=point).responses == 1


def test_a_sample_below_krejcie_morgan_is_not_yet_representative(point, respond):
    respond(point, 3, on=MAY, count=9)
    ServicePopulation.objects.create(service_point=point, period="2026-S1", population=10)
    index = selectors.index_of(S1, service_point=point)
    assert (index.sample_needed, index.representative) == (10, False)
    respond(point, 3, on=MAY)
    assert selectors.index_of(S1, service_point=point).representative


def test_a_unit_pools_its_service_points_answers(point, unit, respond):
    other = ServicePoint.objects.create(unit=unit, name="Kartu Keluarga", code="kk")
    respond(point, 4, on=MAY, count=3)
    respond(other, 2, on=MAY)
    [(found_unit, index)] = selectors.index_by_unit(S1)
    assert found_unit == unit and index.responses == 4
    assert index.nrr["u1"] == Decimal("3.5") and index.ikm == Decimal("87.50") and index.grade[0] == "B"


def test_the_trend_reads_every_month_in_one_query(point, respond):
    respond(point, 2, on=datetime.date(2026, 4, 3))
    respond(point, 4, on=datetime.date(2026, 6, 3), count=2)
    months = periods.recent("bulan", datetime.date(2026, 6, 30), 3)
    with CaptureQueriesContext(connection) as queries:
        trend = selectors.trend(months, service_point=point)
    assert len(queries) == 1
    assert [(p.key, i.responses, i.ikm) for p, i in trend] == [
        ("2026-04", 1, Decimal("50.00")),
        ("2026-05", 0, None),
        ("2026-06", 2, Decimal("100.00")),
    ]


@pytest.mark.parametrize("points", [2, 8])
def test_the_reports_query_count_does_not_grow_with_the_data(unit, other_unit, respond, points):
    for number in range(points):
        point = ServicePoint.objects.create(
            unit=unit if number % 2 else other_unit, name=f"L{number}", code=f"l{number}"
        )
        respond(point, 3, on=MAY, count=number + 1)
        ServicePopulation.objects.create(service_point=point, period="2026-S1", population=50)
    with CaptureQueriesContext(connection) as queries:
        by_point = selectors.index_by_service_point(S1)
        by_unit = selectors.index_by_unit(S1, by_point=by_point)
    assert len(by_point) == points and len(by_unit) == 2
    assert len(queries) == 3  # the points (with units), their aggregates, the populations; units pool them


def test_the_published_page_is_cached_and_follows_a_population_change(client, point, respond):
    from django.urls import reverse

    last = periods.last_closed("semester", datetime.date.today())
    respond(point, 3, on=last.start, count=3)
    assert client.get(reverse("skm_index")).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("skm_index")).content.decode()
    assert len(queries) == 0  # a closed period gets no new answers: read from the cache
    assert "belum representatif" in page
    ServicePopulation.objects.create(service_point=point, period=last.key, population=3)
    assert "belum representatif" not in client.get(reverse("skm_index")).content.decode()
    point.name = "Perekaman KTP elektronik"
    point.save()
    assert "Perekaman KTP elektronik" in client.get(reverse("skm_index")).content.decode()
