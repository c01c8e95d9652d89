"""Claiming a record in Chromium: HR prints an activation code in the admin; the employee signs up
with it and lands on "Periksa e-mail Anda"; someone who only knows the NIP sees the very same page,
and no account is made for them."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, screenshot
from .test_courses import log_in_with_totp, no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Belajar-Terus-2026"  # noqa: S105


def sign_up(page, live_server, *, nip, email, code=""):
    page.goto(f"{live_server.url}/accounts/signup/")
    page.fill("input[name=nip]", nip)
    page.fill("input[name=email]", email)
    if code:
        page.fill("input[name=activation_code]", code)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Daftar").click()


@pytest.mark.e2e
def test_hr_issues_a_code_and_the_employee_claims_the_record_with_it(
    page, new_context, live_server, hr, password, unit
):
    from portal.people.models import Employee, User

    from ..factories import EmployeeFactory

    newcomer = EmployeeFactory(unit=unit, name="Dedi Kurniawan", email="")

    # HR: the employee list, "Kode aktivasi" beside "Buat akun", then the printable slip.
    log_in_with_totp(page, live_server, hr, password)
    page.goto(f"{live_server.url}/admin/pegawai/?q={newcomer.nip}")
    page.locator(f"a[href='/admin/pegawai/{newcomer.pk}/kode-aktivasi/']").click()
    page.get_by_role("button", name="Buat kode aktivasi").click()
    slip = page.get_by_test_id("activation-slip")
    expect(slip).to_contain_text("Dedi Kurniawan")
    code = page.get_by_test_id("activation-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    screenshot(page, "admin-activation-code")

    # Someone who knows only the NIP (it is on the public certificate page): the usual page, no account.
    stranger = new_context().new_page()
    sign_up(stranger, live_server, nip=newcomer.nip, email="penyusup@contoh.id")
    expect(stranger).to_have_url(f"{live_server.url}/accounts/confirm-email/")
    expect(stranger.get_by_role("heading", level=1)).to_have_text("Periksa e-mail Anda")
    stranger_text = stranger.locator("main").inner_text()
    assert not User.objects.filter(email="penyusup@contoh.id").exists()

    # The employee, on a phone, with the code from the slip.
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    phone.goto(f"{live_server.url}/accounts/signup/")
    expect(phone.locator("input[name=activation_code]")).to_be_visible()
    assert no_sideways_scroll(phone) <= 0
    screenshot(phone, "signup-phone")
    sign_up(phone, live_server, nip=newcomer.nip, email="dedi.pribadi@contoh.id", code=code)
    expect(phone).to_have_url(f"{live_server.url}/accounts/confirm-email/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Periksa e-mail Anda")
    expect(phone.locator(".messages")).to_contain_text("dedi.pribadi@contoh.id")
    screenshot(phone, "signup-check-your-email")
    assert Employee.objects.get(pk=newcomer.pk).user.email == "dedi.pribadi@contoh.id"

    # Both saw the same page, but for the address each typed.
    assert stranger_text == phone.locator("main").inner_text().replace("dedi.pribadi@contoh.id", "penyusup@contoh.id")
