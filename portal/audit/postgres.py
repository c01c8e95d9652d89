"""What the audit trail does on PostgreSQL alone.

Migration 0002 puts an append-only trigger on the table: no UPDATE, and no DELETE unless the
transaction has set `kompeten.audit_purge`. Elsewhere (SQLite, the zero-set-up run) only the model
guards the trail, and these are no-ops. Tests of both behaviours: tests/audit/test_append_only.py.
"""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def purge_allowed(cursor):
    """Let the retention purge's DELETE through the trigger, inside the current transaction only."""
    if connection.vendor != "postgresql":
        yield
        return
    cursor.execute("SET LOCAL kompeten.audit_purge = 'on'")
    try:
        yield
    finally:
        cursor.execute("SET LOCAL kompeten.audit_purge = 'off'")
