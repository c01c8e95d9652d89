"""Development: the zero-set-up run of `make run` (SQLite, eager Celery, console e-mail)."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-kompeten-pangkalpinang")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
KOMPETEN_DEMO_DATA_ALLOWED = True  # seed_demo may run here (never in production)
