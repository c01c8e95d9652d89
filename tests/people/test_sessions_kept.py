"""Sessions read from the cache and kept in PostgreSQL (cached_db): a logged-in page reads no
session row, and ending a session (logout, deactivation) applies at the next request."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.people.services.access_end import employee_deactivate

pytestmark = pytest.mark.django_db


def session_queries(client, url="/dasbor/") -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum('FROM "django_session"' in q["sql"] for q in queries.captured_queries)


def test_a_logged_in_page_reads_no_session_row_once_kept(client, pegawai):
    client.force_login(pegawai)
    client.get("/dasbor/")
    assert session_queries(client) == 0
    assert Session.objects.filter(session_key=client.session.session_key).exists()  # the record


def test_a_session_missing_from_the_cache_is_read_from_the_database(client, pegawai):
    client.force_login(pegawai)
    # This session's copy only: clear() would empty the Redis database the other test processes share.
    caches[settings.SESSION_CACHE_ALIAS].delete(client.session.cache_key)
    assert session_queries(client) == 1
    assert session_queries(client) == 0


def test_logout_and_deactivation_end_the_session_at_the_next_request(client, pegawai, hr):
    client.force_login(pegawai)
    client.get("/dasbor/")
    client.post(reverse("account_logout"))
    assert client.get("/dasbor/").status_code == 302

    client.force_login(pegawai)
    client.get("/dasbor/")
    employee_deactivate(employee=pegawai.employee, by=hr)
    response = client.get("/dasbor/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_cached_copy_lives_ten_minutes_at_most(client, pegawai):
    sessions = caches[settings.SESSION_CACHE_ALIAS]
    if not hasattr(sessions, "_cache") or not hasattr(sessions._cache, "get_client"):
        pytest.skip("the production cache (Redis) only")
    client.force_login(pegawai)
    client.get("/dasbor/")
    key = sessions.make_key(f"django.contrib.sessions.cached_db{client.session.session_key}")
    assert 0 < sessions._cache.get_client().ttl(key) <= 600
