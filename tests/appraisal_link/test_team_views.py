"""Supervisors see their team's gaps and assignments; anyone else's page is a 404."""

import pytest
from django.urls import reverse

from appraisal_link.models import Rating
from portal.people import roles

from .test_gaps_and_assignments import appraise


@pytest.mark.django_db
def test_supervisor_sees_the_team_and_a_members_gaps(client, atasan, pegawai):
    appraise(pegawai.employee, adaptif=Rating.BELOW)
    client.force_login(atasan)
    html = client.get(reverse("team")).content.decode()
    assert pegawai.employee.name in html
    member = client.get(reverse("team_member", args=[pegawai.employee.pk])).content.decode()
    assert "Mengelola Perubahan" in member and "Adaptif di bawah ekspektasi" in member


@pytest.mark.django_db
def test_other_peoples_gaps_are_404(client, pegawai, atasan, make_person, other_unit):
    stranger = make_person(roles.PEGAWAI, unit=other_unit)
    client.force_login(pegawai)
    assert client.get(reverse("team_member", args=[atasan.employee.pk])).status_code == 404
    assert client.get(reverse("team")).status_code == 403
    client.force_login(atasan)
    assert client.get(reverse("team_member", args=[stranger.employee.pk])).status_code == 404
    assert client.get(reverse("team_member", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_employee_sees_own_gaps_and_recommendations(client, pegawai):
    appraise(pegawai.employee, adaptif=Rating.BELOW)
    client.force_login(pegawai)
    html = client.get(reverse("my_competency")).content.decode()
    assert "Mengelola Perubahan" in html and "karena penilaian 2026" in html


@pytest.mark.django_db
def test_team_page_queries_are_constant(client, atasan, make_person, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(atasan)
    make_person(roles.PEGAWAI, supervisor=atasan.employee)
    client.get(reverse("team"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("team"))
    for _ in range(8):
        person = make_person(roles.PEGAWAI, supervisor=atasan.employee)
        appraise(person.employee, adaptif=Rating.BELOW)
    with CaptureQueriesContext(connection) as large:
        html = client.get(reverse("team")).content.decode()
    assert html.count("/tim/") >= 9
    assert len(large.captured_queries) == len(small.captured_queries)
