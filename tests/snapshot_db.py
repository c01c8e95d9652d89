"""The database after migrations, put back in SQL after each transactional test (PostgreSQL only).

A transactional test (the browser journeys, the tests with a real worker) ends with Django's
flush, a TRUNCATE of every table (131 here), and the next one starts by loading the database as
the migrations left it from a JSON string (`serialized_rollback`: 708 objects saved one by one).
Together about a second per test. Instead:

- at the start of the run, each table the migrations filled is copied into a schema of its own
  (`SCHEMA`, beside the tables, in this process's test database);
- the flush deletes the rows of the tables that hold any (about 30 of 131), in one transaction
  whose foreign keys are checked at its end (Django creates them deferrable), with the audit
  trail's purge allowed (portal/audit/migrations/0002_append_only_trigger.py), and copies the
  saved rows back (`INSERT … SELECT`);
- the load does the same (the first transactional test of a process starts on the migrated
  database, or on what a fixture of wider scope committed).

About 0.1 s for the two. The result is the same database: `tests/test_snapshot_db.py` serializes
it after the flush and after the load and compares with Django's own string, and a database other
than the one saved (a second database, SQLite) takes Django's way.

The flush puts the migrated rows back, where Django's leaves every table empty, because pytest-xdist
does not keep Django's order across processes: pytest-django runs the tests on `db` before the
transactional ones, but with `--dist worksteal` a process that has run transactional tests takes
tests on `db` from another, and those need the rows the migrations made (the root page, the
content types, the groups). On an emptied database they fail.
"""

from django.db.backends.postgresql.creation import DatabaseCreation
from django.db.backends.postgresql.operations import DatabaseOperations

SCHEMA = "kompeten_test_snapshot"

_saved: dict[str, list[str]] = {}  # database name → the tables copied into SCHEMA
_django_flush = DatabaseOperations.sql_flush
_django_load = DatabaseCreation.deserialize_db_from_string


def take(connection) -> None:
    """Copy every table holding rows into SCHEMA; from now on flush and load take the SQL way."""
    if connection.vendor != "postgresql":
        return
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE; CREATE SCHEMA "{SCHEMA}"')
        filled = _holding_rows(cursor, tables)
        cursor.execute(";".join(f"CREATE TABLE {_quoted(table, SCHEMA)} AS TABLE {_quoted(table)}" for table in filled))
    _saved[connection.settings_dict["NAME"]] = filled
    DatabaseOperations.sql_flush = _sql_flush
    DatabaseCreation.deserialize_db_from_string = _load


def _quoted(table: str, schema: str | None = None) -> str:
    name = '"{}"'.format(table.replace('"', '""'))
    return f'"{schema}".{name}' if schema else name


def _holding_rows(cursor, tables) -> list[str]:
    if not tables:
        return []
    cursor.execute(
        # The names are the tables Django's introspection lists, quoted.
        " UNION ALL ".join(f"SELECT %s WHERE EXISTS (SELECT 1 FROM {_quoted(table)})" for table in tables),  # noqa: S608
        list(tables),
    )
    return [row[0] for row in cursor.fetchall()]


def _sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    saved = _saved.get(self.connection.settings_dict["NAME"])
    if reset_sequences or saved is None:
        return _django_flush(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
    flushed = set(tables)
    return [*_emptying(self.connection, tables), *_copies_back(table for table in saved if table in flushed)]


def _emptying(connection, tables) -> list[str]:
    """The statements that empty the tables holding rows (never none: Django's flush runs the
    post_migrate signal of a test not reloaded only when it was given statements)."""
    with connection.cursor() as cursor:
        filled = _holding_rows(cursor, tables)
    return [
        "SET CONSTRAINTS ALL DEFERRED",
        "SET LOCAL kompeten.audit_purge = 'on'",
        *(f"DELETE FROM {_quoted(table)}" for table in filled),  # noqa: S608 - Django's table names
    ]


def _load(self, data):
    """Django's load saves each object over what is there (the first test starts on a database not
    flushed yet): here what is there is deleted first, then the saved rows copied back."""
    connection = self.connection
    saved = _saved.get(connection.settings_dict["NAME"])
    if saved is None or data is not getattr(connection, "_test_serialized_contents", None):
        return _django_load(self, data)
    from django.db import transaction

    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for statement in _emptying(connection, tables):
            cursor.execute(statement)
        cursor.execute(";".join(_copies_back(saved)))


def _copies_back(tables) -> list[str]:
    return [f"INSERT INTO {_quoted(table)} SELECT * FROM {_quoted(table, SCHEMA)}" for table in tables]  # noqa: S608
