"""The yearly development plan: the employee drafts it for their gaps and goals, submits it once it
reaches the JP target, the direct supervisor approves it or asks for changes; progress follows the
courses completed and the activities verified; HR sees every plan and the agency's needs."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from competency.models import Gap
from courses import services as course_services
from courses.development.models import DevelopmentPlan
from courses.development.selectors import plan_needs, plan_of
from courses.development.services import (
    activity_verify,
    plan_approve,
    plan_for,
    plan_item_add,
    plan_reopen,
    plan_request_changes,
    plan_submit,
)
from portal.notifications.models import Kind, Notification

from ..courses.conftest import correct_answers, make_course

pytestmark = pytest.mark.django_db
YEAR = datetime.date.today().year


def complete(employee, course):
    enrollment = course_services.enrollment_create(employee=employee, course=course)
    reading, quiz = [p.specific for p in course.get_children().order_by("path")]
    course_services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    course_services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)


def test_from_draft_to_approved_each_step_told_once(plan, pegawai, atasan):
    plan_submit(plan=plan)
    told = Notification.objects.filter(kind=Kind.PLAN_SUBMITTED)
    assert list(told.values_list("user_id", flat=True)) == [atasan.pk]
    with pytest.raises(ValidationError) as locked:
        plan_item_add(
            plan=plan, quarter=3, goal="Belajar Python", activity_kind="kursus", activity_title="Python", jp=8
        )
    assert locked.value.code == "locked"
    with pytest.raises(ValidationError) as no_note:
        plan_request_changes(plan=plan, by=atasan, note=" ")
    assert no_note.value.code == "note"
    plan_request_changes(plan=plan, by=atasan, note="Tambahkan coaching di triwulan III.")
    changes = Notification.objects.get(kind=Kind.PLAN_CHANGES)
    assert changes.user == pegawai and "coaching" in str(changes.body)
    plan_item_add(
        plan=plan, quarter=3, goal="Dialog kinerja", activity_kind="coaching", activity_title="Coaching", jp=2
    )
    plan_submit(plan=plan)
    assert told.count() == 2  # a second submission is a second request
    approved = plan_approve(plan=plan, by=atasan)
    assert approved.status == DevelopmentPlan.Status.APPROVED
    assert Notification.objects.filter(kind=Kind.PLAN_APPROVED, user=pegawai).count() == 1
    with pytest.raises(ValidationError) as twice:
        plan_approve(plan=plan, by=atasan)
    assert twice.value.code == "not_submitted"
    assert plan_reopen(plan=plan).status == DevelopmentPlan.Status.DRAFT


def test_a_plan_below_the_target_is_not_submitted(pegawai, gap):
    plan = plan_for(employee=pegawai.employee, year=YEAR)
    plan_item_add(plan=plan, quarter=1, gap=gap, activity_kind="bimtek", activity_title="Bimtek", jp=12)
    with pytest.raises(ValidationError) as refused:
        plan_submit(plan=plan)
    assert refused.value.code == "below_target"
    assert not Notification.objects.filter(kind=Kind.PLAN_SUBMITTED).exists()


@pytest.mark.parametrize("forged", ["someone_elses_gap", "both", "neither", "draft_course", "unknown_kind", "no_goal"])
def test_a_forged_item_is_refused(plan, gap, make_person, forged):
    from competency.models import Competency

    other = make_person().employee
    other_gap = Gap.objects.create(
        employee=other,
        competency=Competency.objects.first(),
        source="penilaian",
        origin="x",
        reason="x",
        required_level=3,
    )
    draft = make_course("Draf", jp=2)
    draft.unpublish()
    course = make_course("Lain", jp=2)
    data = {
        "someone_elses_gap": {"gap": other_gap, "course": course},
        "both": {"gap": gap, "course": course, "activity_kind": "bimtek", "activity_title": "X", "jp": 2},
        "neither": {"gap": gap},
        "draft_course": {"gap": gap, "course": draft},
        "unknown_kind": {"gap": gap, "activity_kind": "liburan", "activity_title": "X", "jp": 2},
        "no_goal": {"course": course},
    }[forged]
    code = {"someone_elses_gap": "gap", "both": "what", "neither": "what", "draft_course": "course"}.get(forged)
    with pytest.raises(ValidationError) as refused:
        plan_item_add(plan=plan, quarter=1, **data)
    assert refused.value.code == (code or {"unknown_kind": "kind", "no_goal": "goal"}[forged])
    assert plan.items.count() == 2


def test_progress_follows_courses_completed_and_activities_verified(plan, pegawai, atasan, record):
    course = plan.items.get(course__isnull=False).course
    assert plan_of(employee=pegawai.employee, year=YEAR).done_count == 0
    complete(pegawai.employee, course)
    assert plan_of(employee=pegawai.employee, year=YEAR).done_jp == 4
    bimtek = plan.items.get(course__isnull=True)
    waiting = record(pegawai.employee, title="Kegiatan Lain", plan_item=bimtek)
    assert plan_of(employee=pegawai.employee, year=YEAR).done_jp == 4  # not verified yet
    activity_verify(activity=waiting, by=atasan)
    progress = plan_of(employee=pegawai.employee, year=YEAR)
    assert (progress.done_count, progress.done_jp, progress.planned_jp) == (2, 20, 20)


def test_an_activity_with_the_planned_title_counts_without_a_link(plan, pegawai, atasan, record):
    activity_verify(activity=record(pegawai.employee, title="  bimtek MANAJEMEN perubahan"), by=atasan)
    assert plan_of(employee=pegawai.employee, year=YEAR).done_jp == 16


def test_the_employee_works_on_the_plan_in_the_browser_form(client, pegawai, gap):
    course = make_course("Literasi Data", jp=8)
    client.force_login(pegawai)
    assert client.get(reverse("plan_mine")).status_code == 200
    url = reverse("plan_item_add")
    add = client.post(url, {"tahun": YEAR, "gap": gap.pk, "course": course.pk, "quarter": 2})
    assert add.status_code == 302
    bad = client.post(url, {"tahun": YEAR, "gap": gap.pk, "quarter": 2})
    assert bad.status_code == 400 and bad.context["form"].has_error("__all__", code="what")
    client.post(
        url,
        {
            "tahun": YEAR,
            "goal": "Menulis naskah dinas",
            "activity_kind": "workshop",
            "activity_title": "Workshop Naskah",
            "jp": "12",
            "quarter": 3,
        },
    )
    plan = DevelopmentPlan.objects.get()
    assert plan.items.count() == 2
    assert client.post(reverse("plan_submit"), {"tahun": YEAR}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.SUBMITTED
    item = plan.items.first()
    client.post(reverse("plan_item_remove", args=[item.pk]), {"tahun": YEAR})
    assert plan.items.count() == 2  # locked while submitted
    assert "plan-panel" in client.get(reverse("dashboard")).content.decode()


def test_who_sees_and_who_decides(client, plan, pegawai, atasan_with_mfa, hr_with_mfa, make_person, with_totp):
    from portal.people import roles

    plan_submit(plan=plan)
    url = reverse("plan_review", args=[plan.pk])
    other_supervisor = make_person(roles.ATASAN)
    with_totp(other_supervisor)
    for user, seen in ((pegawai, 200), (atasan_with_mfa, 200), (hr_with_mfa, 200), (other_supervisor, 404)):
        client.force_login(user)
        assert client.get(url).status_code == seen
    for user in (pegawai, hr_with_mfa, other_supervisor):
        client.force_login(user)
        assert client.post(url, {"keputusan": "setujui"}).status_code == 404
    client.force_login(atasan_with_mfa)
    assert client.post(url, {"keputusan": "setujui", "note": "Bagus."}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.APPROVED and plan.decided_by == atasan_with_mfa


def test_the_team_page_costs_the_same_queries_with_more_plans(client, plan, atasan_with_mfa, make_person, gap):
    client.force_login(atasan_with_mfa)

    def count():
        client.get(reverse("plan_team"))  # warm: the account, employee records and roles read again after changes
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("plan_team")).status_code == 200
        return len(queries)

    before = count()
    for n in range(3):
        other = make_person(supervisor=atasan_with_mfa.employee).employee
        more = plan_for(employee=other, year=YEAR)
        plan_item_add(plan=more, quarter=1, goal=f"Tujuan {n}", course=make_course(f"Kursus {n}", jp=20))
    assert count() == before


def test_hr_sees_every_plan_and_the_agencys_needs(client, plan, hr_with_mfa, atasan):
    plan_submit(plan=plan)
    plan_approve(plan=plan, by=atasan)
    needs = plan_needs(year=YEAR)
    assert sum(n.planned_jp for n in needs) == 20 and {n.people for n in needs} == {1}
    client.force_login(hr_with_mfa)
    assert plan.employee.name in client.get(reverse("development_plans")).content.decode()
    page = client.get(reverse("development_needs")).content.decode()
    assert needs[0].competency in page
    rows = list(
        csv.reader(io.StringIO(client.get(reverse("development_needs") + "?format=csv").content.decode("utf-8-sig")))
    )
    assert rows[0][0] == "Kompetensi" and sum(int(r[3]) for r in rows[1:]) == 20


def test_hrs_plan_pages_cost_the_same_queries_with_more_plans(client, plan, hr_with_mfa, atasan, make_person):
    client.force_login(hr_with_mfa)
    client.get(reverse("development_plans"))

    def count():
        numbers = []
        for name in ("development_plans", "development_needs"):
            client.get(reverse(name))  # warm: roles and the bell read again after the changes
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse(name)).status_code == 200
            numbers.append(len(queries))
        return numbers

    plan_submit(plan=plan)
    before = count()
    for n in range(3):
        other = plan_for(employee=make_person(supervisor=atasan.employee).employee, year=YEAR)
        plan_item_add(plan=other, quarter=2, goal=f"Tujuan {n}", course=make_course(f"Kursus {n}", jp=20))
        plan_submit(plan=other)
    assert count() == before
