"""Home and dashboard: content, language, and a query count that does not grow with the data."""

import pytest
from django.conf import settings

from portal.people import roles
from portal.people.learner_kept import learners_changed

from ..factories import EmployeeFactory


@pytest.mark.django_db
def test_home_page_explains_the_portal_and_leads_on(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "Kompeten: belajar, berkembang, melayani lebih baik" in html
    for link in ('href="/accounts/login/"', 'href="/kursus/"', 'href="/perubahan/"'):
        assert link in html
    assert "<main" in html and "<nav" in html and "Langsung ke konten" in html


@pytest.mark.django_db
def test_language_switch_gives_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html


@pytest.mark.django_db
def test_browser_language_does_not_override_indonesian(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in html


@pytest.mark.django_db
def test_nothing_loads_from_the_internet(client):
    html = client.get("/").content.decode()
    assert 'src="http' not in html and 'href="http' not in html and 'src="//' not in html


@pytest.mark.django_db
def test_home_query_count_is_pinned_and_constant(client, pegawai, django_assert_num_queries, unit):
    client.force_login(pegawai)
    client.get("/")  # warm the site-root cache
    with django_assert_num_queries(HOME_QUERIES):
        client.get("/")
    EmployeeFactory.create_batch(30, unit=unit)
    with django_assert_num_queries(HOME_QUERIES):
        client.get("/")


@pytest.mark.django_db
def test_dashboard_shows_the_employee_and_empty_states(client, pegawai, atasan):
    client.force_login(pegawai)
    html = client.get("/dasbor/").content.decode()
    assert pegawai.employee.nip in html
    assert pegawai.employee.unit.name in html
    assert atasan.employee.name in html
    assert "/ 20 JP" in html
    assert "Anda belum mengikuti kursus" in html
    assert "Belum ada sertifikat" in html


@pytest.mark.django_db
def test_dashboard_query_count_is_pinned_and_constant(client, make_person, django_assert_num_queries, unit):
    atasan = make_person(roles.ATASAN)
    client.force_login(atasan)
    client.get("/dasbor/")  # the bell counts, the roles and the content are read, then kept
    with django_assert_num_queries(DASHBOARD_QUERIES):
        client.get("/dasbor/")
    learners_changed([atasan.employee.pk])
    with django_assert_num_queries(DASHBOARD_BUILT_QUERIES):
        client.get("/dasbor/")
    for _ in range(20):
        make_person(roles.PEGAWAI, supervisor=atasan.employee)
    client.get("/dasbor/")  # the roles given to the new people are read again
    with django_assert_num_queries(DASHBOARD_QUERIES):
        client.get("/dasbor/")
    learners_changed([atasan.employee.pk])
    with django_assert_num_queries(DASHBOARD_BUILT_QUERIES):
        client.get("/dasbor/")


@pytest.mark.django_db
def test_account_without_employee_record_gets_a_hint(client):
    from ..factories import UserFactory

    client.force_login(UserFactory())
    assert "belum terhubung dengan data pegawai" in client.get("/dasbor/").content.decode()


def test_settings_are_indonesian_first():
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"


# Warm: nothing. The session, the user, the routing, the header's notification bell and the user's
# roles (its "Tim" and "Kelola (admin)" links) come from the cache.
HOME_QUERIES = 0
# Warm: nothing; the content is kept per person (portal.dashboard).
DASHBOARD_QUERIES = 0
# Built again after a change of the person's data: the user's employee (with unit,
# position, supervisor and JP this year), their enrolments with certificates (for deadlines and
# certificates); open gaps and assignments; the year's development plan with its progress (one
# query, plan or not); and "Kursus saya", kept apart: the enrolments with progress counts. The
# change hub's part (must-reads, upcoming sosialisasi events, open pulse surveys) is kept per employee.
DASHBOARD_BUILT_QUERIES = 6
