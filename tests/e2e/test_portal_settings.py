"""Browser: HR changes the yearly JP target in Settings → Aturan portal; an employee's dashboard
and the footer follow at once."""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .test_courses import log_in
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_hr_changes_the_jp_target_and_the_dashboard_follows(new_context, live_server, hr, pegawai, password):
    page = new_context().new_page()
    hr_log_in(page, live_server, hr, password)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("button", name="Pengaturan").click()
    page.get_by_role("link", name="Aturan portal").click()
    page.get_by_role("spinbutton", name="Target JP per tahun").fill("24")
    screenshot(page, "hr-portal-settings")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("spinbutton", name="Target JP per tahun")).to_have_value("24")

    learner = new_context(viewport={"width": 375, "height": 812}).new_page()
    log_in(learner, live_server, pegawai.username, password)
    expect(learner.get_by_text("/ 24 JP")).to_be_visible()
    expect(learner.get_by_text("paling sedikit 24 JP").first).to_be_visible()
