"""An export of personal data asks for the password again unless it was entered a few minutes ago."""

import pytest
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from django.urls import reverse

from portal.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def age_the_login(client, seconds):
    """Move every authentication of the session `seconds` into the past."""
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {**record, "at": record["at"] - seconds} for record in session[AUTHENTICATION_METHODS_SESSION_KEY]
    ]
    session.save()


def test_an_export_long_after_the_login_asks_for_the_password_then_delivers(client, hr_with_mfa, password):
    client.force_login(hr_with_mfa)
    age_the_login(client, 3600)
    url = reverse("appraisal_jp") + "?format=csv"
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert "next=" in response.url
    assert not AuditEntry.objects.exists()

    back = client.post(response.url, {"password": password})
    assert back.status_code == 302 and back.url == url
    export = client.get(back.url)
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    assert AuditEntry.objects.get().action == AuditAction.EXPORT


def test_the_page_itself_does_not_ask(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    age_the_login(client, 3600)
    assert client.get(reverse("appraisal_jp")).status_code == 200


def test_an_export_right_after_logging_in_needs_no_password_again(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    assert client.get(reverse("kesenjangan-kompetensi:index"), {"export": "csv"}).status_code == 200


def test_a_file_download_rule_asks_too(client, hr_with_mfa, settings):
    settings.KOMPETEN_EXPORT_REAUTH_SECONDS = 60
    client.force_login(hr_with_mfa)
    age_the_login(client, 61)
    response = client.get(reverse("appraisal_import_errors", args=[12345]))
    assert response.status_code == 302 and response.url.startswith(reverse("account_reauthenticate"))


def test_a_session_without_any_recorded_login_asks(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    session = client.session
    del session[AUTHENTICATION_METHODS_SESSION_KEY]
    session.save()
    response = client.get(reverse("appraisal_jp"), {"format": "xlsx"})
    assert response.status_code == 302 and response.url.startswith(reverse("account_reauthenticate"))
