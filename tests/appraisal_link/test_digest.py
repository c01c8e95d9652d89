"""The supervisors' weekly digest: what it says, once a week, in a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from appraisal_link.digest import jp_target_so_far
from appraisal_link.models import Assignment
from appraisal_link.services.digest import supervisor_digest_run
from appraisal_link.tasks import supervisor_digest_task
from competency.models import Competency, Gap
from courses.models import Enrollment
from portal.notifications.models import Kind, Notification
from portal.notifications.quiet_hours import WIB
from portal.people import roles

from ..courses.conftest import make_course
from ..factories import EmployeeFactory

MONDAY = datetime.date(2026, 6, 15)  # ISO week 25
NOW = datetime.datetime.combine(MONDAY, datetime.time(6, 30), tzinfo=WIB)


def gap(employee, code, *, opened_days_ago=None, closed_days_ago=None):
    """A gap of `employee` in competency `code`, opened (and perhaps closed) that many days before NOW."""
    record = Gap.objects.create(
        employee=employee,
        competency=Competency.objects.get(code=code),
        source=Gap.Source.STANDARD,
        origin="standar",
        reason="standar jabatan",
        required_level=3,
        current_level=1,
    )
    changes = {"opened_at": NOW - datetime.timedelta(days=opened_days_ago if opened_days_ago is not None else 60)}
    if closed_days_ago is not None:
        changes.update(status=Gap.Status.CLOSED, closed_at=NOW - datetime.timedelta(days=closed_days_ago))
    Gap.objects.filter(pk=record.pk).update(**changes)
    return record


@pytest.fixture
def digest_team(make_person, atasan, unit):
    """`atasan` leads Budi (one course overdue, 0 JP) and Rina (20 JP, nothing overdue)."""
    budi = make_person(roles.PEGAWAI, supervisor=atasan.employee, first_name="Budi Santoso")
    rina = make_person(roles.PEGAWAI, supervisor=atasan.employee, first_name="Rina Lestari")
    course = make_course("Pelayanan Publik Prima", jp=4)
    done = make_course("Etika ASN", jp=20)
    Assignment.objects.create(
        employee=budi.employee, course=course, reason="x", due_date=MONDAY - datetime.timedelta(days=4)
    )
    # Not overdue: due later, completed, or cancelled.
    Assignment.objects.create(employee=rina.employee, course=course, reason="x", due_date=MONDAY)
    Assignment.objects.create(
        employee=rina.employee, course=done, reason="x", due_date=MONDAY - datetime.timedelta(days=10)
    )
    Enrollment.objects.create(employee=rina.employee, course=done, completed_at=NOW, jp_awarded=20, jp_year=2026)
    Assignment.objects.create(
        employee=budi.employee,
        course=done,
        reason="x",
        due_date=MONDAY - datetime.timedelta(days=10),
        cancelled_at=NOW,
    )
    gap(budi.employee, "mengelola-perubahan", opened_days_ago=2)
    gap(rina.employee, "mengelola-perubahan", opened_days_ago=3)
    gap(rina.employee, "integritas", opened_days_ago=40, closed_days_ago=1)
    gap(budi.employee, "integritas", opened_days_ago=40)  # old and still open: not news
    return {"budi": budi, "rina": rina}


@pytest.mark.django_db
def test_the_digest_tells_the_supervisor_about_the_team(digest_team, atasan):
    assert supervisor_digest_run(now=NOW) == {"supervisors": 1, "sent": 1}
    [digest] = Notification.objects.filter(user=atasan)
    assert digest.kind == Kind.SUPERVISOR_DIGEST
    assert digest.key == "digest:2026-W25"
    assert digest.title == "Ringkasan mingguan tim Anda (minggu 25/2026)"
    assert digest.url == "/tim/"
    body = digest.body
    assert "Tim Anda: 2 orang. Periode 8 Juni 2026 – 15 Juni 2026." in body
    assert "Pelatihan terlambat: 1\n- Budi Santoso: Pelayanan Publik Prima (tenggat 11 Juni 2026)" in body
    assert "Etika ASN" not in body  # completed by Rina, cancelled for Budi
    assert "Kesenjangan kompetensi 7 hari terakhir: 2 terbuka, 1 tertutup." in body
    assert "- Terbuka: Mengelola Perubahan 2" in body
    assert "- Tertutup: Integritas 1" in body
    target = jp_target_so_far(MONDAY)
    assert target == 9  # 20 JP × 166/365 days
    assert f"Di bawah target JP: 1 (target hingga hari ini {target} dari 20 JP)\n- Budi Santoso: 0 JP" in body
    assert "Rina Lestari: 20 JP" not in body
    # Only supervisors get one.
    assert Notification.objects.count() == 1


@pytest.mark.django_db
def test_the_digest_is_sent_once_a_week(digest_team, atasan):
    supervisor_digest_run(now=NOW)
    assert supervisor_digest_run(now=NOW)["sent"] == 0
    assert supervisor_digest_run(now=NOW + datetime.timedelta(days=3))["sent"] == 0  # Thursday, same week
    assert supervisor_digest_run(now=NOW + datetime.timedelta(days=7))["sent"] == 1
    assert list(Notification.objects.filter(user=atasan).order_by("key").values_list("key", flat=True)) == [
        "digest:2026-W25",
        "digest:2026-W26",
    ]


@pytest.mark.django_db
def test_a_team_with_nothing_to_report_gets_no_digest(make_person, atasan):
    member = make_person(roles.PEGAWAI, supervisor=atasan.employee)
    Enrollment.objects.create(
        employee=member.employee, course=make_course("Etika ASN", jp=20), completed_at=NOW, jp_awarded=20, jp_year=2026
    )
    assert supervisor_digest_run(now=NOW) == {"supervisors": 1, "sent": 0}
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_the_digest_reads_in_a_constant_number_of_queries(digest_team, make_person, unit):
    with CaptureQueriesContext(connection) as one_team:
        supervisor_digest_run(now=NOW)
    Notification.objects.all().delete()
    for _ in range(3):
        boss = make_person(roles.ATASAN)
        for _ in range(2):
            member = make_person(roles.PEGAWAI, supervisor=boss.employee)
            gap(member.employee, "integritas", opened_days_ago=1)
    EmployeeFactory(unit=unit, supervisor=digest_team["budi"].employee)  # a report without an account
    with CaptureQueriesContext(connection) as four_teams:
        assert supervisor_digest_run(now=NOW) == {"supervisors": 5, "sent": 5}
    assert len(four_teams) == len(one_team)


@pytest.mark.django_db
def test_the_task_sends_the_digest(digest_team, atasan):
    result = supervisor_digest_task.delay().get()
    assert result["supervisors"] == 1


@pytest.mark.django_db
def test_the_digest_reads_in_english_for_an_english_reader(digest_team, atasan):
    supervisor_digest_run(now=NOW)
    [digest] = Notification.objects.filter(user=atasan)
    with translation.override("en"):
        title, body = digest.title_display(), digest.body_display()
    assert title == "Weekly summary of your team (week 25/2026)"
    assert "Your team: 2 people. Period 8 June 2026 – 15 June 2026." in body
    assert "- Budi Santoso: Pelayanan Publik Prima (due 11 June 2026)" in body
    assert "Tenggat" not in body and "Juni" not in body
