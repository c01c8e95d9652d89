"""A person's first page reads their account, employee record, roles and unread count in one query
(portal.first_visit, issue #15), each value exactly as its own query reads it, and keeps only those
that were missing; what changes later is read again as before."""

import pytest
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from portal import first_visit
from portal.cache import prefetch, prefetch_end
from portal.notifications.models import Kind
from portal.notifications.selectors import unread_count
from portal.notifications.services import notify
from portal.people import roles, user_kept
from portal.people.access import _employee_of, user_roles
from portal.people.roles_kept import roles_changed
from portal.reads_ahead import keys_ahead

from ..instances import instance_state

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not settings.CACHE_URL, reason="needs Redis (CACHE_URL), as in CI"),
    pytest.mark.skipif(not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"), reason="PostgreSQL"),
]

TABLES = ("people_user", "people_employee", "auth_group", "notifications_notification")


def _own_reads(user):
    user_read = ModelBackend().get_user(user.pk)
    return (
        user_read,
        _employee_of(user).first(),
        frozenset(user.groups.values_list("name", flat=True)),
        user.notifications.filter(read_at__isnull=True).count(),
    )


def _one_read(user):
    found = first_visit._everything.objects(user_id=user.pk)
    return first_visit._values(found[0], ModelBackend())


def _compared(values):
    account, employee, role_names, count = values
    return instance_state(account), instance_state(employee), role_names, count


def test_each_value_is_the_one_its_own_query_reads(make_person, atasan, django_user_model):
    pegawai = make_person(roles.PEGAWAI, supervisor=atasan.employee)
    pegawai.groups.add(*django_user_model.objects.get(pk=atasan.pk).groups.all())
    notify(user=pegawai, kind=Kind.ASSIGNMENT_CREATED, key="a:1", title="Penugasan baru")
    notify(user=pegawai, kind=Kind.ASSIGNMENT_CREATED, key="a:2", title="Penugasan lain")
    pegawai.notifications.filter(key="a:1").update(read_at="2026-12-01T00:00:00Z")
    without_employee = django_user_model.objects.create_user("tanpa.pegawai", password="x")
    inactive = make_person(roles.PEGAWAI, is_active=False)
    for user in (pegawai, atasan, without_employee, inactive):
        assert _compared(_one_read(user)) == _compared(_own_reads(user)), user
    assert _one_read(pegawai)[2:] == (frozenset({roles.PEGAWAI, roles.ATASAN}), 1)
    assert _one_read(pegawai)[1].supervisor.pk == atasan.employee.pk
    assert _one_read(inactive)[0] is None and _one_read(without_employee)[1] is None


def _queries_of_the_four(captured):
    return [query["sql"] for query in captured if any(f'"{table}"' in query["sql"] for table in TABLES)]


def test_a_first_page_reads_the_four_in_one_query_and_the_next_page_none(client, pegawai):
    client.force_login(pegawai)
    with CaptureQueriesContext(connection) as first:
        assert client.get("/dasbor/").status_code == 200
    queries = _queries_of_the_four(first)
    # The four in one query; the dashboard's own (the JP with its annotations) as before.
    assert [("ARRAY(" in sql, "jp_courses" in sql) for sql in queries] == [(True, False), (False, True)], queries
    with CaptureQueriesContext(connection) as second:
        assert client.get("/dasbor/").status_code == 200
    assert not any("ARRAY(" in sql for sql in _queries_of_the_four(second))


def _session(user, backend="allauth.account.auth_backends.AuthenticationBackend"):
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session.update({"_auth_user_id": str(user.pk), "_auth_user_backend": backend})
    return session


def _read_missing(user) -> list[str]:
    """`read_missing` as a page's reads ahead call it; the queries it made."""
    prefetch(keys_ahead(RequestFactory().get("/dasbor/"), str(user.pk)))
    try:
        with CaptureQueriesContext(connection) as captured:
            first_visit.read_missing(_session(user))
    finally:
        prefetch_end()
    return _queries_of_the_four(captured)


def test_only_what_was_missing_is_kept_and_what_changed_is_read_again(client, pegawai):
    assert len(_read_missing(pegawai)) == 1  # all four missing
    version_key, key = user_kept.keys_ahead(pegawai.pk)
    cache.set(key, ((cache.get(version_key, 0),), "kept before"), 60)  # as kept_under stamps it
    notify(user=pegawai, kind=Kind.ASSIGNMENT_CREATED, key="a:1", title="Penugasan baru")
    roles_changed()
    assert len(_read_missing(pegawai)) == 1  # the unread count and the roles
    assert cache.get(key)[1] == "kept before"  # the account was not missing: not kept again
    fresh = type(pegawai).objects.get(pk=pegawai.pk)
    prefetch(keys_ahead(RequestFactory().get("/dasbor/"), str(pegawai.pk)))
    with CaptureQueriesContext(connection) as captured:
        assert unread_count(user=fresh) == 1
        assert user_roles(fresh) == frozenset({roles.PEGAWAI})
    prefetch_end()
    cache.delete(key)
    assert _queries_of_the_four(captured) == []
    client.force_login(pegawai)
    assert "Notifikasi, 1 belum dibaca" in client.get("/dasbor/").content.decode()


def test_one_missing_value_is_read_by_its_own_query(pegawai):
    """The account alone expires first (five minutes): one query either way, its own."""
    _read_missing(pegawai)
    user_kept.users_changed([pegawai.pk])
    assert _read_missing(pegawai) == []


def test_a_session_of_a_backend_no_longer_configured_reads_nothing(pegawai, settings):
    settings.AUTHENTICATION_BACKENDS = ["portal.people.backends.NIPBackend"]
    assert _read_missing(pegawai) == []
