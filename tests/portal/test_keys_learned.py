"""The keys a page reads after its reads ahead are learned per URL and read ahead from its next
visit, by anyone, with that person's own pks (portal.keys_learned, issue #15)."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation

from courses import services
from portal import keys_learned, reads_ahead
from portal.people import roles

from ..courses.conftest import make_course
from ..factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.skipif(not settings.CACHE_URL, reason="needs Redis (CACHE_URL), as in CI")


def _read_ahead(commands) -> list[str]:
    """The keys of the reads ahead (the first MGET, with the session's copy)."""
    return [str(key) for key in next(command for command in commands if command[0] == "MGET")[1:]]


def _segments(key: str) -> list[str]:
    """The key's own parts, without the cache's prefix and version."""
    return key.split(":1:", 1)[1].split(":")


def _progress(html: str) -> str:
    return html.split('data-testid="progress">', 1)[1].split("<", 1)[0]


@pytest.mark.django_db
def test_another_learner_reads_their_own_kept_page_with_the_keys_learned_from_the_first(client, make_learner, commands):
    course = make_course()
    first, second = make_learner("Sari"), make_learner("Budi")
    services.enrollment_create(employee=first.employee, course=course)
    enrollment = services.enrollment_create(employee=second.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=course.get_children().specific().first())
    client.force_login(first)
    for _ in range(2):
        assert _progress(client.get(course.url).content.decode()) == "0%"

    client.force_login(second)
    del client.cookies[reads_ahead.HINT_COOKIE]  # as a logout or a login drops or sets it
    commands.clear()
    assert _progress(client.get(course.url).content.decode()) == "50%"  # their page, built
    firsts = {str(first.pk), str(first.employee.pk)}
    assert not any(firsts & set(_segments(key)) for key in _read_ahead(commands))

    commands.clear()
    assert _progress(client.get(course.url).content.decode()) == "50%"
    ahead = _read_ahead(commands)
    assert any(f"course:{course.pk}:{second.pk}:{second.employee.pk}:" in key for key in ahead)
    assert any(key.endswith(f"kompeten:learner:{second.employee.pk}") for key in ahead)
    assert len(commands) == 1, commands  # the kept page was read ahead


@pytest.mark.django_db
def test_nothing_is_learned_from_an_account_whose_pk_is_its_employee_records(client, unit, commands):
    course = make_course()
    user = UserFactory(roles=[roles.PEGAWAI])
    EmployeeFactory(pk=user.pk, user=user, unit=unit)
    services.enrollment_create(employee=user.employee, course=course)
    client.force_login(user)
    keys_learned._learned.clear()
    for _ in range(2):
        assert _progress(client.get(course.url).content.decode()) == "0%"
    commands.clear()
    assert _progress(client.get(course.url).content.decode()) == "0%"
    assert len(commands) == 2, commands  # the reads ahead, then the kept page
    assert keys_learned._learned == {}


@pytest.mark.django_db
def test_a_key_guessed_wrong_costs_only_its_read(client, make_learner, commands):
    course = make_course()
    learner = make_learner()
    services.enrollment_create(employee=learner.employee, course=course)
    client.force_login(learner)
    for _ in range(2):
        client.get(course.url)
    for where in list(keys_learned._learned):
        keys_learned._learned[where] = (f"kompeten:html:course:{course.pk}:{keys_learned.USER}:1:{course.url}:id",)
    commands.clear()
    assert _progress(client.get(course.url).content.decode()) == "0%"
    assert len(commands) == 2, commands  # the wrong key read ahead, the right one after


def test_keys_naming_an_employee_record_not_seen_yet_are_left_out():
    request = RequestFactory().get("/kursus/keamanan-digital/")
    keys_learned._learned.clear()
    keys_learned._employees.clear()
    used = {
        "kompeten:roles:7",
        "kompeten:html:course:5:7:107:/kursus/keamanan-digital/:id",
        "kompeten:learner:107",
        "kompeten:public-pages:version",
    }
    keys_learned.learn(request, user_id="7", language="id", base={"kompeten:roles:7"}, used=used, employee_id=107)
    with translation.override("id"):
        assert sorted(keys_learned.keys_for(request, "8")) == ["kompeten:public-pages:version"]
        keys_learned._employees["8"] = 208
        assert sorted(keys_learned.keys_for(request, "8")) == [
            "kompeten:html:course:5:8:208:/kursus/keamanan-digital/:id",
            "kompeten:learner:208",
            "kompeten:public-pages:version",
        ]
    with translation.override("en"):
        assert keys_learned.keys_for(request, "8") == []
    assert keys_learned.keys_for(RequestFactory().get("/kursus/keamanan-digital/?page=2"), "8") == []


@pytest.mark.django_db
def test_a_page_built_after_one_served_kept_reads_what_the_build_read(client, make_learner, commands):
    """The first learner's second visit is served kept (it reads no structure and no body); the
    second learner's page is built, and what the first build read is read ahead for it."""
    course = make_course()
    first, second = make_learner("Sari"), make_learner("Budi")
    for learner in (first, second):
        services.enrollment_create(employee=learner.employee, course=course)
    client.force_login(first)
    for _ in range(2):
        assert _progress(client.get(course.url).content.decode()) == "0%"

    client.force_login(second)
    del client.cookies[reads_ahead.HINT_COOKIE]
    client.get("/dasbor/")
    commands.clear()
    assert _progress(client.get(course.url).content.decode()) == "0%"
    assert len(commands) == 1, commands  # the page built from what was read ahead
    assert any(f"kompeten:course:{course.pk}" in str(key) for key in commands[0][1:])


def test_the_keys_learned_of_a_url_add_up_to_a_bound():
    request = RequestFactory().get("/kursus/keamanan-digital/")
    keys_learned._learned.clear()
    for n in range(keys_learned.MOST + 5):
        keys_learned.learn(request, user_id="7", language="id", base=set(), used={f"k:{n}"}, employee_id=None)
        with translation.override("id"):
            learned = keys_learned.keys_for(request, "7")
        assert len(learned) <= keys_learned.MOST and f"k:{n}" in learned
    assert sorted(learned) == sorted(f"k:{n}" for n in range(keys_learned.MOST, keys_learned.MOST + 5))
