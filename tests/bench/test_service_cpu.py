"""The load test's report counts PostgreSQL's CPU with its backends that ended during the run (a
connection lives CONN_MAX_AGE seconds, then another backend serves the next one)."""

import time

import psycopg
import pytest
from django.db import connection

from bench.load_run import service_seconds


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's processes")
def test_a_backend_that_ended_still_counts():
    settings = connection.settings_dict
    before = service_seconds("postgres")
    with psycopg.connect(
        host=settings["HOST"] or None, port=settings["PORT"] or None, user=settings["USER"], dbname=settings["NAME"]
    ) as separate:
        separate.execute("SELECT count(*) FROM generate_series(1, 4000000)").fetchone()
    time.sleep(0.5)  # the server reaps the backend
    assert service_seconds("postgres") - before >= 0.2


def test_a_command_no_process_runs_has_none():
    assert service_seconds("kompeten-no-such-command") == 0
