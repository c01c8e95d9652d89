"""A person's first page: their account, employee record, roles and unread count in one query
(issue #15).

Each of the four is kept in the cache under its own version (`user_kept`, `employee_kept`,
`roles_kept`, `unread`) and read from the database, a query each, when it is not: on a person's
first page, all four at once. When the reads ahead (`portal.reads_ahead`) show that two or more of
them are missing or old, `read_missing` reads them all with one query (on PostgreSQL: the roles come
back as an array), compiled once per process (`portal.prepared`), and keeps those that were missing,
exactly as each would have been read and kept alone; the page then finds them among the reads ahead.

Core: every app may import it; it imports no app.
"""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, get_user_model, load_backend
from django.contrib.auth.models import Group
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from portal.cache import kept_ahead, kept_missing
from portal.notifications import unread
from portal.notifications.models import Notification
from portal.people import employee_kept, roles_kept, user_kept
from portal.prepared import Prepared

MISSING_AT_LEAST = 2  # one missing is one query either way


def _build(*, user_id):
    unread_count = (
        Notification.objects.filter(user=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("user")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        get_user_model()
        .objects.select_related("employee__unit", "employee__position", "employee__supervisor")
        .annotate(
            kompeten_roles=ArraySubquery(Group.objects.filter(user=OuterRef("pk")).values("name")),
            kompeten_unread=Coalesce(Subquery(unread_count), 0),
        )
        .filter(pk=user_id)
    )


_everything = Prepared(_build, user_id=-7_000_001)


def _kept(user_id) -> list[tuple]:
    """(version key, key, seconds) of each of the four, as each module keeps it."""
    return [(*module.keys_ahead(user_id), module.SECONDS) for module in (user_kept, employee_kept, roles_kept, unread)]


def read_missing(session) -> None:
    """Read and keep, in one query, what the session's account's pages would read a query each."""
    backend_path = session.get(BACKEND_SESSION_KEY)
    if connection.vendor != "postgresql" or backend_path not in settings.AUTHENTICATION_BACKENDS:
        return
    user_id = get_user_model()._meta.pk.to_python(session[SESSION_KEY])
    kept = _kept(user_id)
    if sum(kept_missing(version_key, key) for version_key, key, _seconds in kept) < MISSING_AT_LEAST:
        return
    found = _everything.objects(user_id=user_id)
    if not found:
        return  # no such account: the session ends, as before
    values = _values(found[0], load_backend(backend_path))
    for (version_key, key, seconds), value in zip(kept, values, strict=True):
        kept_ahead(version_key, key, value, seconds)


def _values(user, backend) -> tuple:
    """The account (None if it may not log in: `ModelBackend.get_user`), the employee record with its
    unit, position and supervisor, the roles, the unread count: each as its own query reads it."""
    roles, count = frozenset(user.kompeten_roles), user.kompeten_unread
    del user.kompeten_roles, user.kompeten_unread
    employee = user._state.fields_cache.pop("employee", None)
    if employee is not None:
        employee._state.fields_cache.pop("user", None)
    return (user if backend.user_can_authenticate(user) else None), employee, roles, count
