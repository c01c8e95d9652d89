"""Browser: HR assigns a course from its report by typing NIPs; the employee finds it on the
dashboard with its reason and due date, as any other assignment."""

import pytest
from playwright.sync_api import expect

from ..courses.conftest import make_course
from .conftest import screenshot
from .test_courses import log_in
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_hr_assigns_by_nip_from_the_course_report(new_context, live_server, hr, pegawai, password):
    course = make_course("Tanda Tangan Elektronik")

    page = new_context().new_page()
    hr_log_in(page, live_server, hr, password)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Laporan kursus").first.click()
    page.get_by_role("link", name=course.title).first.click()
    page.get_by_label("NIP pegawai (satu per baris)").fill(f"{pegawai.employee.nip}\n199001012015031999")
    with page.expect_navigation():
        page.get_by_role("button", name="Tugaskan", exact=True).click()
    expect(page.get_by_text("NIP tidak ditemukan: 199001012015031999")).to_be_visible()
    screenshot(page, "hr-assign-by-nip-unknown")
    page.get_by_label("NIP pegawai (satu per baris)").fill(pegawai.employee.nip)
    with page.expect_navigation():
        page.get_by_role("button", name="Tugaskan", exact=True).click()
    expect(page.get_by_text("1 pegawai ditugaskan ke kursus ini.")).to_be_visible()
    screenshot(page, "hr-assign-by-nip-done")

    learner = new_context(viewport={"width": 375, "height": 812}).new_page()
    log_in(learner, live_server, pegawai.username, password)
    expect(learner.get_by_text("Ditugaskan BKPSDM").first).to_be_visible()
    expect(learner.get_by_role("link", name=course.title).first).to_be_visible()
    screenshot(learner, "pegawai-assigned-by-nip-phone")
