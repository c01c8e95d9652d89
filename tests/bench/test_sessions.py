"""The benchmarks' sessions made in bulk hold what a login leaves: the project's own keys (whether
the session ends when idle, the language), what the caller adds, and the copy `cached_db` keeps in
the sessions' cache; a page served with one writes nothing to the session."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.contrib.sessions.models import Session
from django.core.cache import caches

from bench.sessions import sessions_create
from portal.people.language import LANGUAGE_SESSION_KEY
from portal.people.middleware import LAST_SEEN_SESSION_KEY, STAFF_SESSION_KEY

pytestmark = pytest.mark.django_db
OURS = (STAFF_SESSION_KEY, LAST_SEEN_SESSION_KEY, LANGUAGE_SESSION_KEY)


def _ours(data: dict) -> dict:
    return {key: value for key, value in data.items() if key in OURS and key != LAST_SEEN_SESSION_KEY}


def test_a_bulk_session_holds_what_a_login_leaves(client, pegawai, hr_with_mfa):
    keys = sessions_create([pegawai, hr_with_mfa], extra=lambda user: {"dibuat": user.username})
    for user, key in zip((pegawai, hr_with_mfa), keys, strict=True):
        made = Session.objects.get(pk=key).get_decoded()
        client.force_login(user)
        logged_in = client.session.load()
        assert _ours(made) == _ours(logged_in) and _ours(made), user
        assert (LAST_SEEN_SESSION_KEY in made) == (LAST_SEEN_SESSION_KEY in logged_in) == (user == hr_with_mfa)
        assert made["dibuat"] == user.username
        if settings.CACHE_URL:
            assert caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + key) == made
        client.logout()


def test_a_page_served_with_a_bulk_session_writes_nothing_to_it(client, pegawai):
    (key,) = sessions_create([pegawai])
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    before = Session.objects.get(pk=key).session_data
    assert client.get("/dasbor/").status_code == 200
    assert Session.objects.get(pk=key).session_data == before
