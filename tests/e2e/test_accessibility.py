"""axe-core finds no serious or critical violation on the public pages, the learner's pages, the
change hub, and the admin screens the project adds.

The admin screens are checked whole, Wagtail's own sidebar and header included: Wagtail 7.4's chrome
passes as it is, so nothing is excluded. Should a Wagtail upgrade bring a violation in its own
markup, exclude that region with ``check_pages(..., exclude=(selector,))`` and say why here.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appraisal_link.feedback.models import ServicePoint
from appraisal_link.feedback.services import survey_response_submit
from appraisal_link.models import Rating
from appraisal_link.services.assignments import assignment_create
from competency.models import Competency
from courses import services as course_services
from courses.models import CourseCompetency, LessonPage
from portal.notifications.models import Kind
from portal.notifications.services import notify
from portal.people.models import Employee

from ..appraisal_link.conftest import csv_bytes, record
from ..appraisal_link.test_gaps_and_assignments import appraise
from ..change.conftest import make_change_article, make_change_event, make_pulse_survey
from ..courses.conftest import QUIZ, READING, correct_answers, make_course
from ..factories import EmployeeFactory, UnitFactory
from .axe import assert_accessible, check_pages
from .conftest import PHONE, screenshot
from .test_courses import log_in
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def viewport_of(viewport):
    """The new_context arguments for a phone (as the other phone tests open it) or the desktop default."""
    return {"viewport": viewport, "is_mobile": True, "has_touch": True} if viewport else {}


def completed_course(employee):
    """A course the employee has finished, with its certificate issued."""
    course = make_course("Keamanan Digital", jp=4)
    first, quiz = LessonPage.objects.child_of(course).order_by("path")
    enrollment = course_services.enrollment_create(employee=employee, course=course)
    course_services.lesson_mark_done(enrollment=enrollment, lesson=first)
    course_services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    return course, course_services.certificate_issue(enrollment_id=enrollment.pk)


def course_under_way(employee):
    """A course of three lessons: the first done, the quiz open, the last still locked."""
    course = make_course(
        "Literasi Data untuk ASN", lessons=(("Membaca data", READING), ("Kuis data", QUIZ), ("Penutup", READING))
    )
    first, quiz, _last = LessonPage.objects.child_of(course).order_by("path")
    enrollment = course_services.enrollment_create(employee=employee, course=course)
    course_services.lesson_mark_done(enrollment=enrollment, lesson=first)
    return course, quiz


@pytest.mark.e2e
@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_public_pages(new_context, live_server, viewport):
    course = make_course("Pelayanan Publik Prima")
    ServicePoint.objects.create(unit=UnitFactory(name="Disdukcapil"), name="Kartu Keluarga", code="kk")
    visitor = new_context(bypass_csp=True, **viewport_of(viewport)).new_page()
    pages = {
        "home": "/",
        "catalog": "/kursus/",
        "course": course.url,
        "satisfaction survey": "/survei-kepuasan/",
        "satisfaction survey form": "/survei-kepuasan/kk/",
        "satisfaction survey thanks": "/survei-kepuasan/kk/terima-kasih/",
        "login": "/accounts/login/",
        "signup": "/accounts/signup/",
        "password reset": "/accounts/password/reset/",
    }
    assert_accessible(check_pages(visitor, {name: f"{live_server.url}{path}" for name, path in pages.items()}))


@pytest.mark.e2e
@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_learner_pages_and_the_change_hub(new_context, live_server, pegawai, password, viewport):
    employee = pegawai.employee
    done_course, certificate = completed_course(employee)
    course, quiz = course_under_way(employee)
    appraise(employee, adaptif=Rating.BELOW)
    notify(
        user=pegawai,
        kind=Kind.ASSIGNMENT_CREATED,
        key="assignment:1",
        title="Pelatihan ditugaskan: Literasi Data untuk ASN",
        body="BKPSDM menugaskan kursus ini. Selesaikan sebelum 30 Juni 2026.",
        url="/kursus/",
    )
    article = make_change_article(
        "Dialog kinerja di unit Anda", must_read=True, deadline=timezone.localdate() + datetime.timedelta(days=7)
    )
    event = make_change_event()
    survey = make_pulse_survey()

    page = new_context(bypass_csp=True, **viewport_of(viewport)).new_page()
    log_in(page, live_server, employee.nip, password)
    expect(page).to_have_url(f"{live_server.url}/dasbor/")
    pages = {
        "dashboard": "/dasbor/",
        "my competency": "/kompetensi-saya/",
        "notifications": "/notifikasi/",
        "e-mail preferences": "/notifikasi/pengaturan/",
        "my data": "/akun/data-saya/",
        "course under way": course.url,
        "lesson with a quiz": quiz.url,
        "course completed": done_course.url,
        "certificate": f"/sertifikat/{certificate.code}/",
        "change hub": "/perubahan/",
        "change article": article.url,
        "change event": event.url,
        "pulse surveys": "/perubahan/survei/",
        "pulse survey": f"/perubahan/survei/{survey.pk}/",
    }
    problems = check_pages(page, {name: f"{live_server.url}{path}" for name, path in pages.items()})
    page.goto(f"{live_server.url}{quiz.url}")
    screenshot(page, f"a11y-lesson-sidebar-{'phone' if viewport else 'desktop'}")
    assert_accessible(problems)


@pytest.mark.e2e
def test_hr_admin_screens(new_context, live_server, hr, pegawai, other_unit, password, tmp_path):
    employee = pegawai.employee
    change = Competency.objects.get(code="mengelola-perubahan")
    course = make_course("Beradaptasi dengan Sistem Kinerja Baru", category="perubahan", jp=3)
    CourseCompetency.objects.create(course=course, competency=change, target_level=3)
    # Everyone in the unit has the gaps, so the heatmap shows its darkest band (80% and more);
    # in another unit some have, so the lighter bands show too.
    for person in Employee.objects.filter(unit=employee.unit):
        appraise(person, adaptif=Rating.BELOW, kolaboratif=Rating.BELOW)
    others = [EmployeeFactory(unit=other_unit) for _ in range(5)]
    appraise(others[0], adaptif=Rating.BELOW, kolaboratif=Rating.BELOW)
    for person in others[1:3]:
        appraise(person, adaptif=Rating.BELOW)
    event = make_change_event()
    assignment_create(
        employee=employee,
        course=course,
        due_date=timezone.localdate() + datetime.timedelta(days=21),
        reason="karena penilaian 2026: Adaptif di bawah ekspektasi",
    )
    point = ServicePoint.objects.create(unit=employee.unit, name="Layanan Data", code="data")
    survey_response_submit(
        service_point=point, answers={f"u{n}": 3 for n in range(1, 10)} | {"suggestion": "Antrean rapi."}
    )
    upload = tmp_path / "penilaian.csv"
    row = {"nip": employee.nip, "nama": employee.name, "unit_kerja": employee.unit.name}
    upload.write_bytes(csv_bytes([record(**row, jabatan=employee.position.name, tahun=2025)]))

    page = new_context(bypass_csp=True).new_page()
    hr_log_in(page, live_server, hr, password)
    admin = f"{live_server.url}/admin"
    pages = {
        "appraisal import": f"{admin}/penilaian/impor/",
        "gap heatmap": f"{admin}/sdm/laporan/kesenjangan/",
        "gap heatmap cell": f"{admin}/sdm/laporan/kesenjangan/{employee.unit_id}/{change.pk}/",
        "20 JP report": f"{admin}/sdm/laporan/jp/",
        "gap closure report": f"{admin}/sdm/laporan/penutupan/",
        "assign training": f"{admin}/sdm/penugasan/",
        "assignments": f"{admin}/penugasan-pelatihan/",
        "course reports": f"{admin}/kursus/laporan/",
        "course report": f"{admin}/kursus/{course.pk}/laporan/",
        "events": f"{admin}/perubahan/acara/",
        "event attendance": f"{admin}/perubahan/acara/{event.pk}/",
        "event sign-in sheet": f"{admin}/perubahan/acara/{event.pk}/cetak/",
        "adoption dashboard": f"{admin}/perubahan/adopsi/",
        "satisfaction index": f"{admin}/survei-kepuasan/?periode={timezone.localdate():%Y-%m}",
        "service point results": f"{admin}/survei-kepuasan/layanan/{point.pk}/?periode={timezone.localdate():%Y-%m}",
        "suggestion moderation": f"{admin}/survei-kepuasan/saran/",
        "service point edit": f"{admin}/titik-layanan/edit/{point.pk}/",
    }
    problems = check_pages(page, pages)
    page.goto(pages["gap heatmap"])
    for band in ("band-1", "band-3", "band-4"):
        expect(page.locator(f"td.{band}").first).to_be_visible()
    screenshot(page, "a11y-gap-heatmap")

    # A finished import job, as HR sees it after uploading a file.
    page.goto(pages["appraisal import"])
    page.set_input_files("input[name=berkas]", str(upload))
    with page.expect_navigation():
        page.get_by_role("button", name="Unggah dan impor").click()
    expect(page.get_by_test_id("status")).to_contain_text("Berhasil", timeout=15_000)
    problems |= check_pages(page, {"finished import job": page.url})
    assert_accessible(problems)
