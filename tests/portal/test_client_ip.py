"""The client address behind the TLS proxy: per-IP rate limits key on the client, not on the proxy,
and a client cannot choose its key by sending its own X-Forwarded-For entries."""

import pytest
from django.test import RequestFactory

from portal.security import client_ip

PROXY = "10.0.0.1"  # every request reaches gunicorn from the TLS proxy


@pytest.fixture
def behind_one_proxy(settings):
    """As production configures it (KOMPETEN_TRUSTED_PROXY_COUNT defaults to 1 there)."""
    settings.KOMPETEN_TRUSTED_PROXY_COUNT = 1
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def failed_login(client, forwarded_for: str, attempt: int) -> list[str]:
    """One wrong password through the proxy; returns the error codes of the login form."""
    response = client.post(
        "/accounts/login/",
        {"login": f"tamu{attempt}@contoh.go.id", "password": "salah-sekali"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )
    assert response.status_code in (200, 429)
    if response.status_code == 429:
        return ["429"]
    return [error.code for errors in response.context["form"].errors.as_data().values() for error in errors]


@pytest.mark.django_db
def test_one_attacker_behind_the_proxy_does_not_lock_out_everyone(client, behind_one_proxy):
    attacker, colleague = "198.51.100.7", "203.0.113.20"
    for attempt in range(10):
        assert "too_many_login_attempts" not in failed_login(client, attacker, attempt)
    assert "too_many_login_attempts" in failed_login(client, attacker, 10)

    # A colleague behind the same proxy may still log in and mistype.
    codes = failed_login(client, colleague, 11)
    assert "too_many_login_attempts" not in codes
    assert "429" not in codes


@pytest.mark.django_db
def test_forged_forwarded_entries_do_not_choose_the_rate_limit_key(client, behind_one_proxy):
    attacker = "198.51.100.7"
    # The attacker sends a fresh address of its own each time; the proxy appends the real one.
    for attempt in range(10):
        failed_login(client, f"192.0.2.{attempt}, {attacker}", attempt)
    assert "too_many_login_attempts" in failed_login(client, f"192.0.2.99, {attacker}", 10)


def test_client_ip_is_the_address_the_trusted_proxy_saw(settings):
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7")
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "198.51.100.7"
    # Without a trusted proxy (development), X-Forwarded-For is ignored.
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == PROXY
