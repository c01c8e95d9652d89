"""Tests: the real database and broker when DATABASE_URL / CELERY_BROKER_URL are set (CI)."""

from .base import *  # noqa: F403
from .base import env, env_bool

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
KOMPETEN_DEMO_DATA_ALLOWED = True  # seed_demo may run here (never in production)
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# Services enqueue tasks; unit tests run them inline. Tests of the worker itself start a real
# one against CELERY_BROKER_URL.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", True)

# A shared Redis cache (CI) outlives a run: allauth's rate limits from an earlier run must not
# leak into this one, so each test run has its own key prefix (and each test starts empty). The
# processes a test starts (a worker, gunicorn) inherit the run's prefix through the environment.
if CACHE_URL:  # noqa: F405
    import os
    import uuid

    _prefix = os.environ.setdefault("KOMPETEN_TEST_CACHE_PREFIX", f"test-{uuid.uuid4().hex[:12]}")
    # Each of the parallel test processes (pytest -n) has its own keys too; their processes inherit it.
    _prefix += os.environ.get("PYTEST_XDIST_WORKER", "")
    for _alias in CACHES.values():  # noqa: F405
        _alias["KEY_PREFIX"] = f"{_prefix}-{_alias.get('KEY_PREFIX', '')}"
