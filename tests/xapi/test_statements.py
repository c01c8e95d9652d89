"""Learning events leave the portal as xAPI statements, once each, to the configured LRS (a real HTTP
server here: tests/xapi/fake_lrs.py)."""

import json
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.xapi import statements
from courses.xapi.models import Statement
from courses.xapi.services import LrsUnavailable, statement_send
from courses.xapi.tasks import xapi_send_task
from portal.outbox.models import QueuedTask
from portal.people import roles

from ..courses.conftest import correct_answers, wrong_answers

pytestmark = pytest.mark.django_db


def learn(employee, course, lessons, on_commit):
    """Read the first lesson, fail the quiz once, then pass it (which completes the course)."""
    with on_commit(execute=True):
        enrollment = services.enrollment_create(employee=employee, course=course)
    with on_commit(execute=True):
        services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    with on_commit(execute=True):
        services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=wrong_answers(lessons[1]), number=1)
    with on_commit(execute=True):
        services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=2)
    enrollment.refresh_from_db()
    return enrollment


def test_each_learning_event_reaches_the_lrs_as_one_statement(
    lrs, pegawai, course, lessons, django_capture_on_commit_callbacks, settings
):
    employee = pegawai.employee
    enrollment = learn(employee, course, lessons, django_capture_on_commit_callbacks)

    assert enrollment.is_completed
    sent = [json.loads(r["body"]) for r in lrs.requests]
    summary = [(s["verb"]["display"]["en-US"], s["object"]["definition"]["type"].rsplit("/", 1)[1]) for s in sent]
    assert summary == [
        ("completed", "lesson"),
        ("failed", "assessment"),
        ("passed", "assessment"),
        ("completed", "lesson"),
        ("completed", "course"),
    ]
    assert set(lrs.statements) == {s["id"] for s in sent}
    assert Statement.objects.filter(status=Statement.Status.SENT).count() == 5

    home = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for statement in sent:
        assert statement["actor"] == {"objectType": "Agent", "account": {"homePage": home, "name": str(employee.pk)}}
        text = json.dumps(statement)
        assert employee.name not in text and employee.nip not in text and "@" not in text
    failed, passed = sent[1], sent[2]
    assert failed["result"]["success"] is False and failed["result"]["extensions"][statements.ATTEMPT] == 1
    assert passed["result"]["score"] == {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}
    assert passed["object"]["id"].endswith(lessons[1].url + "#kuis")
    assert passed["context"]["contextActivities"]["parent"][0]["id"].endswith(course.url)
    assert sent[-1]["object"]["definition"]["name"] == {"id-ID": course.title}
    assert sent[-1]["result"]["completion"] is True
    assert sent[0]["id"] == str(uuid.uuid5(statements.NAMESPACE, f"{home}|lesson:{enrollment.progress.first().pk}"))
    assert {r["headers"]["x-experience-api-version"] for r in lrs.requests} == {"1.0.3"}


def test_nothing_is_recorded_without_an_lrs(pegawai, course, lessons, django_capture_on_commit_callbacks, settings):
    settings.XAPI_LRS_ENDPOINT = ""
    learn(pegawai.employee, course, lessons, django_capture_on_commit_callbacks)
    assert not Statement.objects.exists()


def test_a_statement_is_never_sent_twice(lrs, pegawai, course, lessons, django_capture_on_commit_callbacks):
    learn(pegawai.employee, course, lessons, django_capture_on_commit_callbacks)
    first = Statement.objects.order_by("created_at").first()
    count = len(lrs.requests)

    assert xapi_send_task.apply(args=[str(first.pk)]).get() == "skipped"  # a message delivered twice
    assert len(lrs.requests) == count

    # The LRS stored it but its answer was lost: sent again with the same id, stored once there.
    Statement.objects.filter(pk=first.pk).update(status=Statement.Status.WAITING)
    assert statement_send(statement_id=str(first.pk)) == "sent"
    assert len(lrs.requests) == count + 1 and len(lrs.statements) == 5


def test_an_lrs_that_cannot_take_it_now_is_tried_again(
    lrs, pegawai, course, lessons, django_capture_on_commit_callbacks
):
    """Here the tasks run at commit (as in the zero-set-up run); the learner's requests are never
    failed by the LRS. Each statement waits, its task kept in the outbox for a later try (a worker's
    retries: tests/xapi/test_worker.py)."""
    lrs.fail_next = [503] * 1000
    enrollment = learn(pegawai.employee, course, lessons, django_capture_on_commit_callbacks)
    assert enrollment.is_completed
    rows = Statement.objects.all()
    assert [row.status for row in rows] == [Statement.Status.WAITING] * 5 and not lrs.statements
    assert {row.attempts for row in rows} == {1} and all("503" in row.last_error for row in rows)
    queued = QueuedTask.objects.filter(task=xapi_send_task.name)
    assert queued.count() == 5 and not queued.filter(finished_at__isnull=False).exists()
    assert all(task.not_before and task.not_before > timezone.now() for task in queued)

    row = rows.order_by("created_at").first()
    Statement.objects.filter(pk=row.pk).update(status=Statement.Status.WAITING, attempts=0)
    lrs.fail_next = [503]
    with pytest.raises(LrsUnavailable):
        statement_send(statement_id=str(row.pk))
    assert statement_send(statement_id=str(row.pk)) == "sent"
    row.refresh_from_db()
    assert (row.status, row.last_error, row.attempts) == (Statement.Status.SENT, "", 2)


def test_a_refused_statement_fails_and_hr_sends_it_again(
    lrs, pegawai, course, lessons, django_capture_on_commit_callbacks, settings, client, hr_with_mfa
):
    settings.XAPI_LRS_PASSWORD = "salah"
    learn(pegawai.employee, course, lessons, django_capture_on_commit_callbacks)
    failed = Statement.objects.filter(status=Statement.Status.FAILED)
    assert failed.count() == 5 and all("401" in row.last_error for row in failed)

    settings.XAPI_LRS_PASSWORD = "rahasia-lrs"  # HR fixes the credentials
    client.force_login(hr_with_mfa)
    log = client.get(reverse("xapi_log") + "?status=gagal").content.decode()
    assert "Kirim ulang yang gagal" in log and "LRS menjawab 401" in log
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("xapi_resend"), follow=True)
    assert "5 pernyataan dikirim ulang." in response.content.decode()
    assert Statement.objects.filter(status=Statement.Status.SENT).count() == 5 and len(lrs.statements) == 5


def test_the_log_is_hrs_and_its_queries_do_not_grow(
    lrs, pegawai, course, lessons, django_capture_on_commit_callbacks, client, hr_with_mfa, make_person
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    learn(pegawai.employee, course, lessons, django_capture_on_commit_callbacks)
    client.force_login(pegawai)
    assert client.get(reverse("xapi_log")).status_code in (302, 403)
    assert client.post(reverse("xapi_resend")).status_code in (302, 403)

    client.force_login(hr_with_mfa)
    client.get(reverse("xapi_log"))
    with CaptureQueriesContext(connection) as before:
        page = client.get(reverse("xapi_log")).content.decode()
    assert pegawai.employee.name in page and "Terkirim" in page
    other = make_person(roles.PEGAWAI)
    learn(other.employee, course, lessons, django_capture_on_commit_callbacks)
    client.get(reverse("xapi_log"))  # the roles given to the new person are read again
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("xapi_log"))
    assert len(after) == len(before)
    assert client.get(reverse("xapi_log") + "?status=bukan&p=zz").status_code == 200


def test_the_employee_sees_in_my_data_what_was_sent_about_them(
    lrs, pegawai, course, lessons, django_capture_on_commit_callbacks, client
):
    learn(pegawai.employee, course, lessons, django_capture_on_commit_callbacks)
    client.force_login(pegawai)
    page = client.get(reverse("my_data")).content.decode()
    assert "Catatan belajar yang dikirim ke LRS (xAPI)" in page and "Pernyataan xAPI" in page
    assert all(str(row.pk) in page for row in Statement.objects.all())
    download = client.get(reverse("my_data_download"))
    exported = json.loads(b"".join(download.streaming_content) if download.streaming else download.content)
    assert [row["verb"] for row in exported["xapi"]["lrs_statements"]] == [
        "completed",
        "failed",
        "passed",
        "completed",
        "completed",
    ]


def test_the_lrs_checks_each_statement_and_refuses_a_malformed_one(
    lrs, pegawai, course, lessons, django_capture_on_commit_callbacks
):
    learn(pegawai.employee, course, lessons, django_capture_on_commit_callbacks)
    assert len(lrs.statements) == 5  # every statement the portal built passed the LRS's parser
    row = Statement.objects.order_by("created_at").first()
    broken = {**row.body, "result": {"score": {"scaled": "seratus"}}}
    Statement.objects.filter(pk=row.pk).update(body=broken, status=Statement.Status.WAITING)
    assert statement_send(statement_id=str(row.pk)) == "failed"
    row.refresh_from_db()
    assert row.status == Statement.Status.FAILED and row.last_error.startswith("LRS menjawab 400")
