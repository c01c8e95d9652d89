"""Staff find their way in: trainers and HR land in the admin after logging in, the header offers
"Kelola (admin)" by role and "Tim" to supervisors, the set-up of a second factor ends with a way on,
and on a 375 px phone the header is one compact row with a menu."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .test_courses import log_in, log_in_with_totp, totp_code

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_375 = {"width": 375, "height": 740}


@pytest.mark.e2e
def test_a_trainer_lands_in_the_admin_and_finds_the_site_and_back(new_context, live_server, pelatih, password):
    page = new_context().new_page()
    log_in_with_totp(page, live_server, pelatih, password)
    expect(page).to_have_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/kursus/")
    page.locator(".site-nav").get_by_role("link", name="Kelola (admin)").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    screenshot(page, "staff-trainer-admin-landing")


@pytest.mark.e2e
def test_hr_sets_up_the_second_factor_and_continues_to_the_admin(new_context, live_server, hr, password):
    page = new_context().new_page()
    log_in(page, live_server, hr.username, password)
    expect(page).to_have_url(re.compile(r"/accounts/"))
    if "reauthenticate" in page.url:
        page.fill("input[name=password]", password)
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("input[name=code]", totp_code(secret))
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/recovery-codes/"))
    screenshot(page, "staff-hr-recovery-codes")
    # "Unduh kode" and "Buat kode baru" stand apart (side by side they read as one link).
    download = page.get_by_role("link", name="Unduh kode").bounding_box()
    generate = page.get_by_role("link", name="Buat kode baru").bounding_box()
    gap = generate["x"] - (download["x"] + download["width"])
    assert gap >= 16 or generate["y"] >= download["y"] + download["height"]
    page.get_by_role("link", name="Lanjutkan ke halaman kelola (admin)").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")


@pytest.mark.e2e
def test_a_supervisor_has_tim_and_an_employee_neither(new_context, live_server, atasan, pegawai, password):
    supervisor = new_context().new_page()
    log_in_with_totp(supervisor, live_server, atasan, password)
    expect(supervisor).to_have_url(f"{live_server.url}/dasbor/")
    supervisor.locator(".site-nav").get_by_role("link", name="Tim").click()
    expect(supervisor).to_have_url(f"{live_server.url}/tim/")
    expect(supervisor.locator(".site-nav")).not_to_contain_text("Kelola")

    employee = new_context().new_page()
    log_in(employee, live_server, pegawai.employee.nip, password)
    expect(employee).to_have_url(f"{live_server.url}/dasbor/")
    expect(employee.locator(".site-nav a")).to_have_count(4)


@pytest.mark.e2e
def test_on_a_phone_the_header_is_one_row_with_a_menu(new_context, live_server, atasan, password):
    page = new_context(viewport=PHONE_375, is_mobile=True, has_touch=True).new_page()
    log_in_with_totp(page, live_server, atasan, password)
    page.goto(f"{live_server.url}/kursus/")
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= 72, header.bounding_box()
    expect(page.locator(".site-nav")).to_be_hidden()
    toggle = page.get_by_role("button", name="Menu")
    box = toggle.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    screenshot(page, "header-phone-closed")

    toggle.tap()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".site-nav")).to_be_visible()
    links = page.locator(".site-nav a")
    for index in range(links.count()):
        assert links.nth(index).bounding_box()["height"] >= 44
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    screenshot(page, "header-phone-open")
    page.locator(".site-nav").get_by_role("link", name="Tim").tap()
    expect(page).to_have_url(f"{live_server.url}/tim/")
