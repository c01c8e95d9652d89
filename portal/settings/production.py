"""Production: PostgreSQL, Redis, SMTP, HTTPS. Refuses to start without its secrets."""

import re

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_list, env_required
from .storage import storages

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
MFA_ENCRYPTION_KEY = env_required("MFA_ENCRYPTION_KEY")  # a Fernet key: TOTP secrets are encrypted with it
# The Ed25519 key that signs Open Badges 3.0 credentials: its 32-byte seed in hexadecimal.
OPENBADGES_SIGNING_KEY = env_required("OPENBADGES_SIGNING_KEY")
if not re.fullmatch(r"[0-9a-fA-F]{64}", OPENBADGES_SIGNING_KEY):
    raise ImproperlyConfigured(
        "OPENBADGES_SIGNING_KEY must be 64 hexadecimal characters "
        "(python -c 'import secrets; print(secrets.token_hex(32))')."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set.")
# allauth's rate limits live in the cache: a per-process memory cache would give every gunicorn
# worker its own count (and forget it on restart), so production needs the shared Redis.
if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):  # noqa: F405
    raise ImproperlyConfigured("The environment variable CACHE_URL must point at Redis (redis://…).")
# seed_demo's accounts share a public password: never in production, whatever the environment says.
KOMPETEN_DEMO_DATA_ALLOWED = False

# --- Client address ------------------------------------------------------------------------
# The README's deployment has one TLS proxy in front of gunicorn (which listens on localhost only).
KOMPETEN_TRUSTED_PROXY_COUNT = int(env("KOMPETEN_TRUSTED_PROXY_COUNT", "1"))
ALLAUTH_TRUSTED_PROXY_COUNT = KOMPETEN_TRUSTED_PROXY_COUNT

# --- HTTPS ---------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Static files are served by the app itself, compressed and with far-future cache headers.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
STORAGES = storages(staticfiles="whitenoise.storage.CompressedManifestStaticFilesStorage")

# --- Logs ----------------------------------------------------------------------------------
# One JSON object per line in the journal (portal.logging); LOG_FORMAT=text for the plain layout.
if env("LOG_FORMAT", "json") == "json":
    LOGGING = {  # noqa: F405
        **LOGGING,  # noqa: F405
        "formatters": {"json": {"()": "portal.logging.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    }
