"""Training notifications: assignment created (once), and the daily reminder windows, run on a fixed clock."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from appraisal_link.models import Assignment
from appraisal_link.services.assignments import assignment_cancel, assignment_create, assignments_bulk_create
from appraisal_link.services.reminders import assignment_reminders_run
from appraisal_link.tasks import assignment_reminders_task
from courses.models import Enrollment
from portal.notifications.models import Kind, Notification
from portal.notifications.quiet_hours import WIB
from portal.people import roles

from ..courses.conftest import make_course
from ..factories import EmployeeFactory

DUE = datetime.date(2026, 3, 20)  # a Friday


def at(day: datetime.date, hour: int = 6) -> datetime.datetime:
    """The beat's run on `day` at `hour` WIB."""
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=WIB)


def days(n: int) -> datetime.date:
    return DUE + datetime.timedelta(days=n)


@pytest.fixture
def remind_course(db):
    return make_course("Literasi Data untuk ASN", jp=4)


@pytest.fixture
def remind_assignment(pegawai, remind_course):
    """An active assignment of `pegawai` (whose supervisor is `atasan`), due on DUE."""
    return Assignment.objects.create(
        employee=pegawai.employee, course=remind_course, reason="Ditugaskan BKPSDM untuk Diskominfo", due_date=DUE
    )


def kinds(user) -> list[str]:
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


# --- assignment created -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_assigning_notifies_the_employee_once_with_reason_and_due_date(pegawai, remind_course, hr):
    due = timezone.localdate() + datetime.timedelta(days=30)
    first = assignment_create(
        employee=pegawai.employee, course=remind_course, due_date=due, reason="karena penilaian 2025", assigned_by=hr
    )
    assignment_create(employee=pegawai.employee, course=remind_course, due_date=due, reason="karena penilaian 2025")
    [notification] = Notification.objects.filter(user=pegawai)
    assert notification.kind == Kind.ASSIGNMENT_CREATED
    assert notification.key == f"assignment:{first.pk}"
    assert notification.title == "Pelatihan ditugaskan: Literasi Data untuk ASN"
    assert "karena penilaian 2025" in notification.body
    months = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
    assert f"{due.day} {months[due.month - 1]} {due.year}" in notification.body
    assert notification.url == remind_course.url
    assert not Notification.objects.exclude(user=pegawai).exists()


@pytest.mark.django_db
def test_an_employee_without_an_account_is_assigned_without_a_notification(unit, remind_course):
    employee = EmployeeFactory(unit=unit)
    assignment_create(
        employee=employee, course=remind_course, due_date=timezone.localdate() + datetime.timedelta(days=9), reason="x"
    )
    assert Assignment.objects.count() == 1
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_bulk_assignment_notifies_each_new_assignee_once(make_person, unit, remind_course):
    people = [make_person(roles.PEGAWAI, unit=unit) for _ in range(3)]
    EmployeeFactory(unit=unit)  # no account: assigned, not notified
    due = timezone.localdate() + datetime.timedelta(days=14)
    assignment_create(employee=people[0].employee, course=remind_course, due_date=due, reason="sendiri")
    result = assignments_bulk_create(course=remind_course, due_date=due, unit=unit)
    assert result["assigned"] == 4
    assert Notification.objects.filter(kind=Kind.ASSIGNMENT_CREATED).count() == 3
    for person in people:
        assert kinds(person) == [Kind.ASSIGNMENT_CREATED]
    assignments_bulk_create(course=remind_course, due_date=due, unit=unit)
    assert Notification.objects.count() == 3


# --- reminder windows ---------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_reminders_follow_the_due_date(remind_assignment, pegawai, atasan):
    assert sum(assignment_reminders_run(now=at(days(-8))).values()) == 0
    assert assignment_reminders_run(now=at(days(-7)))[Kind.DEADLINE_7D] == 1
    assert kinds(pegawai) == [Kind.DEADLINE_7D]
    assert sum(assignment_reminders_run(now=at(days(-2))).values()) == 0
    assert assignment_reminders_run(now=at(days(-1)))[Kind.DEADLINE_1D] == 1
    assert sum(assignment_reminders_run(now=at(days(0))).values()) == 0
    assert assignment_reminders_run(now=at(days(1)))[Kind.OVERDUE] == 1
    assert sum(assignment_reminders_run(now=at(days(2))).values()) == 0
    assert kinds(atasan) == []
    assert assignment_reminders_run(now=at(days(3)))[Kind.OVERDUE_SUPERVISOR] == 1
    assert sum(assignment_reminders_run(now=at(days(30))).values()) == 0

    assert kinds(pegawai) == sorted([Kind.DEADLINE_7D, Kind.DEADLINE_1D, Kind.OVERDUE])
    [to_supervisor] = Notification.objects.filter(user=atasan)
    assert to_supervisor.kind == Kind.OVERDUE_SUPERVISOR
    assert to_supervisor.key == f"assignment:{remind_assignment.pk}:supervisor"
    assert pegawai.employee.name in to_supervisor.title
    assert "Literasi Data untuk ASN" in to_supervisor.body and "3 hari yang lalu" in to_supervisor.body
    assert to_supervisor.url == f"/tim/{pegawai.employee.pk}/"
    keys = set(Notification.objects.filter(user=pegawai).values_list("key", flat=True))
    assert keys == {f"assignment:{remind_assignment.pk}:{suffix}" for suffix in ("7d", "1d", "overdue")}


@pytest.mark.django_db
def test_a_run_twice_creates_each_reminder_once(remind_assignment, pegawai, atasan):
    first = assignment_reminders_run(now=at(days(5)))
    second = assignment_reminders_run(now=at(days(5), hour=7))
    assert first == {"deadline_7d": 0, "deadline_1d": 0, "overdue": 1, "overdue_supervisor": 1}
    assert sum(second.values()) == 0
    assert Notification.objects.count() == 2


@pytest.mark.django_db
def test_a_missed_run_is_made_good_by_the_next_one(remind_assignment, pegawai):
    # No run a week ahead: the run three days before still sends the week-ahead reminder.
    assignment_reminders_run(now=at(days(-3)))
    [notification] = Notification.objects.filter(user=pegawai)
    assert notification.kind == Kind.DEADLINE_7D
    assert notification.title == "Tenggat pelatihan 3 hari lagi: Literasi Data untuk ASN"
    # Nor the day before: on the due date itself the one-day reminder says "today".
    assignment_reminders_run(now=at(days(0)))
    last = Notification.objects.get(user=pegawai, kind=Kind.DEADLINE_1D)
    assert last.title == "Tenggat pelatihan hari ini: Literasi Data untuk ASN"


@pytest.mark.django_db
def test_the_week_reminder_never_follows_the_day_reminder(remind_assignment, pegawai):
    assignment_reminders_run(now=at(days(-1)))
    assert kinds(pegawai) == [Kind.DEADLINE_1D]
    # HR moves the due date five days later: it is within a week again, but the 1-day one was sent.
    Assignment.objects.filter(pk=remind_assignment.pk).update(due_date=days(5))
    assignment_reminders_run(now=at(days(-1)))
    assert kinds(pegawai) == [Kind.DEADLINE_1D]


@pytest.mark.django_db
def test_a_completed_course_is_never_reminded(remind_assignment, pegawai, remind_course):
    Enrollment.objects.create(
        employee=pegawai.employee, course=remind_course, completed_at=timezone.now(), jp_awarded=4, jp_year=2026
    )
    assert remind_assignment.enrollment_id is None  # completion is found without the assignment's link
    for offset in (-7, -1, 1, 3):
        assert sum(assignment_reminders_run(now=at(days(offset))).values()) == 0
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_a_cancelled_assignment_is_told_once_and_never_reminded(remind_assignment, pegawai):
    assignment_cancel(assignment=remind_assignment)
    assignment_cancel(assignment=remind_assignment)
    for offset in (-7, -1, 1, 3):
        assert sum(assignment_reminders_run(now=at(days(offset))).values()) == 0
    [told] = Notification.objects.all()
    assert (told.user, told.kind) == (pegawai, Kind.ASSIGNMENT_CANCELLED)
    assert told.title == "Penugasan dibatalkan: Literasi Data untuk ASN"
    assert "Kemajuan belajar Anda tetap tersimpan" in told.body
    with translation.override("en"):
        assert told.title_display() == "Assignment withdrawn: Literasi Data untuk ASN"


@pytest.mark.django_db
def test_no_account_no_reminder_and_no_supervisor_account_no_supervisor_reminder(unit, remind_course, make_person):
    nobody = EmployeeFactory(unit=unit)
    Assignment.objects.create(employee=nobody, course=remind_course, reason="x", due_date=DUE)
    boss_without_account = EmployeeFactory(unit=unit)
    person = make_person(roles.PEGAWAI, supervisor=boss_without_account)
    Assignment.objects.create(employee=person.employee, course=remind_course, reason="x", due_date=DUE)
    counts = assignment_reminders_run(now=at(days(4)))
    assert counts == {"deadline_7d": 0, "deadline_1d": 0, "overdue": 1, "overdue_supervisor": 0}
    assert kinds(person) == [Kind.OVERDUE]


@pytest.mark.django_db
def test_reminders_are_emailed_in_indonesian(remind_assignment, pegawai, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assignment_reminders_run(now=at(days(-7), hour=10))
    [message] = mail.outbox
    assert message.to == [pegawai.email]
    assert "Tenggat pelatihan 7 hari lagi: Literasi Data untuk ASN" in message.subject
    assert "20 Maret 2026" in message.body


@pytest.mark.django_db
def test_the_task_runs_the_reminders(remind_assignment, pegawai, atasan):
    # The task takes no arguments: it runs on today's date, when the assignment is long overdue.
    Assignment.objects.filter(pk=remind_assignment.pk).update(due_date=timezone.localdate() - datetime.timedelta(9))
    assert assignment_reminders_task.delay().get() == {
        "deadline_7d": 0,
        "deadline_1d": 0,
        "overdue": 1,
        "overdue_supervisor": 1,
    }


# --- a real worker, two runs at once ------------------------------------------------------------------
@pytest.mark.worker
def test_two_runs_through_the_real_worker_create_each_reminder_once(celery_worker_process, make_person, unit):
    course = make_course("Literasi Data untuk ASN", jp=4)
    boss = make_person(roles.ATASAN)
    overdue = timezone.localdate() - datetime.timedelta(days=5)
    people = [make_person(roles.PEGAWAI, unit=unit, supervisor=boss.employee) for _ in range(3)]
    for person in people:
        Assignment.objects.create(employee=person.employee, course=course, reason="x", due_date=overdue)
    results = [assignment_reminders_task.delay(), assignment_reminders_task.delay()]
    counts = [result.get(timeout=60) for result in results]
    assert sum(c["overdue"] for c in counts) == 3
    assert sum(c["overdue_supervisor"] for c in counts) == 3
    for person in people:
        assert kinds(person) == [Kind.OVERDUE]
    assert Notification.objects.filter(user=boss, kind=Kind.OVERDUE_SUPERVISOR).count() == 3
    assert Notification.objects.count() == 6


@pytest.mark.django_db
def test_reminders_read_in_english_for_an_english_reader(remind_assignment, pegawai, atasan):
    assignment_reminders_run(now=at(days(-7)))
    assignment_reminders_run(now=at(days(3)))
    week = Notification.objects.get(user=pegawai, kind=Kind.DEADLINE_7D)
    late = Notification.objects.get(user=atasan, kind=Kind.OVERDUE_SUPERVISOR)
    assert "Maret 2026" in week.body  # the words kept beside the source: the portal's language
    with translation.override("en"):
        assert week.title_display() == "Training due in 7 days: Literasi Data untuk ASN"
        assert "20 March 2026" in week.body_display()
        assert "3 days ago" in late.body_display() and "20 March 2026" in late.body_display()
