"""The transactional tests' flush and load in SQL (tests/snapshot_db.py) leave the database as the
migrations left it, exactly: after the load, as Django's own would, and after the flush too, where
Django's would leave it empty (a test on `db` may follow in the same process)."""

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from . import snapshot_db


def _flush(*, inhibit_post_migrate=True):
    """As Django's TransactionTestCase ends a test (post_migrate runs after a test not reloaded)."""
    call_command(
        "flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=inhibit_post_migrate
    )


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


@pytest.mark.parametrize("inhibit_post_migrate", [True, False], ids=["reloaded", "not-reloaded"])
def test_the_flush_leaves_the_migrated_database_the_audit_trail_emptied(on_postgresql, inhibit_post_migrate):
    from courses.models import CourseIndexPage
    from portal.audit.models import AuditAction, AuditEntry

    from .factories import EmployeeFactory

    employee = EmployeeFactory()
    AuditEntry.objects.create(action=AuditAction.VIEW, what="people.pegawai", subject_employee=employee)
    CourseIndexPage.objects.all().delete()
    _flush(inhibit_post_migrate=inhibit_post_migrate)
    assert not AuditEntry.objects.exists()
    assert CourseIndexPage.objects.exists(), "the pages the migrations made are back"
    assert connection.creation.serialize_db_to_string() == connection._test_serialized_contents
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    assert connection.creation.serialize_db_to_string() == connection._test_serialized_contents


def test_a_table_the_flush_was_not_given_keeps_its_rows(on_postgresql):
    from django.contrib.auth.models import Group

    from portal.audit.models import AuditEntry

    Group.objects.create(name="Sementara")
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), [AuditEntry._meta.db_table], reset_sequences=False)
    )
    assert Group.objects.filter(name="Sementara").exists()
    _flush()
    assert not Group.objects.filter(name="Sementara").exists()


def test_another_string_is_loaded_the_django_way(on_postgresql):
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Sementara")
    other = connection.creation.serialize_db_to_string()
    _flush()
    assert not Group.objects.filter(pk=group.pk).exists()
    connection.creation.deserialize_db_from_string(other)
    assert Group.objects.get(pk=group.pk).name == "Sementara"
