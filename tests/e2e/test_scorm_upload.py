"""Browser: a trainer opens "Paket SCORM" from the admin menu, uploads a package with a PHP file in it
(refused, with the reason, nothing kept), then a Storyline package (kept and listed)."""

import pytest
from playwright.sync_api import expect

from courses.scorm.models import ScormPackage

from ..scorm.test_packages import minimal, package, published
from .conftest import screenshot
from .test_courses import log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_a_trainer_uploads_a_scorm_package(new_context, live_server, pelatih, password, tmp_path):
    refused = tmp_path / "berbahaya.zip"
    refused.write_bytes(package({"imsmanifest.xml": minimal(), "index.html": "<p>", "shell.php": "<?php"}).getvalue())
    storyline = tmp_path / "5-why.zip"
    storyline.write_bytes(published("storyline-scorm12.xml").getvalue())

    page = new_context(bypass_csp=True).new_page()
    log_in_with_totp(page, live_server, pelatih, password)
    page.get_by_role("link", name="Paket SCORM").click()
    expect(page.get_by_role("heading", name="Paket SCORM")).to_be_visible()

    page.get_by_label("Paket SCORM (.zip)").set_input_files(str(refused))
    page.get_by_role("button", name="Unggah dan periksa").click()
    expect(page.get_by_text("Jenis berkas shell.php tidak diizinkan dalam paket SCORM.")).to_be_visible()
    assert not ScormPackage.objects.exists()
    screenshot(page, "scorm-upload-refused")

    page.get_by_label("Paket SCORM (.zip)").set_input_files(str(storyline))
    page.get_by_role("button", name="Unggah dan periksa").click()
    expect(page.get_by_text("Paket 5-Why Problem Solving (SCORM 1.2) disimpan: 6 berkas.")).to_be_visible()
    expect(page.get_by_test_id("scorm-packages")).to_contain_text("index_lms.html")
    screenshot(page, "scorm-packages")

    # Uploaded by mistake: the trainer deletes it, after a confirmation, and its files go too.
    page.get_by_role("link", name="Hapus 5-Why Problem Solving").click()
    expect(page.get_by_text("tindakan ini tidak dapat dibatalkan")).to_be_visible()
    screenshot(page, "scorm-package-delete")
    page.get_by_role("button", name="Hapus paket").click()
    expect(page.get_by_text("Paket 5-Why Problem Solving dihapus beserta berkasnya.")).to_be_visible()
    expect(page.get_by_test_id("scorm-packages")).to_contain_text("Belum ada paket.")
    assert not ScormPackage.objects.exists()


@pytest.mark.e2e
def test_a_trainer_puts_a_package_in_a_lesson_and_a_learner_plays_it(
    new_context, live_server, pelatih, pegawai, password, tmp_path
):
    from courses import services
    from courses.models import CourseTrainer, LessonPage

    from ..courses.conftest import make_course
    from .conftest import PHONE, autosave_settled
    from .test_courses import log_in

    course = make_course("Etika Digital", jp=2)
    CourseTrainer.objects.get_or_create(course=course, user=pelatih)
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    playable = tmp_path / "etika.zip"
    playable.write_bytes(
        package(
            {
                "imsmanifest.xml": minimal("mulai.html"),
                "mulai.html": "<html><body><h1>Selamat datang di paket SCORM</h1></body></html>",
            }
        ).getvalue()
    )

    # The trainer uploads it and chooses it in the lesson's editor.
    staff = new_context(bypass_csp=True).new_page()
    log_in_with_totp(staff, live_server, pelatih, password)
    staff.get_by_role("link", name="Paket SCORM").click()
    staff.get_by_label("Paket SCORM (.zip)").set_input_files(str(playable))
    staff.get_by_role("button", name="Unggah dan periksa").click()
    expect(staff.get_by_test_id("scorm-packages")).to_contain_text("Etika ASN")
    staff.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    staff.get_by_role("combobox", name="Paket SCORM").select_option(label="Etika ASN (SCORM 1.2)")
    screenshot(staff, "scorm-lesson-editor")
    autosave_settled(staff)
    with staff.expect_navigation():
        staff.locator("footer button.action-save").click()
    lesson.refresh_from_db()
    revision = lesson.get_latest_revision()
    assert revision.as_object().scorm_package.title == "Etika ASN"
    revision.publish()  # HR's approval, walked through in tests/e2e/test_courses.py

    # Played by a lesson, the package cannot be deleted: the trainer is told why.
    staff.goto(f"{live_server.url}/admin/")
    staff.get_by_role("link", name="Paket SCORM").click()
    staff.get_by_role("link", name="Hapus Etika ASN").click()
    expect(staff.get_by_text("dipakai pelajaran Kata sandi")).to_be_visible()
    expect(staff.get_by_role("button", name="Hapus paket")).to_have_count(0)
    screenshot(staff, "scorm-package-in-use")

    # The learner opens the lesson: the package plays in its frame, on a phone too.
    services.enrollment_create(employee=pegawai.employee, course=course)
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(phone, live_server, pegawai.employee.nip, password)
    phone.goto(f"{live_server.url}{course.url}")
    phone.get_by_role("link", name="Mulai belajar: Kata sandi").click()
    frame = phone.frame_locator("[data-testid=scorm-frame]")
    expect(frame.get_by_role("heading", name="Selamat datang di paket SCORM")).to_be_visible()
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    screenshot(phone, "scorm-lesson-phone")
