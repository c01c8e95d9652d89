"""Trainers and HR in the Wagtail admin: moderation, course reports, exports, enrolment, revocation."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Workflow

from competency.models import Competency
from courses import services
from courses.models import CourseIndexPage, CoursePage, Enrollment
from portal.people import roles
from portal.spreadsheets import safe_cell

from ..conftest import cache_empty
from ..factories import EmployeeFactory
from .conftest import correct_answers, wrong_answers


@pytest.mark.django_db
def test_course_pages_are_moderated_by_hr():
    catalog = CourseIndexPage.objects.get()
    workflow = catalog.get_workflow()
    assert workflow is not None and workflow.name == "Moderasi kursus"
    [task] = workflow.tasks.specific()
    assert list(task.groups.values_list("name", flat=True)) == [roles.HR]
    assert Workflow.objects.filter(active=True).count() >= 1


@pytest.mark.django_db
def test_trainer_may_edit_but_not_publish_courses(pelatih, hr, course):
    trainer = course.permissions_for_user(pelatih)
    assert trainer.can_edit() and not trainer.can_publish()
    assert CourseIndexPage.objects.get().permissions_for_user(pelatih).can_add_subpage()
    assert course.permissions_for_user(hr).can_publish()


@pytest.mark.django_db
def test_trainer_submits_and_hr_approves(pelatih, hr, course):
    revision = course.save_revision(user=pelatih)
    workflow_state = course.get_workflow().start(course, pelatih)
    assert workflow_state.status == "in_progress"
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(course, hr)
    task_state.task.specific.on_action(task_state, hr, "approve")
    workflow_state.refresh_from_db()
    assert workflow_state.status == "approved"
    course.refresh_from_db()
    assert course.live_revision_id == revision.pk


@pytest.mark.django_db
def test_course_report_shows_numbers_and_learners(client, pelatih_with_mfa, pegawai, course, lessons):
    pelatih = pelatih_with_mfa
    services.course_trainer_add(course=course, user=pelatih)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    client.force_login(pelatih)
    html = client.get(reverse("course_report", args=[course.pk])).content.decode()
    assert pegawai.employee.nip in html
    assert 'data-testid="completed"><strong>1</strong>' in html
    assert "Apa yang dilakukan saat menerima tautan mencurigakan?" in html  # hardest questions
    assert course.title in client.get(reverse("course_report_index")).content.decode()


@pytest.mark.django_db
def test_report_shows_each_learners_final_score_not_the_average_of_attempts(
    client, hr_with_mfa, pegawai, course, lessons, unit
):
    """A learner who failed once (0) then passed (100) has a final score of 100 (the best, as on
    the certificate), 2 attempts; the summary averages learners' final scores, not attempts."""
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=wrong_answers(lessons[1]), number=1)
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=2)
    other = services.enrollment_create(employee=EmployeeFactory(unit=unit), course=course)
    services.lesson_mark_done(enrollment=other, lesson=lessons[0])
    services.quiz_submit(enrollment=other, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    client.force_login(hr_with_mfa)
    url = reverse("course_report", args=[course.pk])
    html = client.get(url).content.decode()
    assert 'data-testid="average-score"><strong>100</strong>' in html
    assert 'data-testid="final-score">100</td><td data-testid="attempts">2</td>' in html
    assert 'data-testid="final-score">100</td><td data-testid="attempts">1</td>' in html
    rows = client.get(url + "?format=csv").content.decode("utf-8-sig").splitlines()
    assert "Nilai akhir kuis (terbaik tiap kuis)" in rows[0]
    mine = next(row for row in rows if pegawai.employee.nip in row).split(",")
    assert mine[6:8] == ["100", "2"]
    sheet = load_workbook(io.BytesIO(client.get(url + "?format=xlsx").content)).active
    values = {row[0]: row[6:8] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert tuple(values[pegawai.employee.nip]) in {(100, 2), ("100", "2")}


@pytest.mark.django_db
def test_report_query_count_does_not_grow_with_learners(
    client, hr_with_mfa, course, lessons, unit, django_assert_max_num_queries
):
    client.force_login(hr_with_mfa)
    url = reverse("course_report", args=[course.pk])

    def learners(count):
        for _ in range(count):
            enrollment = services.enrollment_create(employee=EmployeeFactory(unit=unit), course=course)
            services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
            services.quiz_submit(
                enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1
            )

    learners(1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Each count from the same state: the process warmed, the cache empty.
    client.get(url)
    cache_empty()
    with CaptureQueriesContext(connection) as counted:
        assert client.get(url).status_code == 200
    few = len(counted.captured_queries)
    learners(5)
    client.get(url)
    cache_empty()
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_exports_are_csv_and_xlsx_with_formulas_neutralised(client, hr_with_mfa, course, unit):
    employee = EmployeeFactory(unit=unit, name='=HYPERLINK("http://jahat")')
    services.enrollment_create(employee=employee, course=course)
    client.force_login(hr_with_mfa)
    url = reverse("course_report", args=[course.pk])
    csv_response = client.get(url + "?format=csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    text = csv_response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and employee.nip in text
    xlsx = client.get(url + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ['\'=HYPERLINK("http://jahat")']


def test_safe_cell():
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("Budi") == "Budi"
    assert safe_cell(5) == 5


@pytest.mark.django_db
def test_other_trainers_cannot_see_a_report_without_edit_rights(client, pegawai, course):
    client.force_login(pegawai)
    assert client.get(reverse("course_report", args=[course.pk])).status_code == 403


@pytest.mark.django_db
def test_hr_assigns_by_nip_through_the_assignment_service(client, hr_with_mfa, course, unit, make_person):
    from appraisal_link.models import Assignment
    from portal.notifications.models import Kind, Notification

    people = [make_person(roles.PEGAWAI, unit=unit).employee for _ in range(2)] + [EmployeeFactory(unit=unit)]
    client.force_login(hr_with_mfa)
    due = timezone.localdate() + datetime.timedelta(days=20)
    url = reverse("appraisal_course_assign", args=[course.pk])
    response = client.post(url, {"nips": "\n".join(e.nip for e in people), "due_date": due.isoformat()})
    assert response["Location"] == reverse("course_report", args=[course.pk])
    assignments = Assignment.objects.filter(course=course)
    assert assignments.count() == 3 and {a.due_date for a in assignments} == {due}
    assert {a.reason for a in assignments} == {"Ditugaskan BKPSDM"}
    assert Enrollment.objects.filter(course=course, source="penugasan").count() == 3
    # Everyone with an account is told, as for any assignment; the reminders follow from the assignment.
    assert Notification.objects.filter(kind=Kind.ASSIGNMENT_CREATED).count() == 2
    # Posting the same list again assigns nothing new.
    client.post(url, {"nips": "\n".join(e.nip for e in people), "due_date": due.isoformat()})
    assert Assignment.objects.filter(course=course).count() == 3


@pytest.mark.django_db
def test_unknown_nip_assigns_nobody_and_keeps_the_list(client, hr_with_mfa, course, unit):
    person = EmployeeFactory(unit=unit)
    client.force_login(hr_with_mfa)
    url = reverse("appraisal_course_assign", args=[course.pk])
    due = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    response = client.post(url, {"nips": f"{person.nip}\n199001012015031999", "due_date": due})
    assert response.status_code == 400
    assert response.context["assign_form"].has_error("nips", code="unknown_nip")
    html = response.content.decode()
    assert "199001012015031999" in html and person.nip in html  # the refusal names the unknown NIP
    assert not Enrollment.objects.exists()
    assert client.post(url, {"nips": person.nip, "due_date": ""}).status_code == 400


@pytest.mark.django_db
def test_trainer_cannot_assign_or_revoke(client, pelatih_with_mfa, course, unit):
    services.course_trainer_add(course=course, user=pelatih_with_mfa)
    person = EmployeeFactory(unit=unit)
    client.force_login(pelatih_with_mfa)
    response = client.post(reverse("appraisal_course_assign", args=[course.pk]), {"nips": person.nip})
    assert response.status_code == 403  # HR's screens: a plain 403 for anyone else
    assert client.post(reverse("course_report", args=[course.pk]), {"nips": person.nip}).status_code == 405
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_hr_revokes_a_certificate(client, hr_with_mfa, pegawai, course, lessons):
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    certificate = services.certificate_issue(enrollment_id=enrollment.pk)
    client.force_login(hr_with_mfa)
    url = reverse("certificate_revoke", args=[certificate.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Salah data"}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert "DICABUT" in client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()


@pytest.mark.django_db
def test_trainer_creates_a_course_in_the_admin(client, pelatih_with_mfa):
    pelatih = pelatih_with_mfa
    catalog = CourseIndexPage.objects.get()
    client.force_login(pelatih)
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalog.pk])
    assert client.get(url).status_code == 200
    data = {
        "title": "Dasar Spreadsheet",
        "slug": "dasar-spreadsheet",
        "summary": "Mengolah data dengan spreadsheet.",
        "category": "tik",
        "level": "dasar",
        "jp": "3",
        "enrolment": "terbuka",
        "pass_mark": "70",
        "body-count": "0",
        "competencies-TOTAL_FORMS": "1",
        "competencies-INITIAL_FORMS": "0",
        "competencies-MIN_NUM_FORMS": "0",
        "competencies-MAX_NUM_FORMS": "1000",
        "competencies-0-competency": str(Competency.objects.get(code="tik-aplikasi-perkantoran").pk),
        "competencies-0-target_level": "2",
        "competencies-0-ORDER": "1",
        "action-submit": "Kirim ke moderasi",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug="dasar-spreadsheet")
    assert not course.live
    assert course.current_workflow_state is not None
    draft = course.get_latest_revision_as_object()
    assert [c.competency.code for c in draft.competencies.all()] == ["tik-aplikasi-perkantoran"]
    # The author is the course's first trainer: they see its learners once it has some.
    assert list(course.trainers.values_list("user", flat=True)) == [pelatih.pk]
    assert client.get(reverse("course_report", args=[course.pk])).status_code == 200
