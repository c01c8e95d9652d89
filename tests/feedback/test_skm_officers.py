"""An officer's own results, by the code worn at the counter: to the officer and their direct
supervisor only, and only from HR's minimum number of answers."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appraisal_link.feedback import periods
from appraisal_link.feedback.models import ServiceOfficer

pytestmark = pytest.mark.django_db


@pytest.fixture
def last_semester_day():
    return periods.last_closed("semester", datetime.date.today()).start + datetime.timedelta(days=10)


@pytest.fixture
def officer(point, pegawai):
    ServiceOfficer.objects.create(service_point=point, employee=pegawai.employee, code="DK-07")
    return pegawai


def test_the_officer_sees_their_own_results_once_there_are_enough(client, officer, point, respond, last_semester_day):
    respond(point, 4, on=last_semester_day, count=9, officer_code="DK-07")
    respond(point, 1, on=last_semester_day, count=5, officer_code="DK-99")  # someone else's code
    client.force_login(officer)
    page = client.get(reverse("my_competency")).content.decode()
    assert "9 tanggapan; hasil ditampilkan sejak 10 tanggapan." in page and "IKM" not in page.split("officer-title")[1]
    respond(point, 4, on=last_semester_day, officer_code="DK-07")
    page = client.get(reverse("my_competency")).content.decode()
    assert "IKM 100,00, mutu A (Sangat Baik), dari 10 tanggapan" in page


def test_the_direct_supervisor_sees_them_hr_does_not(
    client, officer, atasan_with_mfa, hr_with_mfa, point, respond, last_semester_day
):
    respond(point, 3, on=last_semester_day, count=10, officer_code="DK-07")
    url = reverse("team_member", args=[officer.employee.pk])
    client.force_login(atasan_with_mfa)
    assert 'data-testid="officer-results"' in client.get(url).content.decode()
    client.force_login(hr_with_mfa)
    response = client.get(url)
    assert response.status_code == 200 and 'data-testid="officer-results"' not in response.content.decode()


def test_the_officer_section_costs_the_same_queries_with_more_codes(
    client, officer, point, unit, respond, last_semester_day
):
    from appraisal_link.feedback.models import ServicePoint

    client.force_login(officer)

    def count():
        client.get(reverse("my_competency"))  # warm: the bell and the roles are then kept
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("my_competency"))
        return len(queries)

    respond(point, 3, on=last_semester_day, count=2, officer_code="DK-07")
    before = count()
    for number in range(3):
        other = ServicePoint.objects.create(unit=unit, name=f"L{number}", code=f"l{number}")
        ServiceOfficer.objects.create(service_point=other, employee=officer.employee, code=f"X-{number}")
        respond(other, 2, on=last_semester_day, count=3, officer_code=f"X-{number}")
    assert count() == before
