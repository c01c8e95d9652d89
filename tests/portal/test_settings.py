"""Production settings: refuse to start without secrets or a shared cache, pass `check --deploy`
cleanly, and trust exactly the configured proxies for the client address."""

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "k" * 20 + "production-like-secret-key-with-enough-entropy-0123456789",
    "ALLOWED_HOSTS": "kompeten.pangkalpinangkota.go.id",
    "CACHE_URL": "redis://127.0.0.1:6379/15",
    "MFA_ENCRYPTION_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
    "OPENBADGES_SIGNING_KEY": os.urandom(32).hex(),
}


def manage(*args, env):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their own process; production must not.
    dropped = (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DEBUG",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "CACHE_URL",
        "MFA_ENCRYPTION_KEY",
        "OPENBADGES_SIGNING_KEY",
        "KOMPETEN_TRUSTED_PROXY_COUNT",
    )
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_check_deploy_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PROD_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PROD_ENV.items() if k != "ALLOWED_HOSTS"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize("key", [None, "", "zz" * 32, "ab" * 31])
def test_production_refuses_to_start_without_a_well_formed_open_badges_key(key):
    env = {k: v for k, v in PROD_ENV.items() if k != "OPENBADGES_SIGNING_KEY"}
    if key is not None:
        env["OPENBADGES_SIGNING_KEY"] = key
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "OPENBADGES_SIGNING_KEY" in result.stderr


@pytest.mark.parametrize("cache_url", [None, "", "locmem://"])
def test_production_refuses_to_start_without_a_shared_redis_cache(cache_url):
    env = {k: v for k, v in PROD_ENV.items() if k != "CACHE_URL"}
    if cache_url is not None:
        env["CACHE_URL"] = cache_url
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "CACHE_URL" in result.stderr


def production_value(code, env):
    result = manage("shell", "-c", f"import json; from django.conf import settings; print(json.dumps({code}))", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_trusts_the_one_tls_proxy_by_default_and_the_configured_number_otherwise():
    code = "[settings.KOMPETEN_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_PROXY_COUNT]"
    assert production_value(code, PROD_ENV) == [1, 1]
    assert production_value(code, {**PROD_ENV, "KOMPETEN_TRUSTED_PROXY_COUNT": "2"}) == [2, 2]


def test_every_hr_only_screen_has_the_one_door():
    """HR's own screens are guarded by portal.people.admin_access.hr_required, not by hand."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2]
    hand_checks = []
    for path in root.glob("*/**/*.py"):
        if {".venv", "tests", "node_modules"} & set(path.parts) or path.name == "admin_access.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"if not is_hr\(request\.user\):\s*\n\s*(raise PermissionDenied|return permission_denied)", text):
            hand_checks.append(str(path.relative_to(root)))
    assert hand_checks == []


def test_production_logs_one_json_object_a_line_with_the_extra_fields():
    code = "import logging; logging.getLogger('kompeten.uji').warning('halo %s', 'dunia', extra={'tugas': 7})"
    result = manage("shell", "-c", code, env=PROD_ENV)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if "kompeten.uji" in line]
    entry = json.loads(line)
    assert (entry["level"], entry["logger"], entry["message"], entry["tugas"]) == (
        "WARNING",
        "kompeten.uji",
        "halo dunia",
        7,
    )
    assert entry["time"].endswith("+00:00")
    plain = manage("shell", "-c", code, env={**PROD_ENV, "LOG_FORMAT": "text"})
    assert "halo dunia" in plain.stderr and '"level"' not in plain.stderr


def test_a_json_log_line_carries_the_exception():
    import logging

    from portal.logging import JsonFormatter

    try:
        raise OSError(28, "No space left on device")
    except OSError:
        record = logging.LogRecord("kompeten", logging.ERROR, __file__, 1, "gagal %s", ("x",), sys.exc_info())
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "gagal x" and "No space left on device" in entry["exception"]
