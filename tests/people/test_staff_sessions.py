"""Roles that see other people's data lose an idle session; and their TOTP secret is encrypted at
rest, while a login with the code still works."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.db import connection

from portal.people.middleware import LAST_SEEN_SESSION_KEY


def idle_for(client, minutes: int) -> None:
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = int(time.time()) - minutes * 60
    session.save()


@pytest.mark.django_db
def test_an_idle_staff_session_ends_with_a_reason(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    assert client.get("/admin/").status_code == 200
    idle_for(client, 29)
    assert client.get("/admin/").status_code == 200  # still within the limit, and the clock restarts

    idle_for(client, 31)
    response = client.get("/admin/pegawai/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pegawai/"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "tidak ada aktivitas selama 30 menit" in page


@pytest.mark.django_db
def test_the_idle_limit_is_a_setting(client, atasan_with_mfa, settings):
    settings.KOMPETEN_STAFF_IDLE_MINUTES = 5
    client.force_login(atasan_with_mfa)
    client.get("/tim/")
    idle_for(client, 6)
    assert client.get("/tim/")["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_an_employee_keeps_a_normal_session(client, pegawai):
    client.force_login(pegawai)
    client.get("/dasbor/")
    idle_for(client, 120)
    assert client.get("/dasbor/").status_code == 200


def stored_data(authenticator) -> str:
    """The row as the database holds it, not as the model hands it over."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        return str(cursor.fetchone()[0])


@pytest.mark.django_db
def test_the_totp_secret_is_encrypted_and_the_code_still_logs_in(client, hr, password):
    secret = generate_totp_secret()
    authenticator = TOTP.activate(hr, secret).instance
    assert secret not in stored_data(authenticator)
    assert authenticator.data["secret"].startswith("gAAAA")  # a Fernet token

    response = client.post("/accounts/login/", {"login": hr.username, "password": password})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(hr.pk)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_another_key_cannot_read_the_secret(hr, settings):
    from cryptography.fernet import Fernet, InvalidToken

    from portal.people.mfa import MFAAdapter

    TOTP.activate(hr, generate_totp_secret())
    stored = Authenticator.objects.get(user=hr).data["secret"]
    settings.MFA_ENCRYPTION_KEY = Fernet.generate_key().decode()
    with pytest.raises(InvalidToken):
        MFAAdapter().decrypt(stored)


@pytest.mark.django_db
def test_the_data_migration_encrypts_clear_secrets_once(hr, pelatih):
    from importlib import import_module

    from django.apps import apps

    from portal.people.mfa import MFAAdapter

    migration = import_module("portal.people.migrations.0004_encrypt_mfa_secrets")
    secret = generate_totp_secret()
    # As allauth stored them before this release: in clear.
    clear = Authenticator.objects.create(user=hr, type="totp", data={"secret": secret})
    Authenticator.objects.create(user=hr, type="recovery_codes", data={"seed": "ab" * 40, "used_mask": 0})
    already = TOTP.activate(pelatih, generate_totp_secret()).instance
    before = already.data["secret"]

    migration.encrypt_secrets(apps, None)
    clear.refresh_from_db()
    assert secret not in stored_data(clear)
    assert MFAAdapter().decrypt(clear.data["secret"]) == secret
    seed = Authenticator.objects.get(user=hr, type="recovery_codes").data["seed"]
    assert MFAAdapter().decrypt(seed) == "ab" * 40
    already.refresh_from_db()
    assert already.data["secret"] == before  # not encrypted twice

    migration.encrypt_secrets(apps, None)
    clear_again = Authenticator.objects.get(pk=clear.pk)
    assert MFAAdapter().decrypt(clear_again.data["secret"]) == secret
