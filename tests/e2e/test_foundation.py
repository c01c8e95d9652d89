"""The foundation as a user sees it in Chromium: home page, login, dashboard, MFA, keyboard."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import PHONE, screenshot

# The live server needs real transactions; serialized rollback keeps what the data migrations
# created (roles, the home page) for every test, not only the first.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HERO = "Kompeten: belajar, berkembang, melayani lebih baik"


def log_in(page, live_server, login, password):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_load_state()


@pytest.mark.e2e
def test_visitor_sees_the_home_page(page, new_context, live_server):
    page.goto(live_server.url + "/")
    expect(page).to_have_title(re.compile("Kompeten"))
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text(HERO)
    main = page.locator("main")
    expect(main.locator("a[href='/accounts/login/']")).to_have_text("Masuk dengan NIP atau e-mail")
    expect(main.locator("a[href='/kursus/']").first).to_be_visible()
    expect(main.locator("a[href='/perubahan/']").first).to_be_visible()
    header = page.locator("header.site-header")
    expect(header.get_by_role("link", name="Masuk")).to_have_attribute("href", "/accounts/login/")
    expect(header.locator("a[href='/kursus/']")).to_be_visible()
    expect(header.locator("a[href='/perubahan/']")).to_be_visible()
    # The stylesheet arrived (the hero has its gold top border).
    border = page.locator(".hero").evaluate("el => getComputedStyle(el).borderTopStyle")
    assert border == "solid"
    screenshot(page, "home-desktop")

    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    phone.goto(live_server.url + "/")
    expect(phone.get_by_role("heading", level=1)).to_have_text(HERO)
    # Nothing sticks out sideways on a phone.
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the home page scrolls sideways by {overflow}px on a phone"
    screenshot(phone, "home-phone")


@pytest.mark.e2e
def test_visitor_switches_the_language_to_english_and_back(page, live_server):
    page.goto(live_server.url + "/")
    page.select_option("select#lang-select", "en")
    page.locator("form.lang-switch").get_by_role("button", name="Ganti").click()
    page.wait_for_load_state()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("select#lang-select")).to_have_value("en")
    # The interface itself is English; the hero is page content, edited in Indonesian.
    expect(page.locator("a.skip-link")).to_have_text("Skip to content")
    header = page.locator("header.site-header")
    expect(header.get_by_role("link", name="Home", exact=True)).to_be_visible()
    expect(header.get_by_role("link", name="Log in", exact=True)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Log in with your NIP or email")
    expect(page.locator("footer")).to_contain_text("Every PNS is entitled")
    screenshot(page, "home-english")

    page.select_option("select#lang-select", "id")
    page.locator("form.lang-switch").get_by_role("button", name="Switch").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator("a.skip-link")).to_have_text("Langsung ke konten")


@pytest.mark.e2e
def test_employee_logs_in_with_nip_and_sees_the_dashboard(page, live_server, pegawai, password):
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk ke Kompeten")
    screenshot(page, "login")

    log_in(page, live_server, pegawai.employee.nip, password)
    expect(page).to_have_url(f"{live_server.url}/dasbor/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Selamat datang, {pegawai.first_name}")
    year = timezone.localdate().year
    for section in (f"JP tahun {year}", "Kursus saya", "Kesenjangan kompetensi", "Sertifikat"):
        expect(page.get_by_role("heading", level=2, name=section)).to_be_visible()
    expect(page.locator(".profile")).to_contain_text(pegawai.employee.nip)
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()
    screenshot(page, "dashboard")


@pytest.mark.e2e
def test_hr_is_sent_to_the_mfa_set_up_after_login(page, live_server, hr, password):
    log_in(page, live_server, hr.username, password)
    # Before the first authenticator is tied to the account, the password is asked for again.
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/\?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"))
    screenshot(page, "hr-mfa-reauthenticate")
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    screenshot(page, "hr-mfa-setup")

    # The administration stays closed until TOTP is on, with a reason in Indonesian.
    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    expect(page.locator(".messages")).to_contain_text("wajib memakai autentikasi dua faktor")
    screenshot(page, "hr-mfa-setup-after-admin")


@pytest.mark.e2e
def test_wrong_password_shows_an_indonesian_error(page, new_context, live_server, pegawai):
    log_in(page, live_server, pegawai.employee.nip, "salah-sekali")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.locator("main")).to_contain_text("tidak benar")
    expect(page.locator("input[name=login]")).to_have_value(pegawai.employee.nip)
    expect(page.get_by_role("button", name="Keluar")).to_have_count(0)
    screenshot(page, "login-wrong-password")

    # The same on a phone: the form and its error fit the screen.
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(phone, live_server, pegawai.employee.nip, "salah-lagi")
    expect(phone.locator("main")).to_contain_text("tidak benar")
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the login page scrolls sideways by {overflow}px on a phone"
    screenshot(phone, "login-wrong-password-phone")


@pytest.mark.e2e
def test_skip_link_is_the_first_tab_stop(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_text("Langsung ke konten")
    expect(focused).to_have_attribute("href", "#konten")
    expect(focused).to_be_in_viewport()
    screenshot(page, "home-skip-link-focused")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#konten$"))
    expect(page.locator("main#konten")).to_be_focused()
