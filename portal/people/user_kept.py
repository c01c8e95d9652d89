"""The account of a logged-in request, kept in the cache (issue #15): Django reads it from the
database for every request (the authentication backend's `get_user`), the one query left on a
kept page. `session_user` is Django's `auth.get_user` with that read kept
(`middleware.KeptAuthenticationMiddleware` puts it on the request); the session itself is neither
changed nor checked differently, so processes with and without it serve the same sessions.

Each account is kept under a version of its own, renewed (at once, and again when the transaction
commits) by every save or deletion of the account, a login included: a password changed, an account
deactivated or given staff rights applies from the next request, as before. `access_end`, which
(de)activates with an UPDATE, renews it itself. Django still checks each request's session against
the account's password hash, so a session whose password was changed ends at its next request. An
account that may not log in (inactive or deleted) is kept as None, and ends the session the same way.
`SECONDS` bounds a change made in SQL by hand; a renewal lost while Redis was unreachable is made
again when it answers (`portal.cache.replay_lost`).
"""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model, load_backend
from django.contrib.auth.models import AnonymousUser
from django.utils.crypto import constant_time_compare

from portal.cache import kept_under, versions_renew

SECONDS = 300


def _version_key(user_id) -> str:
    return f"kompeten:user:version:{user_id}"


def _key(user_id) -> str:
    return f"kompeten:user:{user_id}"


def user_kept(user_id, read):
    """The account (or None), from the cache or from `read()` (then kept)."""
    return kept_under(_version_key(user_id), _key(user_id), read, SECONDS)


def keys_ahead(user_id) -> list[str]:
    """What `user_kept` reads, for `portal.reads_ahead`."""
    return [_version_key(user_id), _key(user_id)]


def session_user(request):
    """Django's `auth.get_user` (5.2), the backend's `get_user` kept: the session's account if its
    backend is still configured and the session still matches the account's password hash (or a
    hash made with one of the secret key's fallbacks, then renewed); else the session is flushed
    and the visitor is anonymous."""
    try:
        user_id = get_user_model()._meta.pk.to_python(request.session[SESSION_KEY])
        backend_path = request.session[BACKEND_SESSION_KEY]
    except KeyError:
        return AnonymousUser()
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return AnonymousUser()
    backend = load_backend(backend_path)
    # Every configured backend reads the account by its id alone (ModelBackend.get_user).
    user = user_kept(user_id, lambda: backend.get_user(user_id))
    if user is None or not hasattr(user, "get_session_auth_hash"):
        return user or AnonymousUser()
    session_hash = request.session.get(HASH_SESSION_KEY)
    current = user.get_session_auth_hash()
    if session_hash and constant_time_compare(session_hash, current):
        return user
    if session_hash and any(constant_time_compare(session_hash, old) for old in user.get_session_auth_fallback_hash()):
        request.session.cycle_key()
        request.session[HASH_SESSION_KEY] = current
        return user
    request.session.flush()
    return AnonymousUser()


def users_changed(user_ids) -> None:
    """The accounts were written without a signal (an UPDATE): what is kept of them is old."""
    versions_renew(_version_key(pk) for pk in user_ids)


def _user_saved_or_deleted(sender, instance, **kwargs) -> None:
    users_changed([instance.pk])


def connect() -> None:
    """From PeopleConfig.ready."""
    from django.db.models.signals import post_delete, post_save

    from .models import User

    post_save.connect(_user_saved_or_deleted, sender=User, dispatch_uid="kompeten-user-saved")
    post_delete.connect(_user_saved_or_deleted, sender=User, dispatch_uid="kompeten-user-deleted")
