"""HR searches the audit trail in Chromium: who opened whose data, and when.

A supervisor opens a team member's gaps and HR exports the JP report (both through the real pages);
HR (password + TOTP) opens "Jejak audit" under Settings, filters by the employee's NIP, sees the
supervisor's visit and not the export, and opens the entry.
"""

import re

import pytest
from playwright.sync_api import expect

from portal.people import roles

from .conftest import screenshot
from .test_courses import log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_hr_finds_who_opened_an_employees_gaps(page, new_context, live_server, make_person, hr, password):
    atasan = make_person(roles.ATASAN, first_name="Rahmat Hidayat")
    pegawai = make_person(roles.PEGAWAI, first_name="Siti Aminah", supervisor=atasan.employee)

    supervisor_page = new_context().new_page()
    log_in_with_totp(supervisor_page, live_server, atasan, password)
    supervisor_page.goto(f"{live_server.url}/tim/{pegawai.employee.pk}/")
    expect(supervisor_page.get_by_text("Siti Aminah").first).to_be_visible()

    log_in_with_totp(page, live_server, hr, password)
    with page.expect_download():
        page.evaluate(f"window.location = '{live_server.url}/admin/sdm/laporan/jp/?format=csv'")

    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("button", name=re.compile("Pengaturan|Settings")).click()
    page.get_by_role("link", name="Jejak audit").click()
    expect(page).to_have_url(re.compile(r"/admin/jejak-audit/"))
    expect(page.locator("table.listing").get_by_text("Laporan kepatuhan JP").first).to_be_visible()

    page.goto(f"{live_server.url}/admin/jejak-audit/?subject={pegawai.employee.nip}")
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Rahmat Hidayat")
    expect(rows.first).to_contain_text(f"Siti Aminah ({pegawai.employee.nip})")
    expect(page.locator("table.listing").get_by_text("Laporan kepatuhan JP")).to_have_count(0)
    screenshot(page, "audit-hr-search")

    rows.first.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"/admin/jejak-audit/inspect/\d+/"))
    expect(page.get_by_text(f"/tim/{pegawai.employee.pk}/")).to_be_visible()
    screenshot(page, "audit-hr-entry")
