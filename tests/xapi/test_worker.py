"""Statements go out through the real Celery worker (CI: Redis + PostgreSQL), which waits and tries
again while the LRS cannot take them."""

import time

import pytest

from courses import services
from courses.xapi.models import Statement

from ..conftest import worker_env, worker_started
from ..courses.conftest import correct_answers, make_course
from ..processes import celery_worker
from .fake_lrs import PASSWORD, USERNAME, FakeLRS


@pytest.mark.worker
def test_the_worker_sends_each_statement_once_and_retries_an_lrs_that_is_down(test_queue, tmp_path, settings, pegawai):
    with FakeLRS() as lrs:
        lrs.fail_next = [503, 503]  # the first two tries
        lrs_settings = {
            "XAPI_LRS_ENDPOINT": lrs.url,
            "XAPI_LRS_USERNAME": USERNAME,
            "XAPI_LRS_PASSWORD": PASSWORD,
            "XAPI_RETRY_SECONDS": "1",
        }
        for name, value in lrs_settings.items():
            setattr(settings, name, value)
        outbox = tmp_path / "outbox"
        outbox.mkdir()
        worker = celery_worker(worker_env(outbox, **lrs_settings), queue=test_queue, log=tmp_path / "worker.log")
        worker.start()
        try:
            worker_started(worker, test_queue)
            course = make_course()
            reading, quiz = [page.specific for page in course.get_children().order_by("path")]
            enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
            services.lesson_mark_done(enrollment=enrollment, lesson=reading)
            services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
            assert Statement.objects.count() == 4  # two lessons, one attempt, the course

            deadline = time.monotonic() + 60
            while Statement.objects.exclude(status=Statement.Status.SENT).exists():
                assert time.monotonic() < deadline, "not every statement was sent within 60 s:\n" + worker.output()
                time.sleep(0.2)
        finally:
            worker.stop()
    assert len(lrs.statements) == 4
    assert len(lrs.requests) == 6  # four statements, two refused tries
    rows = Statement.objects.all()
    assert sum(row.attempts for row in rows) == 6 and {row.last_error for row in rows} == {""}
