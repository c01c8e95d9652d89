"""HR reports: heatmap with drill-down, JP compliance, gap closure and effectiveness; exports;
query counts that do not grow with the number of employees; HR only."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from appraisal_link.models import Rating
from appraisal_link.services.assignments import assignment_create
from competency.models import Competency, Gap
from courses import services as course_services
from courses.models import CourseCompetency
from portal.people import roles

from ..courses.conftest import correct_answers, make_course
from .test_gaps_and_assignments import appraise

REPORTS = ["appraisal_heatmap", "appraisal_jp", "appraisal_closure"]


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("name", REPORTS)
def test_report_query_counts_do_not_grow(client, hr_with_mfa, make_person, unit, name):
    client.force_login(hr_with_mfa)
    appraise(make_person(roles.PEGAWAI, unit=unit).employee, adaptif=Rating.BELOW)
    url = reverse(name)
    before = queries(client, url)
    for _ in range(10):
        appraise(make_person(roles.PEGAWAI, unit=unit).employee, adaptif=Rating.BELOW, loyal=Rating.BELOW)
    assert queries(client, url) == before


@pytest.mark.django_db
def test_heatmap_shows_shares_and_drills_down_to_people(client, hr_with_mfa, make_person, unit):
    people = [make_person(roles.PEGAWAI, unit=unit) for _ in range(3)]
    appraise(people[0].employee, adaptif=Rating.BELOW)
    client.force_login(hr_with_mfa)
    html = client.get(reverse("appraisal_heatmap")).content.decode()
    assert "Mengelola Perubahan" in html
    # 1 of the unit's 4 employees (3 + hr's own record is elsewhere? hr is in `unit` too)
    staff = unit.employees.count()
    assert f"{round(100 / staff)}%" in html
    competency = Competency.objects.get(code="mengelola-perubahan")
    cell = client.get(reverse("appraisal_heatmap_cell", args=[unit.pk, competency.pk])).content.decode()
    assert people[0].employee.nip in cell and people[1].employee.nip not in cell


@pytest.mark.django_db
def test_jp_compliance_lists_who_is_behind(client, hr_with_mfa, pegawai):
    course = make_course(jp=20)
    enrollment = course_services.enrollment_create(employee=pegawai.employee, course=course)
    reading, quiz = [p.specific for p in course.get_children().order_by("path")]
    course_services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    course_services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    client.force_login(hr_with_mfa)
    html = client.get(reverse("appraisal_jp")).content.decode()
    behind = html.split("Belum mencapai 20 JP", 1)[1]
    assert hr_with_mfa.employee.nip in behind and pegawai.employee.nip not in behind
    sheet = load_workbook(io.BytesIO(client.get(reverse("appraisal_jp") + "?format=xlsx").content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[pegawai.employee.nip][3] == 20


@pytest.mark.django_db
def test_closure_and_effectiveness(client, hr_with_mfa, pegawai):
    course = make_course("Adaptasi Kerja", jp=2)
    CourseCompetency.objects.create(
        course=course, competency=Competency.objects.get(code="mengelola-perubahan"), target_level=3
    )
    appraise(pegawai.employee, year=2025, adaptif=Rating.BELOW)
    gap = Gap.objects.get()
    assignment = assignment_create(
        employee=pegawai.employee,
        course=course,
        reason=gap.reason,
        gap=gap,
        due_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    reading, quiz = [p.specific for p in course.get_children().order_by("path")]
    course_services.lesson_mark_done(enrollment=assignment.enrollment, lesson=reading)
    course_services.quiz_submit(enrollment=assignment.enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    appraise(pegawai.employee, year=2026, adaptif=Rating.MEETS)  # the next appraisal
    client.force_login(hr_with_mfa)
    html = client.get(reverse("appraisal_closure")).content.decode()
    assert "2025 tahunan" in html
    assert "<td>Adaptif</td><td>1</td>" in html.replace("\n", "")
    csv = client.get(reverse("appraisal_closure") + "?format=csv").content.decode("utf-8-sig")
    assert "2025 tahunan,1,1,1" in csv


@pytest.mark.django_db
@pytest.mark.parametrize("name", [*REPORTS, "appraisal_assign"])
def test_reports_are_for_hr_only(client, pelatih_with_mfa, name):
    client.force_login(pelatih_with_mfa)
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.django_db
def test_hr_assigns_a_course_to_everyone_with_a_gap(client, hr_with_mfa, make_person, unit):
    course = make_course("Adaptasi Kerja")
    people = [make_person(roles.PEGAWAI, unit=unit) for _ in range(2)]
    for person in people:
        appraise(person.employee, adaptif=Rating.BELOW)
    client.force_login(hr_with_mfa)
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    competency = Competency.objects.get(code="mengelola-perubahan")
    data = {"course": course.pk, "due_date": due, "target": "kesenjangan", "competency": competency.pk}
    confirm = client.post(reverse("appraisal_assign"), data)  # first, who will be assigned
    response = client.post(reverse("appraisal_assign"), {**data, "konfirmasi": confirm.context["digest"]})
    assert response.status_code == 302
    assert all(p.employee.assignments.filter(course=course).exists() for p in people)


@pytest.mark.django_db
def test_a_forged_unit_is_refused(client, hr_with_mfa):
    course = make_course("Adaptasi Kerja")
    client.force_login(hr_with_mfa)
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    response = client.post(
        reverse("appraisal_assign"),
        {
            "course": course.pk,
            "due_date": due,
            "target": "unit",
            "unit": "999999",
        },
    )
    assert response.status_code == 400
    assert not course.assignments.exists()
