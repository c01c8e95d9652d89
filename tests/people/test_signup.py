"""Self sign-up claims a record of the register only with proof of identity (the e-mail address
BKPSDM holds, or an activation code HR issued), with e-mail verification; every failed claim
looks exactly like a successful one, so NIPs cannot be enumerated nor records taken over."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from portal.people.models import Employee, User

from ..factories import EmployeeFactory

SIGNUP = "/accounts/signup/"
SENT = "/accounts/confirm-email/"
PASSWORD = "Belajar-Terus-2026"  # noqa: S105


def signup_data(nip, email="siti@pangkalpinangkota.go.id", code=""):
    return {"nip": nip, "email": email, "activation_code": code, "password1": PASSWORD, "password2": PASSWORD}


@pytest.fixture
def registered(unit):
    return EmployeeFactory(unit=unit, name="Siti Rahma", email="siti@pangkalpinangkota.go.id")


def visible(client, response) -> str:
    """What the visitor sees after the sign-up: the page the redirect leads to, messages included."""
    assert response.status_code == 302 and response["Location"] == SENT
    page = client.get(SENT)
    assert page.status_code == 200
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.content.decode())


@pytest.mark.django_db
def test_signup_page_asks_for_the_nip_and_an_activation_code(client):
    response = client.get(SIGNUP)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="nip"' in page and 'name="activation_code"' in page
    assert "Kode aktivasi" in page


@pytest.mark.django_db
def test_the_registers_address_proves_the_claim_and_must_be_verified(
    client, registered, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, signup_data(registered.nip, email="Siti@PangkalpinangKota.go.id"))
    assert "Periksa e-mail Anda" in visible(client, response)
    user = User.objects.get(username=registered.nip)
    registered.refresh_from_db()
    assert registered.user == user
    assert user.groups.filter(name="pegawai").exists()
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    assert message.to == ["siti@pangkalpinangkota.go.id"]

    # Until the address is verified, logging in leads to the verification page, not the dashboard.
    response = client.post("/accounts/login/", {"login": registered.nip, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] != "/dasbor/"
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)
    client.post(link.split("testserver", 1)[-1])
    assert EmailAddress.objects.get(user=user).verified
    response = client.post("/accounts/login/", {"login": registered.nip, "password": PASSWORD})
    assert response["Location"] == "/dasbor/"


@pytest.fixture
def failed_claims(unit, pegawai, registered):
    """Each way a claim can fail, as (NIP, e-mail) a visitor might type."""
    inactive = EmployeeFactory(unit=unit, is_active=False, email="pasif@pangkalpinangkota.go.id")
    pegawai.employee.email = "pemilik@pangkalpinangkota.go.id"
    pegawai.employee.save()
    return {
        "unknown NIP": ("199001012015031999", "siti@pangkalpinangkota.go.id"),
        "claimed NIP": (pegawai.employee.nip, "pemilik@pangkalpinangkota.go.id"),
        "inactive": (inactive.nip, "pasif@pangkalpinangkota.go.id"),
        "wrong e-mail": (registered.nip, "penyerang@contoh.id"),
        "wrong code": (registered.nip, "penyerang@contoh.id", "ABCD-EFGH-JKLM"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["unknown NIP", "claimed NIP", "inactive", "wrong e-mail", "wrong code"])
def test_a_failed_claim_looks_like_a_successful_one_and_creates_nothing(client, failed_claims, unit, case):
    from django.test import Client

    nip, email, *code = failed_claims[case]
    users_before = User.objects.count()
    response = client.post(SIGNUP, signup_data(nip, email=email, code=code[0] if code else ""))
    failed_page = visible(client, response)

    # The same page a real claim gets, message and all, but for the address typed.
    other = EmployeeFactory(unit=unit, email="benar@pangkalpinangkota.go.id")
    real = Client()
    real_page = visible(real, real.post(SIGNUP, signup_data(other.nip, email="benar@pangkalpinangkota.go.id")))
    assert failed_page == real_page.replace("benar@pangkalpinangkota.go.id", email)

    assert User.objects.count() == users_before + 1  # only the real one
    assert not User.objects.filter(email=email).exclude(employee=other).exists()


@pytest.mark.django_db
def test_a_wrong_email_warns_only_the_registers_address(client, registered, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP, signup_data(registered.nip, email="penyerang@contoh.id"))
    [notice] = mail.outbox
    assert notice.to == ["siti@pangkalpinangkota.go.id"]
    assert "Percobaan pendaftaran" in notice.subject
    assert "penyerang@contoh.id" in notice.body
    registered.refresh_from_db()
    assert registered.user is None


@pytest.mark.django_db
def test_an_employee_without_a_registered_address_cannot_claim_by_email_alone(client, unit):
    employee = EmployeeFactory(unit=unit, email="")
    response = client.post(SIGNUP, signup_data(employee.nip, email="siapa.saja@contoh.id"))
    assert response["Location"] == SENT
    employee.refresh_from_db()
    assert employee.user is None
    assert not User.objects.filter(username=employee.nip).exists()


@pytest.mark.django_db
def test_claims_are_rate_limited_per_nip(client, registered):
    from django.test import Client

    for attempt in range(5):
        response = Client(REMOTE_ADDR=f"10.0.0.{attempt + 1}").post(
            SIGNUP, signup_data(registered.nip, email=f"tebak{attempt}@contoh.id")
        )
        assert response.status_code == 302
    # Even the right address is refused now, from yet another address: the NIP is locked for a while.
    response = Client(REMOTE_ADDR="10.0.0.99").post(SIGNUP, signup_data(registered.nip))
    assert response.status_code == 429
    assert "Terlalu banyak" in response.content.decode()
    registered.refresh_from_db()
    assert registered.user is None


@pytest.mark.django_db
def test_claims_are_rate_limited_per_ip(client, unit, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "claim": "3/h/ip,5/h/key"}
    employees = EmployeeFactory.create_batch(4, unit=unit, email="")
    statuses = [client.post(SIGNUP, signup_data(e.nip, email=f"{e.pk}@contoh.id")).status_code for e in employees]
    assert statuses == [302, 302, 302, 429]


@pytest.mark.django_db
def test_malformed_nip_is_refused_with_the_reason(client):
    response = client.post(SIGNUP, signup_data("19900101"))
    assert response.status_code == 200
    assert response.context["form"].has_error("nip", code="nip_length")
    assert "NIP harus terdiri dari 18 angka" in response.content.decode()  # the reason, shown in Indonesian
    assert not User.objects.exists()


@pytest.mark.django_db
def test_an_address_that_has_an_account_gets_allauths_notice_and_no_claim(client, registered, pegawai):
    response = client.post(SIGNUP, signup_data(registered.nip, email=pegawai.email))
    assert response["Location"] == SENT
    registered.refresh_from_db()
    assert registered.user is None
    assert Employee.objects.get(user=pegawai) == pegawai.employee
