"""A unit head keeps their unit's service points on the site: adds one with its front-line positions,
changes it, enters how many people it served per period. Nobody else may, and a forged field is
refused with nothing stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appraisal_link.feedback.models import ServicePoint, ServicePopulation
from portal.people import roles
from portal.people.models import Unit
from tests.factories import PositionFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(client, atasan, pegawai):
    """The head of the unit (no superior inside it), with one report in a front-line position."""
    client.force_login(atasan)
    return client


def point_data(unit, position, **changes):
    data = {"unit": unit.pk, "name": "Perekaman KTP-el", "code": "ktp-el", "positions": [position.pk], "active": "on"}
    return data | changes


def test_the_head_adds_a_point_and_enters_the_people_served(head, unit, pegawai):
    page = head.get(reverse("skm_unit")).content.decode()
    assert reverse("skm_unit_point_new") in page
    position = pegawai.employee.position
    response = head.post(reverse("skm_unit_point_new"), point_data(unit, position))
    point = ServicePoint.objects.get(code="ktp-el")
    assert response.status_code == 302 and response["Location"] == reverse("skm_unit_point", args=[point.pk])
    assert point.unit == unit and list(point.positions.all()) == [position]

    url = reverse("skm_unit_population", args=[point.pk])
    assert head.post(url, {"period": "2026-S1", "population": "1200"}).status_code == 302
    assert head.post(url, {"period": "2026-S1", "population": "1500"}).status_code == 302  # a correction
    assert list(point.populations.values_list("period", "population")) == [("2026-S1", 1500)]
    page = head.get(reverse("skm_unit_point", args=[point.pk])).content.decode()
    assert "1500" in page and "/survei-kepuasan/ktp-el/" in page

    changed = point_data(unit, position, name="Perekaman KTP elektronik")
    assert head.post(reverse("skm_unit_point", args=[point.pk]), changed).status_code == 302
    point.refresh_from_db()
    assert point.name == "Perekaman KTP elektronik"


@pytest.mark.parametrize("forged", ["unit", "position", "code"])
def test_a_forged_point_is_refused_and_nothing_stored(head, unit, pegawai, forged):
    ServicePoint.objects.create(unit=unit, name="Lain", code="dipakai")
    position = pegawai.employee.position
    data = point_data(unit, position) | {
        "unit": {"unit": UnitFactory().pk},
        "position": {"positions": [PositionFactory().pk]},
        "code": {"code": "dipakai"},
    }[forged]
    response = head.post(reverse("skm_unit_point_new"), data)
    assert response.status_code == 400
    field = {"unit": "unit", "position": "positions", "code": "code"}[forged]
    code = {"unit": "invalid_choice", "position": "invalid_choice", "code": "unique"}[forged]
    assert response.context["form"].has_error(field, code=code)
    assert ServicePoint.objects.count() == 1


@pytest.mark.parametrize("data", [{"period": "2026-13", "population": "10"}, {"period": "2026", "population": "0"}])
def test_a_bad_population_is_refused(head, unit, data):
    point = ServicePoint.objects.create(unit=unit, name="KTP-el", code="ktp-el")
    response = head.post(reverse("skm_unit_population", args=[point.pk]), data)
    assert response.status_code == 400 and not ServicePopulation.objects.exists()


def test_only_the_head_of_the_unit_keeps_its_points(client, unit, atasan, pegawai, make_person):
    point = ServicePoint.objects.create(unit=unit, name="KTP-el", code="ktp-el")
    deputy = make_person(roles.ATASAN, supervisor=atasan.employee)  # a supervisor under the head, same unit
    other_head = make_person(roles.ATASAN, unit=UnitFactory())
    urls = [
        reverse("skm_unit_point_new"),
        reverse("skm_unit_point", args=[point.pk]),
    ]
    for user, expected in ((pegawai, [403, 403]), (deputy, [403, 403]), (other_head, [200, 404])):
        client.force_login(user)
        assert [client.get(url).status_code for url in urls] == expected, user
        population = client.post(reverse("skm_unit_population", args=[point.pk]), {"period": "2026", "population": 5})
        assert population.status_code in (403, 404)
    client.force_login(deputy)
    assert reverse("skm_unit_point_new") not in client.get(reverse("skm_unit")).content.decode()
    assert not ServicePopulation.objects.exists()


def test_a_sub_unit_is_the_heads_too(head, unit, pegawai):
    sub_unit = Unit.objects.create(name="Bidang Pelayanan", code="bidang-pelayanan", parent=unit)
    data = point_data(sub_unit, pegawai.employee.position)
    assert head.post(reverse("skm_unit_point_new"), data).status_code == 302
    assert ServicePoint.objects.get().unit == sub_unit


def test_the_point_page_costs_the_same_queries_with_more_periods(head, unit):
    point = ServicePoint.objects.create(unit=unit, name="KTP-el", code="ktp-el")
    url = reverse("skm_unit_point", args=[point.pk])

    def count():
        head.get(url)  # warm: the bell and the roles are then kept
        with CaptureQueriesContext(connection) as queries:
            assert head.get(url).status_code == 200
        return len(queries)

    ServicePopulation.objects.create(service_point=point, period="2026-01", population=10)
    before = count()
    for month in range(2, 8):
        ServicePopulation.objects.create(service_point=point, period=f"2026-{month:02}", population=10)
    assert count() == before
