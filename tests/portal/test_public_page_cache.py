"""Public pages kept for visitors without a session (portal.page_cache): served without a query,
never kept when personal (a session, a CSRF token, a view's own Cache-Control), and fresh at once
after every edit that shows on them."""

import pytest
from django.conf import settings

from competency.models import Competency
from courses.models import CourseCompetency
from portal.page_cache import HEADER

from ..courses.conftest import make_course


def fetch(client, path="/", **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, path
    return response


@pytest.mark.django_db
def test_a_public_page_is_served_from_the_cache_without_a_query(client, django_assert_num_queries):
    first = fetch(client)
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = fetch(client)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "no-cache" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert second["Content-Language"] == "id"


@pytest.mark.django_db
def test_each_language_has_its_own_copy(client):
    assert '<html lang="id">' in fetch(client).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = fetch(client)
    assert '<html lang="en">' in english.content.decode() and english[HEADER] == "miss"
    assert fetch(client)[HEADER] == "hit"
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert '<html lang="id">' in fetch(client).content.decode()


@pytest.mark.django_db
def test_nothing_is_kept_or_served_for_someone_logged_in(client, pegawai):
    fetch(client, "/kursus/")
    client.force_login(pegawai)
    response = fetch(client, "/kursus/")
    assert HEADER not in response
    assert "private" in response["Cache-Control"]
    assert "Keluar" in response.content.decode() or "logout" in response.content.decode()


@pytest.mark.django_db
def test_a_page_with_a_csrf_token_is_never_kept(client):
    for _ in range(2):
        response = fetch(client, "/accounts/login/")
        assert HEADER not in response
        assert settings.CSRF_COOKIE_NAME in response.cookies


@pytest.mark.django_db
def test_a_published_change_shows_at_once(client):
    course = make_course("Keamanan Digital")
    fetch(client, "/kursus/")
    assert fetch(client, "/kursus/")[HEADER] == "hit"

    course.title = "Keamanan Digital Lanjutan"
    course.save_revision().publish()
    response = fetch(client, "/kursus/")
    assert response[HEADER] == "miss" and "Keamanan Digital Lanjutan" in response.content.decode()

    course.unpublish()
    assert "Keamanan Digital Lanjutan" not in fetch(client, "/kursus/").content.decode()


@pytest.mark.django_db
def test_a_renamed_competency_shows_at_once_on_the_course(client):
    course = make_course("Keamanan Digital")
    competency = Competency.objects.get(code="tik-keamanan-informasi")
    CourseCompetency.objects.create(course=course, competency=competency, target_level=3)
    course.save_revision().publish()
    assert competency.name in fetch(client, course.url).content.decode()
    assert fetch(client, course.url)[HEADER] == "hit"

    competency.name = "Keamanan Informasi dan Siber"
    competency.save()
    assert "Keamanan Informasi dan Siber" in fetch(client, course.url).content.decode()


@pytest.mark.django_db
def test_a_deleted_page_is_gone_at_once(client):
    course = make_course("Keamanan Digital")
    assert fetch(client, course.url)[HEADER] == "miss"
    url = course.url
    course.delete()
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_visitor_with_a_session_cookie_is_not_served_the_kept_copy(client):
    fetch(client)
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-session"
    assert HEADER not in fetch(client)
