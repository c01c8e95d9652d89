"""`seed_demo` creates the demo of DESIGN.md, idempotently, and only where an accident is impossible:
dev/test settings, DEBUG on, and a database that is empty of people or was filled by seed_demo."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from portal.models import DemoDatabase
from portal.pages.models import HomePage
from portal.people.models import Employee, Position, Unit, User
from portal.people.nip import validate_nip


def counts():
    return (
        User.objects.count(),
        Employee.objects.count(),
        Unit.objects.count(),
        Position.objects.count(),
        Group.objects.count(),
        HomePage.objects.get().get_latest_revision().pk,
    )


@pytest.mark.django_db
def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_seed_demo_refuses_when_the_settings_do_not_allow_demo_data(settings):
    settings.DEBUG = True
    settings.KOMPETEN_DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="tidak mengizinkan data demo"):
        call_command("seed_demo")
    assert not User.objects.exists()
    assert not DemoDatabase.objects.exists()


@pytest.mark.django_db
def test_seed_demo_refuses_a_database_with_real_people(settings, pegawai):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="tidak dibuat oleh seed_demo"):
        call_command("seed_demo")
    assert not User.objects.filter(username__in=["admin", "hr", "pelatih", "atasan"]).exists()
    assert not DemoDatabase.objects.exists()


@pytest.mark.django_db
def test_seed_demo_runs_again_on_the_database_it_filled_even_with_people_added(settings, make_person):
    settings.DEBUG = True
    call_command("seed_demo")
    assert DemoDatabase.objects.exists()
    make_person()  # someone tried the sign-up on the demo
    call_command("seed_demo")
    assert User.objects.filter(username="pegawai").count() == 1


ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_never_allow_demo_data_whatever_the_environment():
    """Production refuses before touching the database, even with DEBUG and the flag in its environment."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "kompeten.example",
        "CACHE_URL": "redis://127.0.0.1:6379/15",
        "MFA_ENCRYPTION_KEY": "mK0l3Zb6c1bVq4x2J8wZ0t4qL5y9R2dN7fG3hJ6kP1s=",
        "OPENBADGES_SIGNING_KEY": "5e" * 32,
        "DEBUG": "1",
        "KOMPETEN_DEMO_DATA_ALLOWED": "1",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "portal.settings.production" in result.stderr
    assert "tidak mengizinkan data demo" in result.stderr


@pytest.mark.django_db
def test_seed_demo_creates_the_demo_and_is_idempotent(settings, client):
    settings.DEBUG = True
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first

    assert set(User.objects.values_list("username", flat=True)) >= {"admin", "hr", "pelatih", "atasan", "pegawai"}
    assert Employee.objects.count() >= 40
    assert Position.objects.count() >= 12
    assert Unit.objects.filter(name__startswith="Kecamatan").count() == 7
    for unit in ("BKPSDM", "Diskominfo", "Disdukcapil", "Dinas Kesehatan", "DPMPTSP"):
        assert Unit.objects.filter(name__contains=unit).exists()
    for nip in Employee.objects.values_list("nip", flat=True):
        validate_nip(nip)

    pegawai = User.objects.get(username="pegawai")
    assert pegawai.employee.supervisor.user.username == "atasan"
    assert User.objects.get(username="admin").is_superuser
    for username in ("hr", "pelatih", "atasan", "pegawai"):
        assert User.objects.get(username=username).groups.filter(name=username).exists()

    response = client.post("/accounts/login/", {"login": "pegawai", "password": "pangkalpinang"})
    assert response["Location"] == "/dasbor/"
