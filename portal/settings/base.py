"""Settings shared by every environment; each value is read from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .environment import env, env_bool, env_list, env_required  # noqa: F401 (the other settings import them here)
from .storage import storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent


# --- Core ----------------------------------------------------------------------------------
SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
THIRD_PARTY_APPS = [
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_celery_beat",
    "rest_framework",
    "csp",
]
LOCAL_APPS = [
    "portal",
    "portal.people",
    "portal.pages",
    "portal.notifications",
    "portal.audit",
    "portal.change",
    "competency",
    "courses",
    "courses.development",
    "courses.xapi",
    "courses.scorm",
    "appraisal_link",
    "appraisal_link.feedback",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.headers.PermissionsPolicyMiddleware",
    "portal.security.csp.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.reads_ahead.KeptReadsMiddleware",
    "portal.people.middleware.LanguageMiddleware",
    "portal.page_cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "portal.people.middleware.KeptAuthenticationMiddleware",
    "portal.security.caching.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.people.middleware.StaffIdleSessionMiddleware",
    "portal.people.middleware.AdminAccessMiddleware",
    "portal.audit.middleware.AuditMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.notifications.context_processors.notification_bell",
                "portal.people.context_processors.role_links",
                "portal.rules.context",
            ],
        },
    },
]

# --- Database ------------------------------------------------------------------------------
# SQLite for the zero-set-up run; PostgreSQL (DATABASE_URL) in production and CI.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's, with a health check that needs no round trip (portal/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "portal.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

# --- Cache ---------------------------------------------------------------------------------
# allauth keeps its rate limits in the cache, so production needs a shared one (Redis).
CACHE_URL = env("CACHE_URL", "")
if CACHE_URL:
    # Tolerant of Redis being down (portal.cache); a dead host is given up on within a second.
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
        # Sessions are read from here first and kept in PostgreSQL (the record): no session query
        # on most requests. A session saved or ended while Redis was down (its copy could not be
        # written) has its copy dropped once Redis answers (portal.cache.SessionCopiesCache); ten
        # minutes bound a copy whose process ended before that.
        "sessions": {
            "BACKEND": "portal.cache.SessionCopiesCache",
            "LOCATION": CACHE_URL,
            "TIMEOUT": 600,
            "KEY_PREFIX": "session",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
else:  # the zero-set-up run: one process
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "sessions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 600},
    }
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"

# --- Accounts ------------------------------------------------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
    "portal.people.backends.NIPBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

ACCOUNT_ADAPTER = "portal.people.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "portal.people.account_forms.LoginForm",
    "signup": "portal.people.account_forms.SignupForm",
}
ACCOUNT_USER_DISPLAY = "portal.people.adapters.user_display"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kompeten] "
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    # Claiming a record at sign-up (key: the NIP), whatever the outcome.
    "claim": "30/h/ip,5/h/key",
    # The public satisfaction survey (key: the device's cookie). Generous per address: citizens share
    # carrier NAT and office Wi-Fi.
    "skm": "120/h/ip,10/h/key",
    # The public check of an Open Badges credential (each costs a canonicalisation).
    "openbadge_check": "30/m/ip",
}
# The organiser named for the portal's own courses in the training history exported for SIASN.
KOMPETEN_TRAINING_ORGANISER = env("TRAINING_ORGANISER", "BKPSDM Kota Pangkalpinang")
# Open Badges 3.0 (courses.openbadges): the Ed25519 seed, hex; production requires it, dev/test derive one.
OPENBADGES_SIGNING_KEY = env("OPENBADGES_SIGNING_KEY", "")
# The Learning Record Store that receives xAPI statements (courses.xapi); none when the endpoint is empty.
XAPI_LRS_ENDPOINT = env("XAPI_LRS_ENDPOINT", "").rstrip("/")
XAPI_LRS_USERNAME = env("XAPI_LRS_USERNAME", "")
XAPI_LRS_PASSWORD = env("XAPI_LRS_PASSWORD", "")
XAPI_TIMEOUT_SECONDS = float(env("XAPI_TIMEOUT_SECONDS", "10"))
# The first wait before trying an LRS that could not take a statement again (doubled each time, at most an hour).
XAPI_RETRY_SECONDS = int(env("XAPI_RETRY_SECONDS", "30"))
# A one-time activation code HR issues for a sign-up without the register's e-mail address.
KOMPETEN_ACTIVATION_CODE_DAYS = int(env("ACTIVATION_CODE_DAYS", "14"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kompeten Pangkalpinang"
# TOTP secrets are encrypted with this Fernet key (portal.people.mfa); only dev/test may derive one.
MFA_ADAPTER = "portal.people.mfa.MFAAdapter"
MFA_ENCRYPTION_KEY = env("MFA_ENCRYPTION_KEY", "")
# A session of a role that requires MFA ends after this many minutes without a request.
KOMPETEN_STAFF_IDLE_MINUTES = int(env("STAFF_IDLE_MINUTES", "30"))
# Roles that see other people's personal data: TOTP first (superusers too, always).
KOMPETEN_MFA_REQUIRED_ROLES = ["pelatih", "atasan", "hr", "komunikasi"]

# --- Client address and security headers: portal/settings/security.py ---------------------
from .security import *  # noqa: E402, F403

# seed_demo (accounts with a public password) may run only where this is True: dev and test.
KOMPETEN_DEMO_DATA_ALLOWED = False
# The HTTP benchmark's floor (bench/http.py): a login-required page of a few bytes, routed only on the
# benchmark's own server.
KOMPETEN_BENCH_FLOOR = env_bool("KOMPETEN_BENCH_FLOOR", False)
# Private files leave through the web server (nginx X-Accel-Redirect to this internal location,
# deploy/nginx/kompeten.conf) once a view has checked who asks; empty: Python sends them itself.
KOMPETEN_X_ACCEL_PREFIX = env("KOMPETEN_X_ACCEL_PREFIX", "")

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
# locale/: the portal's own catalogue (makemessages writes the first path). locale_overrides/: Wagtail
# admin strings that Wagtail's Indonesian catalogue leaves in English, kept by hand.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- Static and media ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Certificate PDFs and uploaded appraisal files: outside MEDIA_ROOT, never served by a web server,
# only through views that check permission (portal.storage).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
# Both folders, or an S3-compatible bucket when KOMPETEN_S3_BUCKET is set (portal.settings.storage).
STORAGES = storages(staticfiles="django.contrib.staticfiles.storage.StaticFilesStorage")
# An upload larger than this is refused before it reaches a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail --------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Kompeten <kompeten@pangkalpinangkota.go.id>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
# No notification e-mail between these hours (WIB): it is queued until the end hour.

# --- Celery --------------------------------------------------------------------------------
# Without a broker (the zero-set-up run) tasks run in-process, eagerly.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "") or "memory://localhost/"
BROKER_CONFIGURED = not CELERY_BROKER_URL.startswith("memory://")
CELERY_RESULT_BACKEND = env(
    "CELERY_RESULT_BACKEND", CELERY_BROKER_URL if CELERY_BROKER_URL.startswith("redis") else None
)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not BROKER_CONFIGURED)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# The queue tasks are published to (and the worker consumes): one broker may serve two installations.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
# Longer than any task or countdown, so a slow task is not delivered twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 12 * 60 * 60}
CELERY_RESULT_EXPIRES = 24 * 60 * 60
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_ENABLE_UTC = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# --- Retention -----------------------------------------------------------------------------
# Days each kind of personal data is kept (UU 27/2022); `manage.py retention` runs daily at 02.00 WIB.
KOMPETEN_RETENTION_DAYS = {
    "import_files": int(env("RETENTION_IMPORT_FILES_DAYS", "90")),
    "import_errors": int(env("RETENTION_IMPORT_ERRORS_DAYS", "90")),
    "notifications": int(env("RETENTION_NOTIFICATIONS_DAYS", "365")),
    "survey_concerns": int(env("RETENTION_SURVEY_CONCERNS_DAYS", "365")),
    "audit": int(env("RETENTION_AUDIT_DAYS", str(5 * 365))),
}

# --- Appraisal API -------------------------------------------------------------------------
# Requests per token (DRF throttle, counted in the cache), and the default life of a new token.
KOMPETEN_API_RATE = env("API_RATE", "60/min")
KOMPETEN_API_TOKEN_DAYS = int(env("API_TOKEN_DAYS", "90"))

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kompeten"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The admin has no login of its own: allauth's login applies MFA and rate limits.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_I18N_ENABLED = False
# No avatars from a third party: the portal works offline and staff e-mail hashes stay here.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Refuses decompression bombs: an image of more pixels than this is rejected on upload.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv", "zip"]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "portal.search_backend",  # Wagtail's database backend, repaired for SQLite
        **({"SEARCH_CONFIG": "indonesian"} if IS_POSTGRES else {}),
    }
}

# --- Logging -------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Wagtail's search and reference-index tasks log every run at INFO.
    "loggers": {"django_tasks": {"level": "WARNING"}, "modelsearch": {"level": "WARNING"}},
}
