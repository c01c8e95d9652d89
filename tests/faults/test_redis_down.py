"""Redis stopped (issue #17): the learner's pages and the login keep working (the cache answers as
an empty one, sessions are in PostgreSQL), /healthz says the broker is down, and a task asked for
during the outage waits in the outbox and runs once Redis is back. Real processes: gunicorn, a
worker, a Redis of the test's own that the test stops and starts."""

import re
import subprocess
import sys

import pytest
import requests
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from courses import services
from courses.models import Certificate
from portal.outbox.models import QueuedTask
from portal.outbox.services import FRESH

from ..conftest import worker_env
from ..courses.conftest import READING, make_course
from ..factories import PASSWORD
from ..processes import RedisServer, free_port, gunicorn, gunicorn_wait, wait_until

pytestmark = pytest.mark.worker

CERTIFICATE_TASK = "courses.tasks.certificate_issue_task"
PENDING = "Sertifikat Keamanan Digital sedang dibuat"


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


def logged_in(user) -> requests.Session:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    session = requests.Session()
    session.cookies.set(settings.SESSION_COOKIE_NAME, store.session_key, domain="127.0.0.1")
    return session


def form_token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def test_pages_and_login_work_while_redis_is_down_and_the_task_waits_for_it(
    redis_server, test_queue, tmp_path, pegawai, start_worker
):
    env = worker_env(
        tmp_path / "mail",
        CACHE_URL=redis_server.url,
        CELERY_BROKER_URL=redis_server.url,
        CELERY_TASK_DEFAULT_QUEUE=test_queue,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web = gunicorn(env, port=port, log=tmp_path / "web.log").start()
    try:
        gunicorn_wait(web, port)
        course = make_course(lessons=(("Kata sandi", READING),))
        [reading] = [page.specific for page in course.get_children()]
        services.enrollment_create(employee=pegawai.employee, course=course)
        browser = logged_in(pegawai)
        pages = ["/dasbor/", "/kursus/", course.url, reading.url]
        for page in pages:
            assert browser.get(base + page, allow_redirects=False).status_code == 200, page

        redis_server.stop()
        for page in pages:
            assert browser.get(base + page, allow_redirects=False).status_code == 200, page
        health = requests.get(base + "/healthz", timeout=10)
        assert health.status_code == 200 and health.json()["broker"]["ok"] is False
        assert health.json()["status"] == "degraded"

        # Finishing the course asks for the certificate: the page answers, the task waits.
        lesson_page = browser.get(base + reading.url)
        done = browser.post(
            f"{base}/kursus/aksi/selesai/{reading.pk}/",
            data={"csrfmiddlewaretoken": form_token(lesson_page)},
            headers={"Referer": base + reading.url},
            allow_redirects=False,
        )
        assert done.status_code == 302, done.text[:500]
        row = QueuedTask.objects.get(task=CERTIFICATE_TASK)
        assert row.published_at is None and not Certificate.objects.exists()
        # The learner is told the certificate is on its way, not that there is none.
        assert PENDING in browser.get(base + "/dasbor/").text

        # A person who logs in now gets in: the rate limit's cache is down, not the login.
        visitor = requests.Session()
        login_page = visitor.get(base + "/accounts/login/")
        signed_in = visitor.post(
            base + "/accounts/login/",
            data={"csrfmiddlewaretoken": form_token(login_page), "login": pegawai.username, "password": PASSWORD},
            headers={"Referer": base + "/accounts/login/"},
            allow_redirects=False,
        )
        assert signed_in.status_code == 302, signed_in.text[:500]
        assert visitor.get(base + "/dasbor/", allow_redirects=False).status_code == 200
        assert " 500 " not in (tmp_path / "web.log").read_text()

        redis_server.start()
        start_worker(CACHE_URL=redis_server.url, CELERY_BROKER_URL=redis_server.url)
        # The beat's next minute (a row is left to the request that wrote it for FRESH seconds),
        # run by its command.
        wait_until(lambda: timezone.now() > row.created_at + FRESH, what="the row no longer fresh")
        relay = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "outbox_relay"],
            env=env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
        )
        assert relay.returncode == 0, relay.stderr
        wait_until(Certificate.objects.exists, timeout=60, what="the certificate issued after Redis came back")
        wait_until(lambda: QueuedTask.objects.filter(pk=row.pk, finished_at__isnull=False).exists(), what="finished")
        dashboard = browser.get(base + "/dasbor/").text
        assert PENDING not in dashboard
        assert f"/kursus/aksi/sertifikat/{Certificate.objects.get().pk}/unduh/" in dashboard
    finally:
        web.stop()
