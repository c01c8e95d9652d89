"""The portal as production runs it, for the benchmarks over HTTP (bench/http_pages.py, bench/load_run.py):
production settings with throwaway secrets, gunicorn on a free local port, `manage.py` in the same
environment (sessions must be made with the server's own secret key)."""

import base64
import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/12")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(url: str, media: Path, *, cache_url: str = CACHE_URL) -> dict:
    """Production settings with throwaway secrets, on the benchmark's database and its own Redis db;
    uploads and issued certificates go under `media`, never into the project's folders."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "MFA_ENCRYPTION_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
            "OPENBADGES_SIGNING_KEY": secrets.token_hex(32),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": url,
            "DATABASE_CONN_MAX_AGE": "60",
            "CACHE_URL": cache_url,
            "CELERY_BROKER_URL": cache_url,
            "MEDIA_ROOT": str(media),
            "PRIVATE_MEDIA_ROOT": str(media.parent / "private-media"),
            "KOMPETEN_BENCH_FLOOR": "1",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def manage(env: dict, *args: str) -> str:
    completed = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, capture_output=True, text=True
    )
    return completed.stdout


def start_server(env: dict, port: int, workers: int, *, extra=(), log=subprocess.PIPE) -> subprocess.Popen:
    """gunicorn with `workers` sync workers, once it answers /healthz. A long run passes a file as
    `log`: nobody reads a pipe during the run, and a full pipe would stop the server."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "portal.wsgi:application", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(  # noqa: S603
        [*command, *extra], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            fetch(f"http://127.0.0.1:{port}/healthz", "")
            return server
        except OSError:
            if server.poll() is not None:
                detail = server.stderr.read().decode() if server.stderr else "(see its log file)"
                raise SystemExit("gunicorn did not start:\n" + detail) from None
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def fetch(url: str, cookie: str):
    """One GET as wrk sends it (behind the TLS proxy, with the session cookie), redirects not followed:
    a page that sends to the login would measure the redirect."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        headers = {"X-Forwarded-Proto": "https", "Cookie": cookie} if cookie else {"X-Forwarded-Proto": "https"}
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        connection.close()
