"""Self sign-up is only for an unclaimed NIP of the register, with e-mail verification."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from portal.people.models import Employee, User

from ..factories import EmployeeFactory

SIGNUP = "/accounts/signup/"


def signup_data(nip, email="siti@pangkalpinangkota.go.id"):
    return {"nip": nip, "email": email, "password1": "Belajar-Terus-2026", "password2": "Belajar-Terus-2026"}


@pytest.fixture
def registered(unit):
    return EmployeeFactory(unit=unit, name="Siti Rahma")


@pytest.mark.django_db
def test_signup_page_asks_for_the_nip(client):
    response = client.get(SIGNUP)
    assert response.status_code == 200
    assert 'name="nip"' in response.content.decode()


@pytest.mark.django_db
def test_registered_nip_signs_up_and_must_verify_email(client, registered, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, signup_data(registered.nip))
    assert response.status_code == 302
    user = User.objects.get(username=registered.nip)
    registered.refresh_from_db()
    assert registered.user == user
    assert user.groups.filter(name="pegawai").exists()
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1

    # Until the address is verified, logging in leads to the verification page, not the dashboard.
    message = mail.outbox[0]
    assert message.to == ["siti@pangkalpinangkota.go.id"]
    assert "Konfirmasi" in message.subject or "konfirmasi" in message.body.lower()
    client.logout()
    response = client.post("/accounts/login/", {"login": registered.nip, "password": "Belajar-Terus-2026"})
    assert response.status_code == 302 and response["Location"] != "/dasbor/"
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)
    path = link.split("testserver", 1)[-1]
    client.post(path)
    assert EmailAddress.objects.get(user=user).verified
    response = client.post("/accounts/login/", {"login": registered.nip, "password": "Belajar-Terus-2026"})
    assert response["Location"] == "/dasbor/"


@pytest.mark.django_db
def test_unknown_nip_is_refused_and_nothing_is_created(client):
    response = client.post(SIGNUP, signup_data("199001012015031999"))
    assert response.status_code == 200
    assert "tidak terdaftar" in response.content.decode()
    assert not User.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_malformed_nip_is_refused_with_the_reason(client):
    response = client.post(SIGNUP, signup_data("19900101"))
    assert "NIP harus terdiri dari 18 angka" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_claimed_nip_is_refused(client, pegawai):
    nip = pegawai.employee.nip
    response = client.post(SIGNUP, signup_data(nip, email="lain@pangkalpinangkota.go.id"))
    assert response.status_code == 200
    assert "sudah memiliki akun" in response.content.decode()
    assert User.objects.filter(email="lain@pangkalpinangkota.go.id").count() == 0
    assert Employee.objects.get(nip=nip).user == pegawai


@pytest.mark.django_db
def test_inactive_employee_cannot_sign_up(client, registered):
    registered.is_active = False
    registered.save()
    response = client.post(SIGNUP, signup_data(registered.nip))
    assert "tidak terdaftar" in response.content.decode()
    assert not User.objects.exists()
