"""A completion issues its certificate through the real Celery worker (CI: Redis + PostgreSQL)."""

import time

import pytest

from courses import services
from courses.models import Certificate
from courses.tasks import certificate_issue_task

from .conftest import correct_answers, make_course


@pytest.mark.worker
def test_completion_issues_the_certificate_through_the_worker(celery_worker_process, pegawai):
    course = make_course()
    reading, quiz = [page.specific for page in course.get_children().order_by("path")]
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    # Nothing was issued in this process: the task went to the broker after commit.
    deadline = time.monotonic() + 30
    while not Certificate.objects.filter(enrollment=enrollment).exists():
        assert time.monotonic() < deadline, "the worker issued no certificate within 30 s"
        time.sleep(0.2)
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.sha256 and certificate.holder_nip == pegawai.employee.nip
    # Issuing again (a retried task) returns the same certificate.
    assert certificate_issue_task.delay(enrollment.pk).get(timeout=30) == certificate.code
    assert Certificate.objects.count() == 1
