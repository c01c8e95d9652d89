"""Supervisors see the people whose supervisor chain leads to them; anyone else's page is a 404;
without a second factor a supervisor is sent to set it up first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appraisal_link.models import Rating
from portal.people import roles

from ..factories import EmployeeFactory
from .test_gaps_and_assignments import appraise

# Pinned: a change that adds a query to the team page must say so here. The user's second factor,
# the whole team (the chain of reports is a subquery of it), and the audit entry of the read (the
# session, the user, their roles and employee record and the header's bell come from the cache).
TEAM_QUERIES = 3


@pytest.mark.django_db
def test_supervisor_sees_the_team_and_a_members_gaps(client, atasan_with_mfa, pegawai):
    appraise(pegawai.employee, adaptif=Rating.BELOW)
    client.force_login(atasan_with_mfa)
    html = client.get(reverse("team")).content.decode()
    assert pegawai.employee.name in html
    member = client.get(reverse("team_member", args=[pegawai.employee.pk])).content.decode()
    assert "Mengelola Perubahan" in member and "Adaptif di bawah ekspektasi" in member


@pytest.mark.django_db
def test_the_team_is_the_chain_of_reports_not_the_unit(client, make_person, with_totp, unit):
    head = make_person(roles.ATASAN)
    atasan = make_person(roles.ATASAN, supervisor=head.employee)
    peer = make_person(roles.ATASAN, supervisor=head.employee)
    with_totp(atasan)
    report = EmployeeFactory(unit=unit, supervisor=atasan.employee, name="Bawahan Langsung")
    second = EmployeeFactory(unit=unit, supervisor=report, name="Bawahan Berjenjang")
    colleague = EmployeeFactory(unit=unit, supervisor=peer.employee, name="Rekan Unit")
    client.force_login(atasan)
    html = client.get(reverse("team")).content.decode()
    assert report.name in html and second.name in html
    assert colleague.name not in html and peer.employee.name not in html
    for hidden in (peer.employee, head.employee, colleague):
        assert client.get(reverse("team_member", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("team_member", args=[second.pk])).status_code == 200


@pytest.mark.django_db
def test_other_peoples_gaps_are_404(client, pegawai, atasan_with_mfa, make_person, other_unit):
    stranger = make_person(roles.PEGAWAI, unit=other_unit)
    client.force_login(pegawai)
    assert client.get(reverse("team_member", args=[atasan_with_mfa.employee.pk])).status_code == 404
    assert client.get(reverse("team")).status_code == 403
    client.force_login(atasan_with_mfa)
    assert client.get(reverse("team_member", args=[stranger.employee.pk])).status_code == 404
    assert client.get(reverse("team_member", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_a_supervisor_without_totp_is_sent_to_set_it_up(client, atasan, pegawai):
    client.force_login(atasan)
    for url in (reverse("team"), reverse("team_member", args=[pegawai.employee.pk])):
        response = client.get(url, follow=True)
        assert response.redirect_chain[0] == (reverse("mfa_activate_totp"), 302), url
        assert "wajib memakai autentikasi dua faktor" in response.content.decode()
        assert pegawai.employee.name not in response.content.decode()


@pytest.mark.django_db
def test_employee_sees_own_gaps_and_recommendations(client, pegawai):
    appraise(pegawai.employee, adaptif=Rating.BELOW)
    client.force_login(pegawai)
    html = client.get(reverse("my_competency")).content.decode()
    assert "Mengelola Perubahan" in html and "karena penilaian 2026" in html


def team_queries(client):
    client.get(reverse("team"))  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("team")).content.decode()
    return len(queries.captured_queries), html


@pytest.mark.django_db
def test_team_page_queries_are_constant(client, atasan_with_mfa, make_person):
    client.force_login(atasan_with_mfa)
    first = make_person(roles.PEGAWAI, supervisor=atasan_with_mfa.employee)
    EmployeeFactory(supervisor=first.employee)
    small, _html = team_queries(client)
    below = first.employee
    for number in range(18):  # 20 in the team, ten levels deep, each with a gap
        if number % 2:
            below = EmployeeFactory(supervisor=below)
            person = below
        else:
            person = EmployeeFactory(supervisor=atasan_with_mfa.employee)
        appraise(person, adaptif=Rating.BELOW)
    large, html = team_queries(client)
    assert html.count("/tim/") >= 20
    assert small == large == TEAM_QUERIES


@pytest.mark.django_db
def test_a_members_page_shows_their_courses_certificates_and_jp(
    client, atasan_with_mfa, pegawai, django_capture_on_commit_callbacks
):
    from courses import services
    from courses.models import Certificate, LessonPage

    from ..courses.conftest import correct_answers, make_course

    employee = pegawai.employee
    done = make_course("Keamanan Digital", jp=4)
    lessons = list(LessonPage.objects.child_of(done).order_by("path"))
    enrollment = services.enrollment_create(employee=employee, course=done)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    started = make_course("Pelayanan Publik", jp=2)
    started_enrollment = services.enrollment_create(employee=employee, course=started)
    services.lesson_mark_done(
        enrollment=started_enrollment, lesson=LessonPage.objects.child_of(started).order_by("path").first()
    )
    certificate = Certificate.objects.get()

    client.force_login(atasan_with_mfa)
    html = client.get(reverse("team_member", args=[employee.pk])).content.decode()

    assert "4 dari 20 JP pada" in html
    assert "Keamanan Digital" in html and "nilai akhir 100" in html
    assert f"Sertifikat {certificate.code}" in html
    assert reverse("certificate_verify", args=[certificate.code]) in html
    assert "Pelayanan Publik" in html and "50% selesai" in html


@pytest.mark.django_db
def test_a_members_page_queries_do_not_grow_with_their_courses(client, atasan_with_mfa, pegawai):
    from courses import services

    from ..courses.conftest import make_course

    employee = pegawai.employee
    client.force_login(atasan_with_mfa)
    url = reverse("team_member", args=[employee.pk])
    services.enrollment_create(employee=employee, course=make_course("Kursus 0"))
    client.get(url)  # warm: the first request also fills per-process caches (content types, site)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(1, 20):
        services.enrollment_create(employee=employee, course=make_course(f"Kursus {number}"))
    client.get(url)  # warm again: the new courses' lesson counts are read, then kept
    with CaptureQueriesContext(connection) as twenty:
        html = client.get(url).content.decode()
    assert "Kursus 19" in html
    assert len(twenty) == len(one)
