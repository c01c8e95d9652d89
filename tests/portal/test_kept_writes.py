"""While a logged-in page reads ahead, the values it keeps under a version are written when it ends,
together, in one round trip to Redis (portal.cache.kept_versioned_set, issue #15): each as it was when
kept, found again within the request, and dropped, not raised, when Redis does not answer."""

import pytest
import redis.client
from django.conf import settings
from django.core.cache import cache

from courses import services
from portal.cache import ahead as cache_ahead
from portal.cache import kept_under, prefetch, prefetch_end
from portal.cache import tolerant as cache_tolerant

from ..courses.conftest import make_course
from .test_cache_outage import _redis_down

pytestmark = pytest.mark.skipif(not settings.CACHE_URL, reason="needs Redis (CACHE_URL), as in CI")

VERSION, KEY = "kompeten:test:writes:version", "kompeten:test:writes:value"
KEPT_PER_PERSON = ("user", "employee-of-user", "roles", "unread")


@pytest.fixture
def sent(monkeypatch):
    """What reaches Redis: ("SET", key) for each command sent alone, ("PIPELINE", [keys set]) for each
    pipeline."""
    seen = []
    command, execute = redis.client.Redis.execute_command, redis.client.Pipeline.execute

    def counted(self, *args, **kwargs):
        seen.append((args[0], str(args[1]) if len(args) > 1 else ""))
        return command(self, *args, **kwargs)

    def pipelined(self, *args, **kwargs):
        seen.append(("PIPELINE", [str(args[1]) for args, _options in self.command_stack if args[0] == "SET"]))
        return execute(self, *args, **kwargs)

    monkeypatch.setattr(redis.client.Redis, "execute_command", counted)
    monkeypatch.setattr(redis.client.Pipeline, "execute", pipelined)
    return seen


@pytest.mark.django_db
def test_a_first_visit_writes_what_it_keeps_in_one_round_trip(client, pegawai, sent):
    course = make_course()
    services.enrollment_create(employee=pegawai.employee, course=course)
    client.force_login(pegawai)
    assert client.get(course.url).status_code == 200  # the route and the course's structure are kept
    for key in KEPT_PER_PERSON:
        cache.delete(f"kompeten:{key}:{pegawai.pk}")
    sent.clear()
    assert client.get(course.url).status_code == 200
    alone = [key for name, key in sent if name == "SET" and "kompeten:" in key and "cached_db" not in key]
    pipelines = [keys for name, keys in sent if name == "PIPELINE"]
    assert alone == [] and len(pipelines) == 1, sent
    for key in KEPT_PER_PERSON:
        assert any(name.endswith(f"kompeten:{key}:{pegawai.pk}") for name in pipelines[0]), pipelines
    sent.clear()
    assert client.get(course.url).status_code == 200  # all of them found: nothing read, nothing kept
    assert not any(name in ("SET", "PIPELINE") for name, _key in sent), sent


@pytest.mark.django_db
def test_a_value_is_written_as_it_was_when_kept():
    prefetch(["kompeten:test:writes:other"])
    value = kept_under(VERSION, KEY, lambda: {"read": 1}, 60)
    value["changed"] = "later in the request"
    prefetch_end()
    assert cache.get(KEY) == ((0,), {"read": 1})


@pytest.mark.django_db
def test_a_value_kept_and_not_yet_written_is_found_within_the_request():
    reads = []
    prefetch(["kompeten:test:writes:other"])
    assert kept_under(VERSION, KEY, lambda: reads.append(1) or len(reads), 60) == 1
    assert cache.get(KEY) is None  # not written yet
    assert kept_under(VERSION, KEY, lambda: reads.append(1) or len(reads), 60) == 1
    prefetch_end()
    assert reads == [1] and cache.get(KEY) == ((0,), 1)
    assert cache_ahead._ahead.pending is None


@pytest.mark.django_db
def test_the_writes_are_dropped_when_redis_does_not_answer():
    prefetch(["kompeten:test:writes:other"])
    assert kept_under(VERSION, KEY, lambda: "read", 60) == "read"
    failures = cache_tolerant._failures
    with _redis_down():
        prefetch_end()  # logged, not raised
    assert cache_tolerant._failures == failures + 1 and cache_ahead._ahead.pending is None
    assert cache.get(KEY) is None


@pytest.mark.django_db
def test_without_reads_ahead_a_value_is_written_at_once(sent):
    assert kept_under(VERSION, KEY, lambda: "read", 60) == "read"
    assert any(name == "SET" and key.endswith(KEY) for name, key in sent), sent
    assert cache.get(KEY) == ((0,), "read")
