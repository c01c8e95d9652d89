"""Browser: a package calls the runtime as a real SCO does (SCORM 1.2: LMSInitialize, LMSGetValue,
LMSSetValue, LMSCommit, LMSFinish; SCORM 2004: Initialize ... Terminate); the learner resumes where
they left off, and the package's "done" completes the lesson once."""

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import LessonPage, LessonProgress
from courses.scorm.models import ScormAttempt
from courses.scorm.services import package_create

from ..courses.conftest import make_course
from ..scorm.test_packages import minimal, package
from .conftest import PHONE, screenshot
from .test_courses import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCO_12 = """<!doctype html><html><head><title>SCO</title></head><body>
<h1>Etika ASN</h1>
<p>entry: <span id="entry"></span>; lokasi: <span id="lokasi"></span>; data: <span id="data"></span>;
siswa: <span id="siswa"></span></p>
<button id="simpan" type="button">Simpan posisi</button> <button id="selesai" type="button">Selesaikan</button>
<p id="hasil"></p>
<script>
var api = window.parent.API;
api.LMSInitialize("");
document.getElementById("entry").textContent = api.LMSGetValue("cmi.core.entry");
document.getElementById("lokasi").textContent = api.LMSGetValue("cmi.core.lesson_location");
document.getElementById("data").textContent = api.LMSGetValue("cmi.suspend_data");
document.getElementById("siswa").textContent = api.LMSGetValue("cmi.core.student_id");
document.getElementById("simpan").onclick = function () {
  api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  api.LMSSetValue("cmi.core.lesson_location", "slide-3");
  api.LMSSetValue("cmi.suspend_data", "jawaban=B");
  api.LMSSetValue("cmi.core.session_time", "0000:02:00.00");
  var ro = api.LMSSetValue("cmi.core.student_id", "x") + "/" + api.LMSGetLastError();
  document.getElementById("hasil").textContent = "commit " + api.LMSCommit("") + ", baca-saja " + ro;
};
document.getElementById("selesai").onclick = function () {
  api.LMSSetValue("cmi.core.score.raw", "90");
  api.LMSSetValue("cmi.core.lesson_status", "passed");
  document.getElementById("hasil").textContent = "finish " + api.LMSFinish("");
};
</script></body></html>"""

SCO_2004 = """<!doctype html><html><body><h1>Etika ASN 2004</h1><p id="hasil"></p>
<button id="selesai" type="button">Selesaikan</button>
<script>
var api = window.parent.API_1484_11;
var steps = [api.Initialize(""), api.GetValue("cmi.entry"), api.GetValue("cmi.mode")];
document.getElementById("selesai").onclick = function () {
  steps.push(api.SetValue("cmi.completion_status", "completed"));
  steps.push(api.SetValue("cmi.success_status", "passed"));
  steps.push(api.SetValue("cmi.score.scaled", "0.95"));
  steps.push(api.SetValue("cmi.interactions.0.id", "soal-1"));
  steps.push(api.SetValue("cmi.session_time", "PT1M30S"));
  steps.push(api.Commit(""));
  steps.push(api.Terminate(""));
  steps.push(api.GetValue("cmi.location") + "/" + api.GetLastError());
  document.getElementById("hasil").textContent = steps.join(" ");
};
</script></body></html>"""


def course_with_package(hr, version, sco):
    launch = "konten/mulai.html" if version == "2004" else "mulai.html"
    kept = package_create(
        file=package({"imsmanifest.xml": minimal("mulai.html", version), launch: sco}), name="sco.zip", by=hr
    )
    course = make_course("Etika Digital " + version, jp=2)
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    lesson.scorm_package = kept
    lesson.save_revision().publish()
    return course, LessonPage.objects.get(pk=lesson.pk)


@pytest.mark.e2e
def test_a_scorm_12_package_is_tracked_resumed_and_completes_the_lesson(
    new_context, live_server, pegawai, hr, password
):
    course, lesson = course_with_package(hr, "1.2", SCO_12)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    page = new_context().new_page()
    log_in(page, live_server, pegawai.employee.nip, password)
    page.goto(f"{live_server.url}{lesson.url}")
    sco = page.frame_locator("[data-testid=scorm-frame]")
    expect(sco.locator("#entry")).to_have_text("ab-initio")
    expect(sco.locator("#siswa")).to_have_text(str(pegawai.employee.pk))
    expect(page.get_by_test_id("scorm-pending")).to_be_visible()
    sco.get_by_role("button", name="Simpan posisi").click()
    expect(sco.locator("#hasil")).to_have_text("commit true, baca-saja false/403")
    expect(page.locator("[data-scorm-status]")).to_have_text("Kemajuan di materi ini tersimpan.")
    screenshot(page, "scorm-runtime-saved")

    # The next day, on a phone: the package resumes where the learner left off.
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True, storage_state=page.context.storage_state())
    small = phone.new_page()
    small.goto(f"{live_server.url}{lesson.url}")
    sco = small.frame_locator("[data-testid=scorm-frame]")
    expect(sco.locator("#entry")).to_have_text("resume")
    expect(sco.locator("#lokasi")).to_have_text("slide-3")
    expect(sco.locator("#data")).to_have_text("jawaban=B")
    sco.get_by_role("button", name="Selesaikan").click()
    expect(sco.locator("#hasil")).to_have_text("finish true")
    expect(small.locator("[data-scorm-status]")).to_have_text("Pelajaran ini selesai.")
    expect(small.get_by_role("link", name="Lanjut")).to_have_attribute(
        "href", lesson.get_next_siblings().live().first().url
    )
    screenshot(small, "scorm-runtime-completed-phone")
    small.reload()
    expect(small.get_by_text("Pelajaran ini sudah selesai.")).to_be_visible()

    attempt = ScormAttempt.objects.get(enrollment=enrollment)
    assert (attempt.lesson_status, attempt.score_raw, attempt.total_seconds) == ("passed", 90.0, 120)
    assert LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).count() == 1


@pytest.mark.e2e
def test_a_scorm_2004_package_completes_the_lesson(new_context, live_server, pegawai, hr, password):
    course, lesson = course_with_package(hr, "2004", SCO_2004)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    page = new_context().new_page()
    log_in(page, live_server, pegawai.employee.nip, password)
    page.goto(f"{live_server.url}{lesson.url}")
    sco = page.frame_locator("[data-testid=scorm-frame]")
    sco.get_by_role("button", name="Selesaikan").click()
    # Initialize, entry, mode, five SetValues, Commit, Terminate, then a GetValue after Terminate (123).
    expect(sco.locator("#hasil")).to_have_text("true ab-initio normal true true true true true true true /123")
    expect(page.locator("[data-scorm-status]")).to_have_text("Pelajaran ini selesai.")
    attempt = ScormAttempt.objects.get(enrollment=enrollment)
    assert (attempt.completion_status, attempt.success_status, attempt.score_scaled, attempt.total_seconds) == (
        "completed",
        "passed",
        0.95,
        90,
    )
    assert LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).count() == 1
