"""A logged-in page reads its kept values ahead, in one round trip to Redis (portal.reads_ahead,
issue #15), and never answers from them what changed since: a version bumped or renewed in this
process, or the portal's settings saved, drops them; they end with the request (a form's post:
tests/portal/test_reads_ahead_hint.py)."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from courses import services
from portal.cache import ahead as cache_ahead
from portal.cache import kept_many, kept_under, prefetch, prefetch_end, prefetch_more, version_bump, versions_renew
from portal.notifications.models import Kind
from portal.notifications.services import notify
from portal.people.access import has_role
from portal.people.roles import PEGAWAI

from ..courses.conftest import make_course

pytestmark = pytest.mark.skipif(not settings.CACHE_URL, reason="needs Redis (CACHE_URL), as in CI")

# The session's copy with the reads ahead (employee, roles, unread count, settings, route) and, once
# the URL's keys are learned (portal.keys_learned), the kept page or the dashboard's two kept parts.
COURSE_PAGE_ROUND_TRIPS = 1
DASHBOARD_ROUND_TRIPS = 1


class Reads:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.count


@pytest.mark.django_db
def test_a_kept_course_page_makes_one_round_trip_and_shows_what_changed(client, make_learner, commands):
    course = make_course()
    pegawai = make_learner()
    client.force_login(pegawai)
    services.enrollment_create(employee=pegawai.employee, course=course)
    for _ in range(2):
        assert client.get(course.url).status_code == 200
    commands.clear()
    html = client.get(course.url).content.decode()
    assert len(commands) == COURSE_PAGE_ROUND_TRIPS, commands
    ahead = next(command for command in commands if command[0] == "MGET" and len(command) > 6)
    assert any(str(key).endswith(f"kompeten:unread:{pegawai.pk}") for key in ahead[1:])
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert any(str(key).endswith(f"cached_db{session_key}") for key in ahead[1:])  # the session's copy
    assert "tidak ada yang belum dibaca" in html
    notify(user=pegawai, kind=Kind.ASSIGNMENT_CREATED, key="a:1", title="Penugasan baru")
    assert "Notifikasi, 1 belum dibaca" in client.get(course.url).content.decode()


@pytest.mark.django_db
def test_the_kept_dashboard_makes_one_round_trip_and_shows_a_lesson_done(client, make_learner, commands):
    course = make_course("Keamanan Digital")
    pegawai = make_learner()
    client.force_login(pegawai)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    for _ in range(2):
        assert client.get("/dasbor/").status_code == 200
    commands.clear()
    assert 'value="0" aria-label="Kemajuan Keamanan Digital"' in client.get("/dasbor/").content.decode()
    assert len(commands) == DASHBOARD_ROUND_TRIPS, commands
    services.lesson_mark_done(enrollment=enrollment, lesson=course.get_children().specific().first())
    assert 'value="50" aria-label="Kemajuan Keamanan Digital"' in client.get("/dasbor/").content.decode()


def test_more_reads_ahead_are_made_only_inside_a_request_that_reads_ahead(commands):
    prefetch_more(["kompeten:test:value"])
    assert commands == [] and cache_ahead._ahead.values is None


@pytest.mark.django_db
def test_a_version_changed_in_this_process_is_read_again():
    reads = Reads()
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 60) == 1
    prefetch(["kompeten:test:version", "kompeten:test:value"])
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 60) == 1  # from the reads ahead
    version_bump("kompeten:test:version")
    assert cache_ahead._ahead.values is None
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 60) == 2
    prefetch(["kompeten:test:version", "kompeten:test:value"])
    versions_renew(["kompeten:test:version"])
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 60) == 3
    prefetch_end()


@pytest.mark.django_db
def test_a_value_read_and_kept_in_the_request_is_answered_from_there(commands):
    reads = Reads()
    prefetch(["kompeten:test:version", "kompeten:test:value"])
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 60) == 1
    commands.clear()
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 60) == 1
    assert commands == []
    prefetch_end()


@pytest.mark.django_db
def test_the_reads_ahead_end_with_the_request_and_a_post_writing_ends_them(client, pegawai, commands):
    course = make_course()
    client.force_login(pegawai)
    client.get("/dasbor/")
    assert cache_ahead._ahead.values is None
    commands.clear()
    response = client.post(reverse("course_enroll", args=[course.pk]))
    assert response.status_code == 302
    reads = [command for command in commands if command[0] == "MGET"]
    assert len(reads[0]) > 6  # read ahead with the session
    assert any(str(key).endswith("kompeten:site-root-paths") for key in reads[-1][1:])  # after the write: read again
    assert cache_ahead._ahead.values is None
    assert has_role(pegawai, PEGAWAI)


@pytest.mark.django_db
def test_the_settings_saved_in_the_request_are_read_again():
    from portal import rules
    from portal.pages.models import PortalSettings

    prefetch([rules.CACHE_KEY])
    assert rules.jp_target() == 20
    prefetch([rules.CACHE_KEY])
    PortalSettings.objects.create(jp_target_per_year=24)
    assert rules.jp_target() == 24
    prefetch_end()


@pytest.mark.django_db
def test_the_settings_read_once_in_a_request_are_not_read_again(django_assert_num_queries):
    from django.core.cache import cache

    from portal import rules

    cache.delete(rules.CACHE_KEY)
    prefetch([rules.CACHE_KEY])  # not kept yet: read from the database, once
    with django_assert_num_queries(1):
        assert rules.jp_target() == 20
        assert rules.quiet_hours() == (21, 7)
    prefetch_end()


@pytest.mark.django_db
def test_a_session_remembered_with_another_account_shows_its_own(client, pegawai, hr, commands):
    """The keys read with the session's copy are chosen for the account the process remembers; a
    session that names another one gets its own account's pages, read again for it."""
    from portal import reads_ahead

    client.force_login(pegawai)
    assert client.get("/dasbor/").status_code == 200
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    remembered = reads_ahead._remembered_as(session_key)
    assert reads_ahead._accounts[remembered] == (str(pegawai.pk), "id")
    assert session_key.encode() not in remembered
    reads_ahead._accounts[remembered] = (str(hr.pk), "id")  # as if the key had named HR's account
    commands.clear()
    html = client.get("/dasbor/").content.decode()
    assert pegawai.employee.name in html and hr.get_full_name() not in html
    first, *rest = [command for command in commands if command[0] == "MGET"]
    assert any(str(key).endswith(f"kompeten:user:{hr.pk}") for key in first[1:])
    assert any(str(key).endswith(f"kompeten:user:{pegawai.pk}") for key in rest[0][1:])
    assert reads_ahead._accounts[remembered] == (str(pegawai.pk), "id")


@pytest.mark.django_db
def test_a_session_ended_is_not_logged_in_though_the_process_remembers_its_key(client, pegawai):
    client.force_login(pegawai)
    assert client.get("/dasbor/").status_code == 200
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("account_logout"))
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie  # the old cookie, sent again
    response = client.get("/dasbor/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_an_english_readers_route_is_read_ahead_in_english(client, pegawai, commands):
    course = make_course()
    client.force_login(pegawai)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for _ in range(2):
        assert client.get(course.url).status_code == 200
    commands.clear()
    client.get(course.url)
    ahead = next(command for command in commands if command[0] == "MGET" and len(command) > 6)
    assert any("kompeten:route:" in str(key) and "|en|" in str(key) for key in ahead[1:])
    assert len(commands) == COURSE_PAGE_ROUND_TRIPS, commands


class Counted:
    """A kept value that counts its deserializations."""

    loads = 0

    def __init__(self):
        self.name = "kept"

    def __setstate__(self, state):
        Counted.loads += 1
        self.__dict__.update(state)


@pytest.mark.django_db
def test_a_value_read_ahead_is_deserialized_only_when_asked_for():
    cache.set("kompeten:test:unused", Counted(), 60)
    cache.set("kompeten:test:used", Counted(), 60)
    Counted.loads = 0
    prefetch(["kompeten:test:unused", "kompeten:test:used", "kompeten:test:absent"])
    assert Counted.loads == 0
    assert kept_many(["kompeten:test:used"])["kompeten:test:used"].name == "kept"
    assert kept_many(["kompeten:test:used", "kompeten:test:absent"]).keys() == {"kompeten:test:used"}
    assert Counted.loads == 1
    prefetch_end()
