"""One set of fixtures for the whole suite."""

import pytest
from allauth.mfa.models import Authenticator

from portal.people import roles

from .factories import PASSWORD, EmployeeFactory, UnitFactory, UserFactory


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Each process's test database is a copy of one migrated template (tests/template_db.py)."""
    from .template_db import use_template

    use_template()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as pytest-django makes it, its migrated rows saved for the transactional
    tests to start from (tests/snapshot_db.py)."""
    from django.db import connection

    from .snapshot_db import take

    with django_db_blocker.unblock():
        take(connection)


def cache_empty() -> None:
    """Empty every cache of this run (and only of this run)."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=False):
        prefix = getattr(cache, "key_prefix", "")
        if prefix and hasattr(cache, "_cache") and hasattr(cache._cache, "get_client"):
            # Redis: delete only this run's keys; FLUSHDB would empty the cache of any other run on it.
            client = cache._cache.get_client(write=True)
            keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        else:
            cache.clear()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rate limits and cached lookups do not carry over."""
    cache_empty()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language. A request leaves its language active in
    the thread (portal.people.middleware.LanguageMiddleware activates it and, like Django's
    LocaleMiddleware, does not switch back), so a test that asked a page in English would otherwise
    turn the messages of the next test in the same process English."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _temporary_media(settings, tmp_path_factory):
    """Every file a test uploads or generates (images, certificate PDFs, appraisal files) goes to
    throwaway folders, never to the project's media/ or private-media/ (a certificate names a NIP).
    The live server runs in this process and sees the same settings; the Celery worker fixture
    passes them on through the environment."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path_factory.mktemp("private-media"))


def _project_media_files() -> set[str]:
    from django.conf import settings

    found = set()
    for folder in ("media", "private-media"):
        root = settings.BASE_DIR / folder
        if root.is_dir():
            found.update(str(path) for path in root.rglob("*") if path.is_file())
    return found


def pytest_sessionstart(session):
    session.config._project_media_before = _project_media_files()


def pytest_sessionfinish(session, exitstatus):
    """A run that wrote into the project's media folders fails, naming the files."""
    before = getattr(session.config, "_project_media_before", None)
    if before is None:
        return
    written = sorted(_project_media_files() - before)
    if written:
        session.config.get_terminal_writer().line(
            "Tests wrote into the project's media folders:\n  " + "\n  ".join(written[:20]), red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _login_is_a_password_entry():
    """A test client's force_login stands for a login with the password: it is recorded in the
    session as allauth's login view records it, so an export right after it needs no password again
    (portal.audit asks once the login is older than KOMPETEN_EXPORT_REAUTH_SECONDS)."""
    from allauth.account.internal.flows.login import record_authentication
    from django.contrib.auth.signals import user_logged_in

    def record(sender, request, user, **kwargs):
        if hasattr(request, "session"):
            record_authentication(request, user, method="password")

    user_logged_in.connect(record, dispatch_uid="tests-login-is-a-password-entry")
    yield
    user_logged_in.disconnect(dispatch_uid="tests-login-is-a-password-entry")


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def unit(db):
    return UnitFactory(name="Dinas Komunikasi dan Informatika", code="diskominfo")


@pytest.fixture
def other_unit(db):
    return UnitFactory(name="Kecamatan Gabek", code="kec-gabek")


@pytest.fixture
def make_person(db, unit):
    """An employee with an account in `role`; returns the user (its employee at user.employee)."""

    def make(role=roles.PEGAWAI, *, unit=unit, supervisor=None, **user_kwargs):
        user = UserFactory(roles=[role] if role else [], **user_kwargs)
        EmployeeFactory(user=user, unit=unit, supervisor=supervisor, name=user.first_name)
        return user

    return make


@pytest.fixture
def pegawai(make_person, atasan):
    return make_person(roles.PEGAWAI, supervisor=atasan.employee)


@pytest.fixture
def atasan(make_person):
    return make_person(roles.ATASAN)


@pytest.fixture
def pelatih(make_person):
    return make_person(roles.PELATIH)


@pytest.fixture
def hr(make_person):
    return make_person(roles.HR)


@pytest.fixture
def with_totp():
    """Give a user a TOTP authenticator, as if they had completed the MFA set-up."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    def give(user):
        return TOTP.activate(user, generate_totp_secret()).instance

    return give


@pytest.fixture
def hr_with_mfa(hr, with_totp):
    with_totp(hr)
    assert Authenticator.objects.filter(user=hr, type=Authenticator.Type.TOTP).exists()
    return hr


@pytest.fixture
def atasan_with_mfa(atasan, with_totp):
    """A supervisor who has set up TOTP: only then do they see their reports' records."""
    with_totp(atasan)
    return atasan


@pytest.fixture
def pelatih_with_mfa(pelatih, with_totp):
    """A trainer who has set up TOTP: only then do they enter the admin and see their learners."""
    with_totp(pelatih)
    return pelatih


def worker_env(mail_folder, **overrides) -> dict:
    """The environment of a process (a worker, gunicorn) on the test database and broker, writing
    its e-mails to `mail_folder`."""
    import os

    from django.conf import settings
    from django.db import connection

    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_folder),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        **overrides,
    }


def worker_started(worker, queue: str) -> None:
    """Wait until the worker consuming `queue` answers a ping."""
    import time

    from portal.celery import app

    from .processes import worker_name

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if worker.popen.poll() is not None:
            pytest.fail("the Celery worker exited:\n" + worker.output())
        if app.control.ping(destination=[worker_name(queue)], timeout=1):
            return
    pytest.fail("the Celery worker did not start in 60 s:\n" + worker.output())


@pytest.fixture
def test_queue(transactional_db, django_db_serialized_rollback):
    """A queue of this test's own, which this process publishes to (not eagerly): the tasks go to
    the broker of CELERY_BROKER_URL. Skipped where there is none (the zero-set-up run); CI sets
    CELERY_BROKER_URL and a PostgreSQL DATABASE_URL, so it always runs there."""
    import os
    import uuid

    from django.db import connection

    from portal.celery import app

    if not os.environ.get("CELERY_BROKER_URL") or connection.vendor != "postgresql":
        pytest.skip("needs CELERY_BROKER_URL and PostgreSQL (as in CI)")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    # The app reads Django settings under the CELERY_ namespace, so overrides use those keys.
    saved = {
        "CELERY_TASK_ALWAYS_EAGER": app.conf.task_always_eager,
        "CELERY_TASK_DEFAULT_QUEUE": app.conf.task_default_queue,
    }
    app.conf.update(CELERY_TASK_ALWAYS_EAGER=False, CELERY_TASK_DEFAULT_QUEUE=queue)
    yield queue
    app.conf.update(saved)


@pytest.fixture
def celery_worker_process(test_queue, tmp_path):
    """A real Celery worker in its own process, on the real broker and the test database. Yields
    the folder the worker's e-mails go to."""
    from .processes import celery_worker

    outbox = tmp_path / "outbox"
    outbox.mkdir()
    worker = celery_worker(worker_env(outbox), queue=test_queue, log=tmp_path / "worker.log").start()
    try:
        worker_started(worker, test_queue)
        yield outbox
    finally:
        worker.stop()


@pytest.fixture(autouse=True)
def _portal_settings_read_afresh():
    """The portal's settings (portal.rules) are cached across requests: each test starts as a running
    portal does after its first page, with the default row's values in the cache (saving the row
    replaces them)."""
    from django.core.cache import cache

    from portal import rules

    cache.set(rules.CACHE_KEY, rules.DEFAULTS)
    yield
    cache.delete(rules.CACHE_KEY)
