"""`seed_demo` creates the demo of DESIGN.md, idempotently, and only with DEBUG on."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

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
