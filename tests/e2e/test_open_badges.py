"""Browser: a learner who finished a course downloads its Open Badge from the dashboard; a visitor
(an employer, say) follows the certificate's public page to the check, uploads the file and reads
"SAH"; a forged copy is caught; HR revokes the certificate in the course report and the same file
then reads "DICABUT". The check works on a 375 px phone."""

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import Certificate, LessonPage

from ..courses.conftest import correct_answers, make_course
from .conftest import screenshot
from .test_courses import log_in
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SMALL_PHONE = {"width": 375, "height": 740}


def finished(pegawai) -> Certificate:
    course = make_course("Keamanan Digital Dasar", jp=4)
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    return Certificate.objects.get(enrollment=enrollment)


def checked(page, path) -> None:
    page.get_by_label("Berkas kredensial (.json)").set_input_files(str(path))
    page.get_by_role("button", name="Periksa", exact=True).click()


@pytest.mark.e2e
def test_a_badge_is_downloaded_checked_and_revoked(new_context, live_server, pegawai, hr, password, tmp_path):
    certificate = finished(pegawai)

    learner = new_context().new_page()
    log_in(learner, live_server, pegawai.employee.nip, password)
    learner.goto(f"{live_server.url}/dasbor/")
    screenshot(learner, "open-badge-dashboard")
    with learner.expect_download() as waiting:
        learner.get_by_role("link", name="Open Badge Keamanan Digital Dasar (JSON)").click()
    badge = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(badge)
    assert badge.name == f"open-badge-{certificate.code}.json"
    credential = json.loads(badge.read_text())
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]

    # The visitor knows the certificate's public page (its QR code, or the credential's id).
    visitor = new_context().new_page()
    visitor.goto(live_server.url + urlsplit(credential["id"]).path)
    expect(visitor.get_by_test_id("status")).to_contain_text("SAH")
    visitor.get_by_role("link", name="Periksa tanda tangannya").click()
    expect(visitor.get_by_role("heading", name="Periksa Open Badge")).to_be_visible()
    checked(visitor, badge)
    status = visitor.get_by_test_id("ob-status")
    expect(status).to_contain_text("SAH: kredensial ini diterbitkan Kompeten dan tidak diubah.")
    expect(visitor.locator(".certificate-facts")).to_contain_text(pegawai.employee.name)
    screenshot(visitor, "open-badge-genuine")

    forged = tmp_path / "palsu.json"
    credential["credentialSubject"]["achievement"]["name"] = "Kepemimpinan Strategis"
    forged.write_text(json.dumps(credential))
    checked(visitor, forged)
    expect(status).to_contain_text("isi kredensial ini telah diubah")
    expect(visitor.locator(".certificate-facts")).to_have_count(0)

    staff = new_context(bypass_csp=True).new_page()
    hr_log_in(staff, live_server, hr, password)
    staff.goto(f"{live_server.url}/admin/")
    staff.get_by_role("link", name="Laporan kursus").first.click()
    staff.get_by_role("link", name="Keamanan Digital Dasar").first.click()
    staff.get_by_role("row").filter(has_text=pegawai.employee.nip).get_by_role("link", name="Cabut").click()
    staff.get_by_label("Alasan pencabutan").fill("Peserta tidak mengikuti ujian sendiri")
    staff.get_by_role("button", name="Cabut sertifikat").click()
    expect(staff.get_by_role("row").filter(has_text=pegawai.employee.nip)).to_contain_text("dicabut")

    checked(visitor, badge)
    expect(status).to_contain_text("telah DICABUT")
    expect(visitor.get_by_text("tidak mengikuti ujian sendiri")).to_have_count(0)
    screenshot(visitor, "open-badge-revoked")

    phone = new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True).new_page()
    phone.goto(f"{live_server.url}/open-badges/periksa/")
    checked(phone, badge)
    expect(phone.get_by_test_id("ob-status")).to_contain_text("telah DICABUT")
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    screenshot(phone, "open-badge-phone")
