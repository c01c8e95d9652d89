"""Logged-in sessions made in bulk for the benchmarks over HTTP: what a login through the project's own
authentication backend would leave in the session store, without a password round trip per person:
the session in the database, what the project's receivers of `user_logged_in` put in it (whether it
ends when idle, the language chosen on the account), and its copy in the sessions' cache (Django's
`cached_db` writes one when it saves a session). Run in the server's environment (`manage.py shell`):
the session data is signed with its secret key, and the copies go to its Redis."""


def sessions_create(users, *, extra=None) -> list[str]:
    """One new session per user, in one INSERT; their keys, in the order of `users`. `extra(user)`
    may add to a session what the login left there besides the user (allauth's records, say)."""
    import datetime

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.cache import caches
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    store, backend = SessionStore(), settings.AUTHENTICATION_BACKENDS[0]
    expires = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    data = [
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: backend,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
            **_logged_in(user),
            **(extra(user) if extra else {}),
        }
        for user in users
    ]
    rows = [
        Session(session_key=get_random_string(32, alphabet), session_data=store.encode(values), expire_date=expires)
        for values in data
    ]
    Session.objects.bulk_create(rows, batch_size=2000)
    copies = {KEY_PREFIX + row.session_key: values for row, values in zip(rows, data, strict=True)}
    caches[settings.SESSION_CACHE_ALIAS].set_many(copies, settings.SESSION_COOKIE_AGE)
    return [row.session_key for row in rows]


def _logged_in(user) -> dict:
    """What the project's receivers of `user_logged_in` put in the session of `user` at login."""
    from types import SimpleNamespace

    from portal.people.language import language_restore
    from portal.people.middleware import idle_limit_start

    request = SimpleNamespace(session={})
    for receiver in (idle_limit_start, language_restore):
        receiver(sender=type(user), request=request, user=user)
    return request.session
