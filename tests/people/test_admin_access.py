"""The admins send people through allauth; staff roles need MFA; each role sees its part."""

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

from portal.people.models import Employee


def login(client, user, password):
    return client.post("/accounts/login/", {"login": user.username, "password": password})


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_admin_logins_redirect_to_allauth(client, path):
    response = client.get(path + "?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "next=/admin/pages/" in response["Location"]


@pytest.mark.django_db
def test_admin_login_cannot_be_posted_to_directly(client, hr, password):
    response = client.post("/admin/login/", {"username": hr.username, "password": password})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (302, 405)


@pytest.mark.django_db
def test_anonymous_admin_visit_goes_to_allauth_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


REAUTHENTICATE = "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"


@pytest.mark.django_db
def test_hr_is_sent_to_mfa_setup_after_login_and_at_the_admin(client, hr, password):
    response = login(client, hr, password)
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    # Before the first authenticator is set up, the password is asked for again (a session left
    # open must not be enough to tie someone else's authenticator to the account).
    response = client.get(response["Location"])
    assert response["Location"] == REAUTHENTICATE
    page = client.get(REAUTHENTICATE)
    assert page.status_code == 200
    assert "wajib memakai autentikasi dua faktor" in page.content.decode()


@pytest.mark.django_db
def test_a_wrong_password_does_not_open_the_mfa_setup(client, hr, password):
    login(client, hr, password)
    response = client.post(REAUTHENTICATE, {"password": "salah-sama-sekali"})
    assert response.status_code == 200
    assert client.get("/accounts/2fa/totp/activate/")["Location"] == REAUTHENTICATE


@pytest.mark.django_db
def test_hr_sets_up_totp_then_reaches_the_admin(client, hr, password):
    login(client, hr, password)
    assert client.get("/accounts/2fa/totp/activate/")["Location"] == REAUTHENTICATE
    response = client.post(REAUTHENTICATE, {"password": password})
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    secret = client.session["mfa.totp.secret"]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pegawai/").status_code == 200


@pytest.mark.django_db
def test_hr_with_mfa_is_asked_for_the_code_at_login(client, hr_with_mfa, password):
    response = login(client, hr_with_mfa, password)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_superuser_without_mfa_cannot_use_the_django_admin(client, password):
    from ..factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/django-admin/")["Location"] == "/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_trainer_reaches_the_admin_but_not_the_organisation(client, pelatih_with_mfa):
    client.force_login(pelatih_with_mfa)
    assert client.get("/admin/").status_code == 200
    response = client.get("/admin/pegawai/")
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "no permission"
    assert client.get("/django-admin/").status_code == 403


@pytest.mark.django_db
def test_employee_has_no_admin(client, pegawai):
    client.force_login(pegawai)
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode()
    assert client.get("/admin/pegawai/").status_code == 403
    assert client.get("/django-admin/").status_code == 403


@pytest.mark.django_db
def test_hr_manages_employees_in_the_admin(client, hr_with_mfa, pegawai):
    client.force_login(hr_with_mfa)
    html = client.get("/admin/pegawai/").content.decode()
    assert pegawai.employee.nip in html
    edit = client.get(f"/admin/pegawai/edit/{pegawai.employee.pk}/")
    assert edit.status_code == 200


@pytest.mark.django_db
def test_admin_form_refuses_an_invalid_nip(client, hr_with_mfa, unit):
    from ..factories import PositionFactory

    client.force_login(hr_with_mfa)
    position = PositionFactory()
    response = client.post(
        "/admin/pegawai/new/",
        {
            "nip": "199213012019032011",
            "name": "Uji",
            "unit": unit.pk,
            "position": position.pk,
            "grade": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("nip", code="nip_birth_date")
    assert not Employee.objects.filter(name="Uji").exists()


@pytest.mark.django_db
def test_employee_listing_queries_do_not_grow(client, hr_with_mfa, unit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ..factories import EmployeeFactory

    client.force_login(hr_with_mfa)
    client.get("/admin/pegawai/")
    with CaptureQueriesContext(connection) as small:
        client.get("/admin/pegawai/")
    EmployeeFactory.create_batch(15)
    with CaptureQueriesContext(connection) as large:
        client.get("/admin/pegawai/")
    assert len(large.captured_queries) == len(small.captured_queries), _queries_apart(small, large)


def _queries_apart(small, large) -> str:
    """The queries one of the two requests ran and the other did not (numbers left out), to tell a
    query that grows with the data from one that a single request ran for another reason."""
    import re
    from collections import Counter

    def shapes(captured):
        return Counter(re.sub(r"\d+", "N", query["sql"]) for query in captured.captured_queries)

    before, after = shapes(small), shapes(large)
    return f"only before: {list((before - after).elements())}; only after: {list((after - before).elements())}"
