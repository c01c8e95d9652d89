"""Ending access at once: deactivating an employee (also from the admin form), reactivating, and
HR unlinking an account that was claimed by the wrong person."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.test import Client

from portal.people.models import Employee
from portal.people.services import employee_deactivate, employee_reactivate

from ..factories import EmployeeFactory


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def sessions_of(user) -> int:
    return sum(1 for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk))


@pytest.mark.django_db
def test_a_deactivated_supervisor_loses_the_team_view_at_once(atasan_with_mfa, pegawai, hr):
    browser, phone = logged_in(atasan_with_mfa), logged_in(atasan_with_mfa)
    assert browser.get("/tim/").status_code == 200
    bystander = logged_in(pegawai)

    employee_deactivate(employee=atasan_with_mfa.employee, by=hr)

    for client in (browser, phone):
        response = client.get("/tim/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert sessions_of(atasan_with_mfa) == 0
    atasan_with_mfa.refresh_from_db()
    assert not atasan_with_mfa.is_active
    # Other people's sessions are untouched.
    assert bystander.get("/dasbor/").status_code == 200


@pytest.mark.django_db
def test_a_deactivated_employee_cannot_log_in_and_reactivation_lets_them_back(client, pegawai, hr, password):
    employee_deactivate(employee=pegawai.employee, by=hr)
    client.post("/accounts/login/", {"login": pegawai.employee.nip, "password": password})
    assert "_auth_user_id" not in client.session

    employee_reactivate(employee=pegawai.employee, by=hr)
    pegawai.refresh_from_db()
    assert pegawai.is_active and Employee.objects.get(pk=pegawai.employee.pk).is_active
    response = client.post("/accounts/login/", {"login": pegawai.employee.nip, "password": password})
    assert response["Location"] == "/dasbor/"


@pytest.mark.django_db
def test_switching_aktif_off_in_the_admin_form_ends_the_sessions(client, hr_with_mfa, pegawai):
    employee = pegawai.employee
    session = logged_in(pegawai)
    client.force_login(hr_with_mfa)
    data = {
        "nip": employee.nip,
        "name": employee.name,
        "email": "",
        "grade": "",
        "unit": employee.unit_id,
        "position": employee.position_id,
        "supervisor": employee.supervisor_id or "",
    }  # "is_active" left out: the checkbox is off
    response = client.post(f"/admin/pegawai/edit/{employee.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    pegawai.refresh_from_db()
    assert not pegawai.is_active
    assert session.get("/dasbor/")["Location"].startswith("/accounts/login/")

    response = client.post(f"/admin/pegawai/edit/{employee.pk}/", {**data, "is_active": "on"})
    assert response.status_code == 302
    pegawai.refresh_from_db()
    assert pegawai.is_active


@pytest.mark.django_db
def test_the_admin_form_keeps_the_registers_address_in_lower_case(client, hr_with_mfa, unit):
    employee = EmployeeFactory(unit=unit)
    client.force_login(hr_with_mfa)
    data = {
        "nip": employee.nip,
        "name": employee.name,
        "email": "Dedi@PangkalpinangKota.go.id",
        "grade": "",
        "unit": employee.unit_id,
        "position": employee.position_id,
        "supervisor": "",
        "is_active": "on",
    }
    assert client.post(f"/admin/pegawai/edit/{employee.pk}/", data).status_code == 302
    employee.refresh_from_db()
    assert employee.email == "dedi@pangkalpinangkota.go.id"


def unlink_url(employee):
    return f"/admin/pegawai/{employee.pk}/lepas-akun/"


@pytest.mark.django_db
def test_hr_unlinks_a_wrongly_claimed_account_and_the_owner_can_claim_again(client, hr_with_mfa, unit):
    from ..factories import UserFactory

    employee = EmployeeFactory(unit=unit, email="pemilik@pangkalpinangkota.go.id")
    intruder = UserFactory(username=employee.nip, email="penyusup@contoh.id", roles=["pegawai"])
    employee.user = intruder
    employee.save()
    intruder_session = logged_in(intruder)

    client.force_login(hr_with_mfa)
    listing = client.get("/admin/pegawai/").content.decode()
    assert unlink_url(employee) in listing
    page = client.get(unlink_url(employee))
    assert page.status_code == 200 and "penyusup@contoh.id" in page.content.decode()
    response = client.post(unlink_url(employee))
    assert response.status_code == 302

    employee.refresh_from_db()
    intruder.refresh_from_db()
    assert employee.user is None
    assert not intruder.is_active and not intruder.groups.exists()
    assert not EmailAddress.objects.filter(user=intruder).exists()
    assert intruder_session.get("/dasbor/")["Location"].startswith("/accounts/login/")

    # The NIP is free: its owner claims it with the register's address.
    owner = Client()
    owner.post(
        "/accounts/signup/",
        {
            "nip": employee.nip,
            "email": "pemilik@pangkalpinangkota.go.id",
            "password1": "Belajar-Terus-2026",
            "password2": "Belajar-Terus-2026",
        },
    )
    employee.refresh_from_db()
    assert employee.user is not None and employee.user != intruder


@pytest.mark.django_db
def test_unlinking_is_for_hr_only(client, pegawai, atasan_with_mfa, pelatih, with_totp):
    with_totp(pelatih)
    client.force_login(atasan_with_mfa)
    assert client.post(unlink_url(pegawai.employee)).status_code == 403  # no admin at all
    client.force_login(pelatih)
    response = client.post(unlink_url(pegawai.employee))  # the admin, but not this page
    assert response.status_code == 403
    pegawai.employee.refresh_from_db()
    assert pegawai.employee.user == pegawai


@pytest.mark.django_db
def test_unlinking_an_employee_without_account_is_refused(client, hr_with_mfa, unit):
    employee = EmployeeFactory(unit=unit)
    client.force_login(hr_with_mfa)
    response = client.post(unlink_url(employee))
    assert response.status_code == 400
    assert "tidak memiliki akun" in response.content.decode()
