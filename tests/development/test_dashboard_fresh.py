"""The dashboard's content is kept per person (portal.dashboard, issue #15): each action that
changes what it shows, through the service that does it, shows at the very next request, and a
request that changes nothing reads nothing from the database."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from appraisal_link.services.assignments import assignment_cancel, assignment_change_due_date, assignment_create
from competency.models import Competency, Gap
from competency.services import appraisal_gaps_open, gaps_close, training_completed
from courses import services
from courses.development.attendance import attendance_import
from courses.development.services import activity_verify, plan_for, plan_item_add, plan_submit
from courses.services.certificates import certificate_issue, certificate_revoke
from portal import dashboard
from portal.people import roles

from ..courses.conftest import correct_answers, make_course, wrong_answers
from .test_attendance import csv_of, row

KEPT_QUERIES = 0  # the session and the user are kept too


def dashboard_html(client) -> str:
    response = client.get("/dasbor/")
    assert response.status_code == 200
    return response.content.decode()


def kept_html(client) -> str:
    """The dashboard as kept: no query."""
    with CaptureQueriesContext(connection) as queries:
        html = dashboard_html(client)
    assert len(queries) == KEPT_QUERIES, [query["sql"] for query in queries]
    return html


@pytest.fixture
def learner(client, pegawai):
    client.force_login(pegawai)
    dashboard_html(client)
    return pegawai


@pytest.mark.django_db
def test_progress_completion_jp_and_certificate_show_at_once(client, learner):
    course = make_course("Keamanan Digital", jp=6)
    lessons = list(course.get_children().specific())
    dashboard_html(client)  # a course published: every dashboard is built again once
    assert "Keamanan Digital" not in kept_html(client)
    enrollment = services.enrollment_create(employee=learner.employee, course=course)
    assert "Keamanan Digital" in dashboard_html(client)
    assert "0%" in kept_html(client)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    assert "50%" in dashboard_html(client)
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    html = dashboard_html(client)
    assert "6 <span>/ 20 JP</span>" in html
    assert "Sertifikat Keamanan Digital sedang dibuat" in html
    certificate = certificate_issue(enrollment_id=enrollment.pk)
    html = dashboard_html(client)
    assert "sedang dibuat" not in html
    assert reverse("certificate_download", args=[certificate.pk]) in html
    assert "dicabut" not in kept_html(client)
    certificate_revoke(certificate=certificate, reason="Data kehadiran tidak sah")
    assert "dicabut" in dashboard_html(client)


@pytest.mark.django_db
def test_a_lesson_done_or_a_quiz_failed_builds_my_courses_alone_and_a_course_finished_everything(client, learner):
    """Study renews the learner's study version only: "Kursus saya" is built again (the user and
    its enrolments with progress), the rest (JP, plan, gaps, certificates) stays kept; finishing the
    course saves the enrolment, and everything is built again."""
    course = make_course("Keamanan Digital", jp=6)
    lessons = list(course.get_children().specific())
    enrollment = services.enrollment_create(employee=learner.employee, course=course)
    dashboard_html(client)
    kept_html(client)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    with CaptureQueriesContext(connection) as queries:
        html = dashboard_html(client)
    assert len(queries) == 1, [query["sql"] for query in queries]  # the enrolments with progress
    assert 'value="50" aria-label="Kemajuan Keamanan Digital"' in html and "0 <span>/ 20 JP</span>" in html
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=wrong_answers(lessons[1]), number=1)
    with CaptureQueriesContext(connection) as queries:
        dashboard_html(client)
    assert len(queries) == 1
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=2)
    html = dashboard_html(client)
    assert "6 <span>/ 20 JP</span>" in html and "Sertifikat Keamanan Digital sedang dibuat" in html
    assert 'value="100" aria-label="Kemajuan Keamanan Digital"' in kept_html(client)


@pytest.mark.django_db
def test_an_assignment_given_moved_and_withdrawn_shows_at_once(client, learner, hr):
    course = make_course("Tata Naskah Dinas Elektronik")
    far = timezone.localdate() + datetime.timedelta(days=60)
    assignment = assignment_create(
        employee=learner.employee, course=course, due_date=far, reason="Ditugaskan BKPSDM", assigned_by=hr
    )
    html = dashboard_html(client)
    assert "Tata Naskah Dinas Elektronik" in html and "Ditugaskan BKPSDM" in html
    assert "Tata Naskah Dinas Elektronik" not in html.split('id="due-title"')[1]
    assignment_change_due_date(assignment=assignment, due_date=timezone.localdate() + datetime.timedelta(days=3))
    assert "Tata Naskah Dinas Elektronik" in dashboard_html(client).split('id="due-title"')[1]
    assignment_cancel(assignment=assignment)
    assert "Ditugaskan BKPSDM" not in dashboard_html(client)


@pytest.mark.django_db
def test_jp_from_outside_the_portal_shows_at_once_one_by_one_and_from_an_attendance_list(
    client, learner, atasan, hr, record
):
    activity = record(learner.employee, title="Bimtek Manajemen Perubahan")
    dashboard_html(client)  # recorded, waiting for the supervisor
    assert "16 <span>/ 20 JP</span>" not in kept_html(client)
    activity_verify(activity=activity, by=atasan)
    assert "16 <span>/ 20 JP</span>" in dashboard_html(client)
    result = attendance_import(
        data=csv_of(row(learner.employee, jp="2")), name="hadir.csv", kind="bimtek", competency_ids=[], by=hr
    )
    assert result.recorded == 1
    assert "18 <span>/ 20 JP</span>" in dashboard_html(client)


@pytest.mark.django_db
def test_the_plan_shows_as_it_is_drafted_and_submitted(client, learner):
    assert "Anda belum menyusun rencana tahun ini." in kept_html(client)
    plan = plan_for(employee=learner.employee, year=timezone.localdate().year)
    plan_item_add(
        plan=plan, quarter=2, goal="Layanan digital", activity_kind="bimtek", activity_title="Bimtek SPBE", jp=24
    )
    html = dashboard_html(client)
    assert "24 JP direncanakan" in html
    assert "Draf" in kept_html(client)
    plan = plan_submit(plan=plan)
    html = dashboard_html(client)
    assert "Draf" not in html and plan.get_status_display() in html


@pytest.mark.django_db
def test_gaps_opened_and_closed_in_bulk_show_at_once(client, learner):
    competency = Competency.objects.get(code="mengelola-perubahan")
    gap = Gap(
        employee=learner.employee,
        competency=competency,
        source=Gap.Source.APPRAISAL,
        origin="penilaian:2026:tahunan",
        reason="karena penilaian 2026: Adaptif di bawah ekspektasi",
        required_level=3,
        current_level=2,
        status=Gap.Status.OPEN,
    )
    assert competency.name not in kept_html(client)
    appraisal_gaps_open(gaps=[gap])
    assert competency.name in dashboard_html(client)
    gaps = Gap.objects.filter(employee=learner.employee).values_list("pk", flat=True)
    gaps_close(gap_ids=gaps, reason=training_completed("Mengelola Perubahan"))
    assert competency.name not in dashboard_html(client)


@pytest.mark.django_db
def test_the_name_the_unit_a_role_and_a_course_title_show_at_once(client, learner, other_unit):
    learner.first_name, learner.last_name = "Siti", "Aminah"
    learner.save()
    assert "Selamat datang, Siti Aminah" in dashboard_html(client)
    employee = learner.employee
    employee.unit = other_unit
    employee.save()
    assert other_unit.name in dashboard_html(client)
    assert "Lihat tim saya" not in kept_html(client)
    learner.groups.add(Group.objects.get(name=roles.ATASAN))
    assert "Lihat tim saya" in dashboard_html(client)
    course = make_course("Literasi Data")
    services.enrollment_create(employee=employee, course=course)
    assert "Literasi Data" in dashboard_html(client)
    course.title = "Literasi Data Pemerintahan"
    course.save_revision().publish()
    assert "Literasi Data Pemerintahan" in dashboard_html(client)


@pytest.mark.django_db
def test_each_language_and_each_person_has_their_own(client, learner, make_person, settings):
    assert "Kursus saya" in kept_html(client)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Kursus saya" not in dashboard_html(client)
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert "Kursus saya" in kept_html(client)
    other = make_person(roles.PEGAWAI)
    client.force_login(other)
    assert other.employee.nip in dashboard_html(client)
    assert learner.employee.nip not in dashboard_html(client)


def test_an_enrolment_deadline_entering_due_soon_ends_the_kept_content():
    class Enrolment:
        completed_at = None

        def __init__(self, due_in: datetime.timedelta):
            self.due_at = timezone.now() + due_in

    entering_in_a_minute = Enrolment(datetime.timedelta(days=dashboard.DUE_SOON_DAYS, minutes=1))
    assert 55 <= dashboard._until_due_soon([entering_in_a_minute]) <= 60
    already_due_soon = Enrolment(datetime.timedelta(days=1))
    assert dashboard._until_due_soon([already_due_soon]) == dashboard.SECONDS
    assert dashboard._until_due_soon([]) == dashboard.SECONDS
