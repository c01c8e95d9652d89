"""HR's assignments: confirm before assigning, the list with filters, change a due date, cancel."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from appraisal_link.models import Assignment, Rating
from appraisal_link.services.assignments import assignment_create, assignments_bulk_create
from competency.models import Competency
from courses.models import CourseCompetency
from portal.people import roles
from portal.people.models import Employee

from ..conftest import cache_empty
from ..courses.conftest import make_course
from .test_gaps_and_assignments import appraise

TODAY = timezone.localdate()
NEXT_MONTH = TODAY + datetime.timedelta(days=30)


@pytest.fixture
def change_course(db):
    course = make_course("Mengelola Perubahan di Tempat Kerja", category="perubahan", jp=2)
    CourseCompetency.objects.create(
        course=course, competency=Competency.objects.get(code="mengelola-perubahan"), target_level=3
    )
    return course


def _post(client, **data):
    return client.post(reverse("appraisal_assign"), data)


@pytest.mark.django_db
def test_assigning_asks_to_confirm_n_people_before_creating(client, hr_with_mfa, make_person, unit, change_course):
    people = [make_person(roles.PEGAWAI, unit=unit) for _ in range(3)]
    client.force_login(hr_with_mfa)
    data = {"course": change_course.pk, "due_date": NEXT_MONTH.isoformat(), "target": "unit", "unit": unit.pk}
    response = _post(client, **data)
    html = response.content.decode()
    assert response.status_code == 200
    expected = Employee.objects.filter(unit=unit, is_active=True).count()  # the three, and HR's own record
    assert f"Anda akan menugaskan {expected} orang" in html
    assert all(p.employee.name in html for p in people)
    assert not Assignment.objects.exists()
    digest = response.context["digest"]
    response = _post(client, **data, konfirmasi=digest)
    assert response.status_code == 302 and response["Location"].startswith(reverse("appraisal_assignments"))
    assert Assignment.objects.count() == expected


@pytest.mark.django_db
def test_a_forged_confirm_with_changed_data_is_validated_again(
    client, hr_with_mfa, make_person, unit, other_unit, change_course
):
    make_person(roles.PEGAWAI, unit=unit)
    [make_person(roles.PEGAWAI, unit=other_unit) for _ in range(2)]
    expected = Employee.objects.filter(unit=other_unit, is_active=True).count()
    client.force_login(hr_with_mfa)
    data = {"course": change_course.pk, "due_date": NEXT_MONTH.isoformat(), "target": "unit", "unit": unit.pk}
    digest = _post(client, **data).context["digest"]
    # The confirm carries another unit: nothing is made, HR sees the new list to confirm.
    response = _post(client, **{**data, "unit": other_unit.pk}, konfirmasi=digest)
    assert response.status_code == 409
    assert f"Anda akan menugaskan {expected} orang" in response.content.decode()
    assert not Assignment.objects.exists()
    # A past due date on confirm is refused by the form, not created.
    response = _post(client, **{**data, "due_date": "2000-01-01"}, konfirmasi=digest)
    assert response.status_code == 400 and not Assignment.objects.exists()
    assert response.context["form"].has_error("due_date", code="due_past")


@pytest.mark.django_db
def test_from_a_heatmap_cell_the_form_has_that_unit_and_the_courses_of_that_competency(
    client, hr_with_mfa, make_person, unit, other_unit, change_course
):
    other_course = make_course("Kursus Lain")
    inside = make_person(roles.PEGAWAI, unit=unit)
    outside = make_person(roles.PEGAWAI, unit=other_unit)
    for person in (inside, outside):
        appraise(person.employee, adaptif=Rating.BELOW)
    competency = Competency.objects.get(code="mengelola-perubahan")
    client.force_login(hr_with_mfa)
    cell = client.get(reverse("appraisal_heatmap_cell", args=[unit.pk, competency.pk])).content.decode()
    link = f"{reverse('appraisal_assign')}?sel_unit={unit.pk}&amp;sel_kompetensi={competency.pk}"
    assert link in cell
    response = client.get(link.replace("&amp;", "&"))
    form = response.context["form"]
    assert set(form.fields) == {"course", "due_date", "unit", "competency"}
    assert list(form.fields["course"].queryset) == [change_course]
    assert other_course.title not in response.content.decode()
    data = {
        "sel_unit": unit.pk,
        "sel_kompetensi": competency.pk,
        "course": change_course.pk,
        "due_date": NEXT_MONTH.isoformat(),
        "unit": unit.pk,
        "competency": competency.pk,
    }
    response = _post(client, **data)
    assert "Anda akan menugaskan 1 orang" in response.content.decode()
    assert _post(client, **data, konfirmasi=response.context["digest"]).status_code == 302
    assert list(Assignment.objects.values_list("employee_id", flat=True)) == [inside.employee.pk]
    # A course that does not close the competency is refused.
    assert _post(client, **{**data, "course": other_course.pk}).status_code == 400


@pytest.mark.django_db
def test_the_list_filters_by_unit_course_status_and_due_date(
    client, hr_with_mfa, make_person, unit, other_unit, change_course
):
    other_course = make_course("Kursus Lain")
    a = make_person(roles.PEGAWAI, unit=unit).employee
    b = make_person(roles.PEGAWAI, unit=other_unit).employee
    first = assignment_create(employee=a, course=change_course, due_date=NEXT_MONTH, reason="x")
    overdue = assignment_create(employee=b, course=other_course, due_date=TODAY, reason="y")
    Assignment.objects.filter(pk=overdue.pk).update(due_date=TODAY - datetime.timedelta(days=3))
    cancelled = assignment_create(employee=b, course=change_course, due_date=NEXT_MONTH, reason="z")
    Assignment.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())
    client.force_login(hr_with_mfa)
    url = reverse("appraisal_assignments")

    def shown(**query):
        response = client.get(url, query)
        assert response.status_code == 200
        return {x.pk for x in response.context["page"]}

    assert shown() == {first.pk, overdue.pk, cancelled.pk}
    assert shown(unit=unit.pk) == {first.pk}
    assert shown(kursus=other_course.pk) == {overdue.pk}
    assert shown(status="aktif") == {first.pk}
    assert shown(status="terlambat") == {overdue.pk}
    assert shown(status="dibatalkan") == {cancelled.pk}
    assert shown(status="selesai") == set()
    assert shown(tenggat_sampai=TODAY.isoformat()) == {overdue.pk}
    assert shown(tenggat_dari=TODAY.isoformat()) == {first.pk, cancelled.pk}
    assert client.get(url, {"status": "bukan"}).status_code == 400


@pytest.mark.django_db
def test_the_list_query_count_is_flat(
    client, hr_with_mfa, make_person, unit, change_course, django_assert_max_num_queries
):
    client.force_login(hr_with_mfa)
    url = reverse("appraisal_assignments")

    def more(count):
        for _ in range(count):
            person = make_person(roles.PEGAWAI, unit=unit)
            assignment_create(employee=person.employee, course=change_course, due_date=NEXT_MONTH, reason="x")

    more(1)
    # Each count from the same state: the process warmed, the cache empty.
    client.get(url)
    cache_empty()
    with CaptureQueriesContext(connection) as counted:
        client.get(url)
    few = len(counted.captured_queries)
    more(6)
    client.get(url)
    cache_empty()
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_hr_changes_a_due_date_and_cancels_after_confirming(client, hr_with_mfa, pegawai, change_course):
    assignment = assignment_create(employee=pegawai.employee, course=change_course, due_date=NEXT_MONTH, reason="x")
    client.force_login(hr_with_mfa)
    due_url = reverse("appraisal_assignment_due", args=[assignment.pk])
    later = NEXT_MONTH + datetime.timedelta(days=10)
    assert client.post(due_url, {"due_date": "2000-01-01"}).status_code == 400
    assert client.post(due_url, {"due_date": later.isoformat()}).status_code == 302
    assignment.refresh_from_db()
    assert assignment.due_date == later
    assert timezone.localdate(assignment.enrollment.due_at) == later
    cancel_url = reverse("appraisal_assignment_cancel", args=[assignment.pk])
    page = client.get(cancel_url)
    assert "Ya, batalkan penugasan" in page.content.decode()
    assignment.refresh_from_db()
    assert assignment.cancelled_at is None  # asking is not cancelling
    assert client.post(cancel_url).status_code == 302
    assignment.refresh_from_db()
    assert assignment.cancelled_at is not None
    assignment.enrollment.refresh_from_db()
    assert assignment.enrollment.due_at is None  # the deadline is withdrawn, the learning kept
    assert client.post(due_url, {"due_date": later.isoformat()}).status_code == 400


@pytest.mark.django_db
def test_a_unit_assignment_reason_is_shown_in_the_readers_language(make_person, unit, change_course):
    person = make_person(roles.PEGAWAI, unit=unit)
    with translation.override("id"):
        assignments_bulk_create(course=change_course, due_date=NEXT_MONTH, unit=unit)
    assignment = Assignment.objects.get(employee=person.employee)
    assert assignment.reason_source["msgid"] == "Ditugaskan BKPSDM untuk %(unit)s"
    assert assignment.reason.startswith("Ditugaskan BKPSDM")
    typed = assignment_create(
        employee=make_person(roles.PEGAWAI, unit=unit).employee,
        course=change_course,
        due_date=NEXT_MONTH,
        reason="Persiapan rotasi",
    )
    assert typed.reason_source == {} and typed.reason_display() == "Persiapan rotasi"
