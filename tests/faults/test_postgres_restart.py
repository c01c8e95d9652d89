"""PostgreSQL restarted under load (issue #17): requests fail only while it is down, and the same
gunicorn (no restart) serves again as soon as it is back; its pooled connections (CONN_MAX_AGE) are
health-checked and replaced; a Celery worker likewise goes on with the next task. Real processes: a
PostgreSQL cluster of the test's own, gunicorn, a Celery worker, Redis."""

import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from ..conftest import worker_env
from ..processes import PostgresCluster, free_port, gunicorn, gunicorn_wait, wait_until

pytestmark = pytest.mark.worker


@pytest.fixture
def cluster(transactional_db, django_db_serialized_rollback):
    if connection.vendor != "postgresql" or not shutil.which("initdb"):
        pytest.skip("needs PostgreSQL and its server programs (as in CI)")
    folder = Path(tempfile.mkdtemp(prefix="kompeten-pg-"))
    server = PostgresCluster(folder).start()
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def copy_test_database(cluster: PostgresCluster) -> str:
    """The test database (migrated, with this test's rows) copied into the cluster."""
    db = connection.settings_dict
    subprocess.run(["createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", "kompeten"], check=True)  # noqa: S607
    dump = subprocess.run(  # noqa: S603
        [
            "pg_dump",
            "--no-owner",
            "-h",
            db["HOST"] or "127.0.0.1",
            "-p",
            str(db["PORT"] or 5432),
            "-U",
            db["USER"],
            db["NAME"],
        ],  # noqa: S607
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", cluster.url("kompeten")],
        input=dump.stdout,
        check=True,
        capture_output=True,
    )  # noqa: S607
    return cluster.url("kompeten")


def session_of(user) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def test_requests_fail_only_while_postgresql_restarts(cluster, pegawai, tmp_path):
    key = session_of(pegawai)
    url = copy_test_database(cluster)
    port = free_port()
    env = worker_env(tmp_path / "mail", DATABASE_URL=url, DATABASE_CONN_MAX_AGE="60")
    web = gunicorn(env, port=port, workers=2, log=tmp_path / "web.log").start()
    results: list[tuple[float, float, int]] = []  # (sent, answered, status)
    stop = threading.Event()

    def load():
        browser = requests.Session()
        browser.cookies.set(settings.SESSION_COOKIE_NAME, key, domain="127.0.0.1")
        while not stop.is_set():
            sent = time.monotonic()
            try:
                status = browser.get(f"http://127.0.0.1:{port}/dasbor/", allow_redirects=False, timeout=10).status_code
            except requests.RequestException:
                status = 0
            results.append((sent, time.monotonic(), status))

    try:
        gunicorn_wait(web, port)
        threads = [threading.Thread(target=load) for _ in range(3)]
        for thread in threads:
            thread.start()
        wait_until(lambda: len(results) >= 10, timeout=60, what="requests answered before the restart")
        down = time.monotonic()
        cluster.restart()
        up = time.monotonic()
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join()
        assert web.popen.poll() is None, "gunicorn died"
    finally:
        stop.set()
        web.stop()
    # Answered before the restart began; sent once it was over (a request sent while PostgreSQL was
    # down may be answered later, with its error, on a busy machine).
    before = [status for _sent, answered, status in results if answered < down]
    after = [status for sent, _answered, status in results if sent > up + 0.5]
    assert before and set(before) == {200}
    assert len(after) > 20 and set(after) == {200}, Counter(after)
    # Every failed request was under way during the restart.
    failed = [(sent, answered) for sent, answered, status in results if status != 200]
    assert all(answered >= down and sent <= up + 0.5 for sent, answered in failed), failed


ENQUEUE = """
from django.db import transaction
from portal.notifications.tasks import email_send_task
from portal.outbox.services import task_enqueue
with transaction.atomic():
    task_enqueue(
        email_send_task,
        kwargs={"subject": "%s", "body": "-", "from_email": "a@example.com", "to": ["b@example.com"]},
    )
"""


def test_a_worker_goes_on_after_postgresql_restarts(cluster, start_worker, test_queue, tmp_path):
    url = copy_test_database(cluster)
    env = worker_env(
        tmp_path / "mail", DATABASE_URL=url, DATABASE_CONN_MAX_AGE="60", CELERY_TASK_DEFAULT_QUEUE=test_queue
    )
    mail = tmp_path / "mail"

    def enqueue(subject: str) -> None:
        command = [sys.executable, "manage.py", "shell", "-c", ENQUEUE % subject]
        subprocess.run(command, env=env, check=True, capture_output=True, cwd=settings.BASE_DIR)  # noqa: S603

    def unfinished() -> str:
        query = "select count(*) from portal_queuedtask where finished_at is null or failed"
        return subprocess.run(  # noqa: S603
            ["psql", "-tA", url, "-c", query],
            check=True,
            capture_output=True,
            text=True,  # noqa: S607
        ).stdout.strip()

    worker = start_worker(DATABASE_URL=url, DATABASE_CONN_MAX_AGE="60")
    enqueue("before")
    wait_until(lambda: len(list(mail.iterdir())) == 1, what="the e-mail before the restart")
    cluster.restart()
    enqueue("after")
    wait_until(lambda: len(list(mail.iterdir())) == 2, what="the e-mail after the restart")
    assert worker.popen.poll() is None
    assert unfinished() == "0"
    subjects = sorted(
        line for path in mail.iterdir() for line in path.read_text().splitlines() if line.startswith("Subject:")
    )
    assert subjects == ["Subject: after", "Subject: before"]
