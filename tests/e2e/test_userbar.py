"""Browser: staff see Wagtail's editor bar on the site (edit this page, the accessibility checker);
learners do not; the site's Content-Security-Policy lets it run."""

import pytest
from playwright.sync_api import expect

from ..courses.conftest import make_course
from .conftest import screenshot
from .test_courses import log_in, log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_staff_get_the_editor_bar_and_learners_do_not(new_context, live_server, pelatih, pegawai, password):
    course = make_course("Literasi Digital Dasar")

    page = new_context().new_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    log_in_with_totp(page, live_server, pelatih, password)
    page.goto(f"{live_server.url}{course.url}")
    userbar = page.locator("wagtail-userbar")
    expect(userbar).to_have_count(1)
    userbar.locator("button").first.click()
    expect(userbar.get_by_role("menuitem").filter(has_text="Ubah halaman ini").first).to_be_visible()
    expect(userbar.get_by_role("menuitem").filter(has_text="Pemeriksaan").first).to_be_visible()  # the checker
    screenshot(page, "userbar-staff-open")
    assert blocked == []

    learner = new_context().new_page()
    log_in(learner, live_server, pegawai.username, password)
    learner.goto(f"{live_server.url}{course.url}")
    expect(learner.locator("wagtail-userbar")).to_have_count(0)


@pytest.mark.e2e
def test_a_trainer_following_a_link_to_an_hr_screen_is_told_whose_it_is(new_context, live_server, pelatih, password):
    page = new_context().new_page()
    log_in_with_totp(page, live_server, pelatih, password)
    response = page.goto(f"{live_server.url}/admin/sdm/laporan/kesenjangan/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Akses ditolak")).to_be_visible()
    expect(page.get_by_text("khusus untuk BKPSDM")).to_be_visible()
    screenshot(page, "trainer-hr-screen-403")
    page.get_by_role("link", name="Kembali ke dasbor admin").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
