"""The transactional tests' flush and load in SQL (tests/snapshot_db.py) leave the database Django's
own would: empty after the flush, the migrated rows exactly after the load."""

import pytest
from django.core.management import call_command
from django.db import connection

from . import snapshot_db


def _flush():
    """As Django's TransactionTestCase ends a test."""
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True)


def _tables_holding_rows() -> list[str]:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        return snapshot_db._holding_rows(cursor, tables)


@pytest.fixture
def on_postgresql(transactional_db, django_db_serialized_rollback):
    if connection.vendor != "postgresql":
        pytest.skip("the SQL way is PostgreSQL's; elsewhere Django's own flush and load run")
    assert connection.settings_dict["NAME"] in snapshot_db._saved, "the run's rows were not saved"


def test_the_load_gives_the_database_djangos_string_describes(on_postgresql):
    assert connection.creation.serialize_db_to_string() == connection._test_serialized_contents


def test_the_flush_empties_every_table_the_audit_trail_included(on_postgresql):
    from portal.audit.models import AuditAction, AuditEntry

    from .factories import EmployeeFactory

    employee = EmployeeFactory()
    AuditEntry.objects.create(action=AuditAction.VIEW, what="people.pegawai", subject_employee=employee)
    _flush()
    assert _tables_holding_rows() == []
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    assert connection.creation.serialize_db_to_string() == connection._test_serialized_contents


def test_another_string_is_loaded_the_django_way(on_postgresql):
    from django.contrib.auth.models import Group

    _flush()
    group = Group.objects.create(name="Sementara")
    other = connection.creation.serialize_db_to_string()
    _flush()
    connection.creation.deserialize_db_from_string(other)
    assert list(Group.objects.values_list("pk", "name")) == [(group.pk, "Sementara")]
