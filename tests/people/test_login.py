"""Login with NIP, username or e-mail; errors in Indonesian; rate limits."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS

LOGIN = "/accounts/login/"


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["username", "email", "nip", "nip_spaced"])
def test_employee_logs_in_by_nip_username_or_email(client, pegawai, password, how):
    nip = pegawai.employee.nip
    login = {
        "username": pegawai.username,
        "email": pegawai.email,
        "nip": nip,
        "nip_spaced": f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}",
    }[how]
    response = client.post(LOGIN, {"login": login, "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/dasbor/"
    assert client.get("/dasbor/").status_code == 200


@pytest.mark.django_db
def test_wrong_password_shows_an_indonesian_error(client, pegawai):
    response = client.post(LOGIN, {"login": pegawai.employee.nip, "password": "salah"})
    assert response.status_code == 200
    codes = [error.code for error in response.context["form"].non_field_errors().as_data()]
    assert len(codes) == 1 and codes[0].endswith("_password_mismatch")
    assert "tidak benar" in response.content.decode()  # the reason, shown in Indonesian
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_page_is_indonesian_and_labelled(client):
    html = client.get(LOGIN).content.decode()
    assert "Masuk ke Kompeten" in html
    assert '<label for="id_login"' in html and '<label for="id_password"' in html


@pytest.mark.django_db
def test_repeated_failures_are_rate_limited(client, pegawai, password):
    for _ in range(5):
        client.post(LOGIN, {"login": pegawai.username, "password": "salah"})
    # Even the right password is refused now, until the window passes.
    response = client.post(LOGIN, {"login": pegawai.username, "password": password})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert response.status_code == 429 or response.context["form"].has_error(
        NON_FIELD_ERRORS, code="too_many_login_attempts"
    )


@pytest.mark.django_db
def test_dashboard_requires_login(client):
    response = client.get("/dasbor/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
