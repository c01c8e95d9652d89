"""One JP ledger: a portal course and a verified outside activity add up to the same number on the
dashboard, the supervisor's team pages, HR's JP compliance report and its export, and the digest;
what waits for verification or was rejected counts nowhere."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from appraisal_link.digest import supervisor_digests
from courses import services as course_services
from courses.development.services import activity_reject, activity_verify

from ..courses.conftest import correct_answers, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def learned(record, pegawai, atasan):
    """4 JP from a portal course, 16 from a verified bimtek; 8 waiting and 6 rejected."""
    course = make_course(jp=4)
    enrollment = course_services.enrollment_create(employee=pegawai.employee, course=course)
    reading, quiz = [p.specific for p in course.get_children().order_by("path")]
    course_services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    course_services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    activity_verify(activity=record(pegawai.employee), by=atasan)
    record(pegawai.employee, title="Workshop Menunggu", jp=8)
    activity_reject(activity=record(pegawai.employee, title="Seminar Ditolak", jp=6), by=atasan, reason="Tanpa bukti.")
    return pegawai.employee


def test_the_same_jp_everywhere(client, learned, atasan_with_mfa, hr_with_mfa):
    client.force_login(learned.user)
    dashboard = client.get(reverse("dashboard"))
    assert dashboard.context["jp_this_year"] == 20
    assert "4 JP dari kursus portal, 16 JP dari pengembangan di luar portal." in dashboard.content.decode()
    assert client.get(reverse("external_list")).context["ledger"].total == 20

    client.force_login(atasan_with_mfa)
    team = client.get(reverse("team"))
    assert {member.pk: member.jp_this_year for member in team.context["team"]}[learned.pk] == 20
    member = client.get(reverse("team_member", args=[learned.pk]))
    assert member.context["jp_this_year"] == 20 and "Bimtek Keamanan Siber" in member.content.decode()

    client.force_login(hr_with_mfa)
    report = client.get(reverse("appraisal_jp"))
    assert learned.nip not in report.content.decode().split("Belum mencapai 20 JP", 1)[1]
    sheet = load_workbook(io.BytesIO(client.get(reverse("appraisal_jp") + "?format=xlsx").content)).active
    assert {row[0]: row[3] for row in sheet.iter_rows(min_row=2, values_only=True)}[learned.nip] == 20
    rows = csv.reader(io.StringIO(client.get(reverse("appraisal_jp") + "?format=csv").content.decode("utf-8-sig")))
    assert {row[0]: row[3] for row in rows}[learned.nip] == "20"

    year_end = datetime.date(timezone.localdate().year, 12, 31)
    digests = supervisor_digests(today=year_end, since=timezone.now() - datetime.timedelta(days=7))
    behind = {name: jp for digest in digests for name, jp in digest.jp_behind}
    assert learned.name not in behind  # 20 of 20 by the year's end
