"""The PostgreSQL backend's health check (portal/postgresql/base.py): no round trip for a connection
the server still holds, and a connection the server ended is found and replaced, as Django's own
check would."""

import time

import pytest
from django.db import connection, connections
from django.db.backends.postgresql import base as django_postgresql

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's backend")


@pytest.fixture
def other():
    """A second connection to the test database, as a web worker holds one between requests."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


@pytest.fixture
def djangos_checks(monkeypatch):
    """How many times Django's own check (`SELECT 1`) ran."""
    calls = []
    original = django_postgresql.DatabaseWrapper.is_usable

    def counted(self):
        calls.append(self)
        return original(self)

    monkeypatch.setattr(django_postgresql.DatabaseWrapper, "is_usable", counted)
    return calls


def test_the_portal_runs_on_this_backend():
    assert type(connections["default"]).__module__ == "portal.postgresql.base"


def test_a_connection_the_server_holds_is_usable_without_a_query(db, other, djangos_checks):
    assert other.is_usable()
    assert djangos_checks == []


def test_a_connection_the_server_ended_is_found_and_replaced(db, other, djangos_checks):
    pid = other.connection.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 5
    while other.is_usable() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not other.is_usable()
    assert djangos_checks, "the server's last message was read Django's way"
    other.health_check_done = False
    other.close_if_health_check_failed()
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


def test_a_connection_in_a_transaction_is_checked_djangos_way(db, other, djangos_checks):
    other.set_autocommit(False)
    with other.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert other.is_usable()
    assert djangos_checks == [other]
    other.rollback()
    other.set_autocommit(True)
