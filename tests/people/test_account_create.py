"""HR opens an account for an employee from the admin; a welcome e-mail follows after commit."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from portal.people.models import User

from ..factories import EmployeeFactory


@pytest.fixture
def newcomer(unit):
    return EmployeeFactory(unit=unit, name="Dedi Kurniawan")


def url(employee):
    return f"/admin/pegawai/{employee.pk}/buat-akun/"


@pytest.mark.django_db
def test_hr_creates_an_account_and_the_employee_gets_a_link(
    client, hr_with_mfa, newcomer, django_capture_on_commit_callbacks
):
    client.force_login(hr_with_mfa)
    assert client.get(url(newcomer)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(newcomer), {"email": "Dedi@PangkalpinangKota.go.id"})
    assert response.status_code == 302
    newcomer.refresh_from_db()
    user = newcomer.user
    assert user.username == newcomer.nip
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    assert user.groups.filter(name="pegawai").exists()
    [message] = mail.outbox
    assert message.to == ["dedi@pangkalpinangkota.go.id"]
    assert "/accounts/password/reset/key/" in message.body
    assert newcomer.nip in message.body


@pytest.mark.django_db
def test_an_email_in_use_is_refused_and_nothing_is_created(client, hr_with_mfa, newcomer, pegawai):
    client.force_login(hr_with_mfa)
    response = client.post(url(newcomer), {"email": pegawai.email})
    assert response.status_code == 400
    assert response.context["form"].has_error("email", code="email_taken")
    newcomer.refresh_from_db()
    assert newcomer.user is None
    assert not User.objects.filter(username=newcomer.nip).exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_a_forged_email_is_a_form_error(client, hr_with_mfa, newcomer):
    client.force_login(hr_with_mfa)
    response = client.post(url(newcomer), {"email": "bukan-email"})
    assert response.status_code == 400
    newcomer.refresh_from_db()
    assert newcomer.user is None


@pytest.mark.django_db
def test_claimed_employee_is_not_given_a_second_account(client, hr_with_mfa, pegawai):
    client.force_login(hr_with_mfa)
    response = client.post(url(pegawai.employee), {"email": "kedua@pangkalpinangkota.go.id"})
    assert response.status_code == 302
    assert not User.objects.filter(email="kedua@pangkalpinangkota.go.id").exists()


@pytest.mark.django_db
def test_only_hr_may_create_accounts(client, pelatih_with_mfa, newcomer):
    client.force_login(pelatih_with_mfa)
    response = client.post(url(newcomer), {"email": "x@pangkalpinangkota.go.id"})
    # HR's screens answer anyone else with a plain 403 (portal.people.admin_access).
    assert response.status_code == 403
    newcomer.refresh_from_db()
    assert newcomer.user is None


@pytest.mark.django_db
def test_unknown_employee_is_404(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    assert client.get("/admin/pegawai/999999/buat-akun/").status_code == 404
