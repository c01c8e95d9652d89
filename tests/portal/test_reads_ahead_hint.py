"""A form's post reads its account ahead with the session's copy, and a session's first page in a
process finds its account in a cookie (portal.reads_ahead, issue #15): both only guesses, never
answered from when they name another account, or after the request changed what they hold."""

import pytest
from django.conf import settings
from django.urls import reverse

from courses import services
from portal import reads_ahead

from ..courses.conftest import make_course

pytestmark = pytest.mark.skipif(not settings.CACHE_URL, reason="needs Redis (CACHE_URL), as in CI")

HINT = reads_ahead.HINT_COOKIE


def _forget_sessions():
    """As in a process the session's pages never came to."""
    reads_ahead._accounts.clear()


def _first_read(commands) -> list[str]:
    return [str(key) for key in commands[0][1:]]


def _session_read_alone(commands, session_key: str) -> bool:
    return any(command[0] == "GET" and str(command[1]).endswith(f"cached_db{session_key}") for command in commands)


@pytest.mark.django_db
def test_a_logged_in_page_sets_the_cookie_once_and_an_anonymous_page_none(client, pegawai):
    response = client.get("/kursus/")
    assert HINT not in response.cookies
    client.force_login(pegawai)
    response = client.get("/dasbor/")
    cookie = response.cookies[HINT]
    assert cookie.value == f"{pegawai.pk}.id"
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["max-age"] == settings.SESSION_COOKIE_AGE
    assert HINT not in client.get("/dasbor/").cookies  # sent right: not set again
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/dasbor/").cookies[HINT].value == f"{pegawai.pk}.en"


@pytest.mark.django_db
def test_the_first_page_in_a_process_reads_the_session_with_the_keys_the_cookie_names(client, pegawai, commands):
    client.force_login(pegawai)
    client.get("/dasbor/")
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    _forget_sessions()
    commands.clear()
    assert client.get("/dasbor/").status_code == 200
    assert not _session_read_alone(commands, session_key)
    assert any(key.endswith(f"kompeten:user:{pegawai.pk}") for key in _first_read(commands))

    _forget_sessions()
    del client.cookies[HINT]
    commands.clear()
    assert client.get("/dasbor/").status_code == 200
    assert _session_read_alone(commands, session_key)  # no cookie: the session first, as before


@pytest.mark.django_db
def test_a_cookie_naming_another_account_shows_the_own_account(client, pegawai, hr, commands):
    client.force_login(pegawai)
    client.get("/dasbor/")
    _forget_sessions()
    client.cookies[HINT] = f"{hr.pk}.id"
    commands.clear()
    response = client.get("/dasbor/")
    html = response.content.decode()
    assert pegawai.employee.name in html and hr.get_full_name() not in html
    assert any(key.endswith(f"kompeten:user:{hr.pk}") for key in _first_read(commands))  # the guess, read
    assert response.cookies[HINT].value == f"{pegawai.pk}.id"  # and put right


@pytest.mark.django_db
@pytest.mark.parametrize("forged", ["", "abc", "1.id;2", "12", ".id", "1.<script>", "9" * 40 + ".id"])
def test_a_malformed_cookie_is_ignored(client, pegawai, forged, commands):
    client.force_login(pegawai)
    client.get("/dasbor/")
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    _forget_sessions()
    client.cookies[HINT] = forged
    commands.clear()
    response = client.get("/dasbor/")
    assert response.status_code == 200 and pegawai.employee.name in response.content.decode()
    assert _session_read_alone(commands, session_key)
    assert response.cookies[HINT].value == f"{pegawai.pk}.id"


@pytest.mark.django_db
def test_the_logout_drops_the_cookie_and_a_login_sets_its_own(client, pegawai, atasan, password):
    client.force_login(pegawai)
    client.get("/dasbor/")
    response = client.post(reverse("account_logout"))
    assert response.cookies[HINT].value == "" and response.cookies[HINT]["max-age"] == 0
    client.cookies[HINT] = f"{pegawai.pk}.id"  # a browser that kept it anyway
    response = client.post(reverse("account_login"), {"login": atasan.username, "password": password})
    assert response.status_code == 302
    assert response.cookies[HINT].value == f"{atasan.pk}.id"
    _forget_sessions()
    html = client.get("/dasbor/").content.decode()
    assert atasan.employee.name in html and pegawai.employee.name not in html


@pytest.mark.django_db
def test_a_post_reads_its_account_ahead_with_the_session(client, pegawai, commands):
    course = make_course()
    client.force_login(pegawai)
    client.get("/dasbor/")
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    commands.clear()
    response = client.post(reverse("course_enroll", args=[course.pk]))
    assert response.status_code == 302
    first = _first_read(commands)
    assert any(key.endswith(f"cached_db{session_key}") for key in first)
    assert any(key.endswith(f"kompeten:user:{pegawai.pk}") for key in first)
    assert any(key.endswith(f"kompeten:employee-of-user:{pegawai.pk}") for key in first)
    assert not _session_read_alone(commands, session_key)
    assert not any(command[0] == "MGET" and "kompeten:user:" in str(command[1:]) for command in commands[1:])
    assert pegawai.employee.enrollments.filter(course=course).exists()


@pytest.mark.django_db
def test_a_post_that_changes_the_account_reads_it_again(client, pegawai, password):
    client.force_login(pegawai)
    client.get("/dasbor/")
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": "Sandi-Baru-2026!", "password2": "Sandi-Baru-2026!"},
    )
    assert response.status_code == 302
    assert client.get("/dasbor/").status_code == 200  # the session has the new password's hash
    pegawai.refresh_from_db()
    assert pegawai.check_password("Sandi-Baru-2026!")


@pytest.mark.django_db
def test_a_post_learns_nothing_and_reads_nothing_learned(client, make_learner, commands):
    from portal import keys_learned

    course = make_course()
    learner = make_learner()
    enrollment = services.enrollment_create(employee=learner.employee, course=course)
    lesson = course.get_children().specific().first()
    client.force_login(learner)
    keys_learned._learned.clear()
    url = reverse("lesson_done", args=[lesson.pk])
    assert client.post(url).status_code == 302
    assert keys_learned._learned == {}
    assert enrollment.progress.filter(lesson=lesson).exists()
