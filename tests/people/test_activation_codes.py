"""HR issues a one-time activation code beside "Buat akun"; the employee claims their record with
it at sign-up. Only a hash is stored; a code expires, works once, and a new one replaces the old."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from portal.people.models import ActivationCode, User
from portal.people.services import activation_code_issue

from ..factories import EmployeeFactory

SIGNUP = "/accounts/signup/"
PASSWORD = "Belajar-Terus-2026"  # noqa: S105


@pytest.fixture
def newcomer(unit):
    return EmployeeFactory(unit=unit, name="Dedi Kurniawan", email="")


def url(employee):
    return f"/admin/pegawai/{employee.pk}/kode-aktivasi/"


def sign_up(client, employee, code, email="dedi.pribadi@contoh.id"):
    data = {"nip": employee.nip, "email": email, "activation_code": code, "password1": PASSWORD, "password2": PASSWORD}
    return client.post(SIGNUP, data)


@pytest.mark.django_db
def test_hr_issues_a_code_shown_once_and_stored_only_as_a_hash(client, hr_with_mfa, newcomer):
    client.force_login(hr_with_mfa)
    listing = client.get("/admin/pegawai/").content.decode()
    assert url(newcomer) in listing and "Kode aktivasi" in listing

    assert "Buat kode aktivasi" in client.get(url(newcomer)).content.decode()
    response = client.post(url(newcomer))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    code = re.search(r'data-testid="activation-code">([A-Z0-9-]+)<', response.content.decode()).group(1)
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)

    stored = ActivationCode.objects.get(employee=newcomer)
    assert code not in stored.code_hash and code.replace("-", "") not in stored.code_hash
    assert stored.created_by == hr_with_mfa
    assert stored.expires_at - timezone.now() > datetime.timedelta(days=13)
    # The page does not show it again.
    assert code not in client.get(url(newcomer)).content.decode()


@pytest.mark.django_db
def test_only_hr_with_a_second_factor_may_issue_codes(client, hr, atasan, newcomer):
    for user in (hr, atasan):
        client.force_login(user)
        response = client.post(url(newcomer))
        assert response.status_code == 302  # to the MFA set-up, or Wagtail's "no permission"
    assert not ActivationCode.objects.exists()


@pytest.mark.django_db
def test_the_code_claims_the_record_and_verification_goes_to_the_address_typed(
    client, newcomer, hr, django_capture_on_commit_callbacks
):
    code = activation_code_issue(employee=newcomer, by=hr)
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, newcomer, code.lower().replace("-", " "))
    assert response["Location"] == "/accounts/confirm-email/"
    newcomer.refresh_from_db()
    assert newcomer.user.username == newcomer.nip
    [message] = mail.outbox
    assert message.to == ["dedi.pribadi@contoh.id"]
    assert ActivationCode.objects.get(employee=newcomer).used_at is not None


@pytest.mark.django_db
def test_a_used_code_does_not_work_again(client, newcomer, hr):
    from portal.people.services import employee_account_unlink

    code = activation_code_issue(employee=newcomer, by=hr)
    sign_up(client, newcomer, code)
    newcomer.refresh_from_db()
    employee_account_unlink(employee=newcomer, by=hr)
    sign_up(client, newcomer, code, email="lagi@contoh.id")
    newcomer.refresh_from_db()
    assert newcomer.user is None


@pytest.mark.django_db
def test_an_expired_or_replaced_code_does_not_work(client, newcomer, hr):
    old = activation_code_issue(employee=newcomer, by=hr)
    new = activation_code_issue(employee=newcomer, by=hr)
    assert ActivationCode.objects.filter(employee=newcomer).count() == 1
    assert sign_up(client, newcomer, old)["Location"] == "/accounts/confirm-email/"
    newcomer.refresh_from_db()
    assert newcomer.user is None

    ActivationCode.objects.update(created_at=timezone.now() - datetime.timedelta(days=20))
    ActivationCode.objects.update(expires_at=timezone.now() - datetime.timedelta(days=1))
    sign_up(client, newcomer, new)
    newcomer.refresh_from_db()
    assert newcomer.user is None
    assert not User.objects.filter(username=newcomer.nip).exists()


@pytest.mark.django_db
def test_a_code_of_the_wrong_form_says_so(client, newcomer):
    response = sign_up(client, newcomer, "12345")
    assert response.status_code == 200
    assert response.context["form"].has_error("activation_code", code="code_format")
