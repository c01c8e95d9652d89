"""Browser: HR sees the gap heatmap and assigns a course to everyone with a gap; the employee
sees the assignment and its reason; the supervisor sees the team."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appraisal_link.models import Assignment, Rating
from competency.models import Competency
from courses.models import CourseCompetency

from ..appraisal_link.test_gaps_and_assignments import appraise
from ..courses.conftest import make_course
from .conftest import screenshot
from .test_courses import log_in, log_in_with_totp, totp_code

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def hr_log_in(page, live_server, hr, password):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(hr, secret)
    log_in(page, live_server, hr.username, password)
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Masuk", exact=True).click()


@pytest.mark.e2e
def test_hr_assigns_training_for_a_gap_and_people_see_it(new_context, live_server, hr, pegawai, atasan, password):
    change = Competency.objects.get(code="mengelola-perubahan")
    course = make_course("Beradaptasi dengan Sistem Kinerja Baru", category="perubahan", jp=3)
    CourseCompetency.objects.create(course=course, competency=change, target_level=3)
    appraise(pegawai.employee, adaptif=Rating.BELOW)
    admin = f"{live_server.url}/admin"

    page = new_context().new_page()
    hr_log_in(page, live_server, hr, password)
    page.goto(f"{admin}/sdm/laporan/kesenjangan/")
    expect(page.get_by_role("columnheader", name="Mengelola Perubahan")).to_be_visible()
    screenshot(page, "hr-gap-heatmap")
    page.locator(f"a[href$='/{pegawai.employee.unit_id}/{change.pk}/']").click()
    expect(page.get_by_text(pegawai.employee.nip)).to_be_visible()
    screenshot(page, "hr-gap-drilldown")
    page.get_by_role("link", name="Tugaskan kursus ke pegawai dengan kesenjangan ini").click()
    page.select_option("select[name=course]", str(course.pk))
    page.fill("input[name=due_date]", (timezone.localdate() + datetime.timedelta(days=21)).isoformat())
    screenshot(page, "hr-assign-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Lanjut: periksa penerima").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Ya, tugaskan 1 orang").click()
    expect(page.get_by_text("1 penugasan dibuat.")).to_be_visible()
    screenshot(page, "hr-assign-done")
    assert Assignment.objects.filter(employee=pegawai.employee, course=course).exists()

    learner = new_context().new_page()
    log_in(learner, live_server, pegawai.username, password)
    expect(learner).to_have_url(re.compile(r"/dasbor/$"))
    expect(learner.get_by_text("karena penilaian 2026: Adaptif di bawah ekspektasi").first).to_be_visible()
    expect(learner.get_by_role("link", name=course.title).first).to_be_visible()
    screenshot(learner, "pegawai-dashboard-assignment")
    learner.get_by_role("link", name=re.compile("kesenjangan dan kursus yang cocok")).click()
    expect(learner.get_by_role("heading", name="Kompetensi saya")).to_be_visible()
    screenshot(learner, "pegawai-my-competency")

    supervisor = new_context().new_page()
    log_in_with_totp(supervisor, live_server, atasan, password)
    supervisor.goto(f"{live_server.url}/tim/")
    row = supervisor.get_by_role("row").filter(has_text=pegawai.employee.name)
    expect(row).to_contain_text("1")
    screenshot(supervisor, "atasan-team")
    row.get_by_role("link").click()
    expect(supervisor.get_by_text("Adaptif di bawah ekspektasi").first).to_be_visible()
    screenshot(supervisor, "atasan-team-member")


@pytest.mark.e2e
def test_hr_uploads_a_file_with_errors_then_the_corrected_file(
    new_context, live_server, hr, pegawai, password, tmp_path
):
    from appraisal_link.models import Appraisal

    from ..appraisal_link.conftest import csv_bytes, record

    employee = pegawai.employee
    base = {
        "nip": employee.nip,
        "nama": employee.name,
        "unit_kerja": employee.unit.name,
        "jabatan": employee.position.name,
        "tahun": 2026,
    }
    bad = tmp_path / "penilaian-salah.csv"
    bad.write_bytes(
        csv_bytes([record(**base, hasil_kerja="Luar biasa", adaptif="Di bawah ekspektasi")], delimiter=";", bom=True)
    )
    good = tmp_path / "penilaian-benar.csv"
    good.write_bytes(csv_bytes([record(**base, adaptif="dibawah ekspektasi")], delimiter=";", bom=True))

    page = new_context().new_page()
    hr_log_in(page, live_server, hr, password)
    page.goto(f"{live_server.url}/admin/penilaian/impor/")
    screenshot(page, "hr-import-upload")
    page.set_input_files("input[name=berkas]", str(bad))
    with page.expect_navigation():
        page.get_by_role("button", name="Unggah dan impor").click()
    expect(page.get_by_test_id("status")).to_contain_text("Gagal", timeout=15_000)
    expect(page.get_by_text("Luar biasa").first).to_be_visible()
    expect(page.locator("progress.k-progress-failed")).to_be_visible()  # red, not a green bar
    screenshot(page, "hr-import-errors")
    assert not Appraisal.objects.exists()

    # The corrected file: a dry run first, then "Impor sekarang" on the same file, no second upload.
    page.goto(f"{live_server.url}/admin/penilaian/impor/")
    page.set_input_files("input[name=berkas]", str(good))
    page.check("input[name=uji_coba]")
    with page.expect_navigation():
        page.get_by_role("button", name="Unggah dan impor").click()
    expect(page.get_by_test_id("status")).to_contain_text("Berhasil", timeout=15_000)
    expect(page.get_by_test_id("created")).to_have_text("1")
    assert not Appraisal.objects.exists()
    screenshot(page, "hr-import-dry-run-done")
    with page.expect_navigation():
        page.get_by_test_id("import-now").click()
    expect(page.get_by_test_id("status")).to_contain_text("Berhasil", timeout=15_000)
    expect(page.get_by_test_id("import-now")).to_have_count(0)
    screenshot(page, "hr-import-done")
    appraisal = Appraisal.objects.get(employee=employee)
    assert appraisal.adaptif == Rating.BELOW
    assert employee.gaps.filter(competency__code="mengelola-perubahan").exists()
