"""A change made while Redis cannot be reached still makes the values kept before it old, once Redis
answers again (portal.cache.replay_lost): its version bump, dropped during the outage, is made then.
The outage is real: the cache is pointed at a local port where nothing listens."""

import socket

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.urls import reverse

from portal.cache import kept_under, version_bump, versions_renew
from portal.cache import tolerant as cache_tolerant

pytestmark = pytest.mark.skipif(not settings.CACHE_URL, reason="needs Redis (CACHE_URL), as in CI")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_down():
    options = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}
    location = f"redis://127.0.0.1:{_closed_port()}/0"
    return override_settings(
        CACHES={
            **settings.CACHES,
            "default": {"BACKEND": "portal.cache.TolerantRedisCache", "LOCATION": location, "OPTIONS": options},
        }
    )


class Reads:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1
        return f"read {self.count}"


@pytest.fixture(autouse=True)
def _nothing_lost_before_or_after():
    assert not cache_tolerant._lost_bumps and not cache_tolerant._lost_renewals and not cache_tolerant._stale_copies
    yield
    cache_tolerant._lost_bumps.clear()
    cache_tolerant._lost_renewals.clear()
    cache_tolerant._stale_copies.clear()


def _sessions_down():
    options = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}
    location = f"redis://127.0.0.1:{_closed_port()}/0"
    sessions = {**settings.CACHES["sessions"], "LOCATION": location, "OPTIONS": options}
    return override_settings(CACHES={**settings.CACHES, "sessions": sessions})


def test_a_bump_dropped_during_an_outage_is_made_when_redis_answers(db):
    reads = Reads()
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 600) == "read 1"
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 600) == "read 1"  # kept

    with _redis_down():
        version_bump("kompeten:test:version")  # the change's bump is dropped
        assert cache_tolerant._lost_bumps == {"kompeten:test:version"}
        # While Redis is down every read is a miss, and nothing is replayed or lost.
        assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 600) == "read 2"
        assert cache_tolerant._lost_bumps == {"kompeten:test:version"}

    # Redis answers: the value kept before the outage is old, not served.
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 600) == "read 3"
    assert not cache_tolerant._lost_bumps
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 600) == "read 3"  # kept again


def test_renewals_dropped_during_an_outage_are_made_when_redis_answers(db):
    first, second = Reads(), Reads()
    kept_under("kompeten:test:person:1", "kompeten:test:page:1", first, 600)
    kept_under("kompeten:test:person:2", "kompeten:test:page:2", second, 600)

    with _redis_down():
        versions_renew(["kompeten:test:person:1", "kompeten:test:person:2"])
        assert cache_tolerant._lost_renewals == {"kompeten:test:person:1", "kompeten:test:person:2"}

    assert kept_under("kompeten:test:person:1", "kompeten:test:page:1", first, 600) == "read 2"
    assert kept_under("kompeten:test:person:2", "kompeten:test:page:2", second, 600) == "read 2"
    assert not cache_tolerant._lost_renewals


def test_a_bump_made_in_time_is_not_made_again(db):
    reads = Reads()
    kept_under("kompeten:test:version", "kompeten:test:value", reads, 600)
    version_bump("kompeten:test:version")
    assert not cache_tolerant._lost_bumps
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 600) == "read 2"
    assert kept_under("kompeten:test:version", "kompeten:test:value", reads, 600) == "read 2"


@pytest.mark.django_db
def test_a_session_ended_during_an_outage_does_not_come_back_from_its_copy(client, pegawai):
    """The copy of a session logged out while Redis did not answer is dropped once it answers, so the
    old cookie (someone who kept it) is not logged in from it."""
    client.force_login(pegawai)
    assert client.get("/dasbor/").status_code == 200  # read from its copy in Redis
    ended = client.cookies[settings.SESSION_COOKIE_NAME].value
    with _sessions_down():
        client.post(reverse("account_logout"))
        assert cache_tolerant._stale_copies  # the copy could not be deleted
    assert not Session.objects.filter(session_key=ended).exists()

    client.cookies[settings.SESSION_COOKIE_NAME] = ended
    response = client.get("/dasbor/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not cache_tolerant._stale_copies


@pytest.mark.django_db
def test_a_session_saved_during_an_outage_is_read_again_from_the_database(client, pegawai):
    client.force_login(pegawai)
    client.get("/dasbor/")
    with _sessions_down():
        session = client.session
        session["kompeten-test"] = "ditulis saat Redis mati"
        session.save()
    assert client.session["kompeten-test"] == "ditulis saat Redis mati"
