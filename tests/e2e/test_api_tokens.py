"""Browser: HR creates an API token for the regional HR system (password asked again first), copies
the key shown once, sees it listed by prefix with its expiry, and revokes it."""

import re

import pytest
from playwright.sync_api import expect

from appraisal_link.models import ApiToken

from .conftest import screenshot
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_hr_creates_shows_once_and_revokes_a_token(page, live_server, hr, password):
    hr_log_in(page, live_server, hr, password)
    page.goto(f"{live_server.url}/admin/penilaian/token-api/")
    expect(page.get_by_text("Belum ada token.")).to_be_visible()
    page.get_by_label("Nama sistem klien").fill("SIMPEG BKD Provinsi")
    page.get_by_label("Masa berlaku").select_option("90")
    page.get_by_role("button", name="Buat token").click()

    # The password again, then the suspended request goes through.
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    screenshot(page, "hr-api-token-reauthenticate")
    page.fill("input[name=password]", password)
    page.locator("main").get_by_role("button").first.click()

    key = page.locator("[data-testid=new-key]")
    expect(key).to_be_visible()
    token = ApiToken.objects.get()
    expect(key).to_have_text(re.compile("^" + re.escape(token.prefix)))
    expect(page.locator("[data-testid=tokens]")).to_contain_text("SIMPEG BKD Provinsi")
    expect(page.locator("[data-testid=token-status]")).to_have_text("Aktif")
    screenshot(page, "hr-api-token-created")

    # Shown once: a fresh load of the page lists the prefix only.
    page.goto(f"{live_server.url}/admin/penilaian/token-api/")
    expect(page.locator("[data-testid=new-key]")).to_have_count(0)
    expect(page.locator("[data-testid=tokens]")).to_contain_text(token.prefix + "…")
    page.locator("[data-testid=tokens]").get_by_role("button", name="Cabut").click()
    expect(page.locator("[data-testid=token-status]")).to_contain_text("Dicabut")
    page.locator("[data-testid=tokens]").scroll_into_view_if_needed()
    screenshot(page, "hr-api-token-revoked")
