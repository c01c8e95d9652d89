"""Logged-in sessions made in bulk for the benchmarks over HTTP: what a login through the project's own
authentication backend would leave in the session store, without a password round trip per person.
Run in the server's environment (`manage.py shell`): the session data is signed with its secret key."""


def sessions_create(users, *, extra=None) -> list[str]:
    """One new session per user, in one INSERT; their keys, in the order of `users`. `extra(user)`
    may add to a session what the login left there besides the user (allauth's records, say)."""
    import datetime

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    store, backend = SessionStore(), settings.AUTHENTICATION_BACKENDS[0]
    expires = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    rows = [
        Session(
            session_key=get_random_string(32, alphabet),
            session_data=store.encode(
                {
                    SESSION_KEY: str(user.pk),
                    BACKEND_SESSION_KEY: backend,
                    HASH_SESSION_KEY: user.get_session_auth_hash(),
                }
            ),
            expire_date=expires,
        )
        for user in users
    ]
    Session.objects.bulk_create(rows, batch_size=2000)
    return [row.session_key for row in rows]
