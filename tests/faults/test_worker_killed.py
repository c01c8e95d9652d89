"""A Celery worker killed with kill -9 in the middle of a batch (issue #17): once a new worker starts
under the same name, every certificate exists exactly once, the import finished whole (or not at
all), and no e-mail left twice beyond the one in flight when the worker died (at least once, as
docs/operations.md says). Real processes: the worker, Redis, PostgreSQL, an SMTP server."""

import asyncio
import hashlib
from collections import Counter

import pytest
from aiosmtpd.controller import Controller
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from appraisal_link.models import Appraisal, AppraisalImport
from appraisal_link.services.import_jobs import appraisal_import_create
from courses import services
from courses.models import Certificate
from portal.notifications.models import EmailStatus, Kind, Notification
from portal.notifications.services import Draft, notify_many
from portal.outbox.models import QueuedTask
from portal.people.models import Employee

from ..appraisal_link.conftest import csv_bytes, record
from ..courses.conftest import correct_answers, make_course
from ..factories import EmployeeFactory, PositionFactory, UnitFactory, UserFactory
from ..processes import free_port, wait_until

pytestmark = pytest.mark.worker


def kill_midway(worker, done, total: int, *, at_least: int) -> int:
    """kill -9 the worker once `done()` reaches `at_least`; the batch must not be over by then."""
    wait_until(lambda: done() >= at_least, timeout=120, what=f"{at_least} of {total} done")
    worker.kill()
    count = done()
    assert count < total, "the batch finished before the kill: the test needs a longer batch"
    return count


def writing(job: AppraisalImport) -> bool:
    """Every row read and checked, the job not finished: the import's transaction is writing."""
    job.refresh_from_db()
    return job.total_rows > 0 and job.processed_rows == job.total_rows


def test_a_killed_certificate_batch_is_finished_by_the_next_worker_each_once(start_worker):
    course = make_course()
    reading, quiz = [page.specific for page in course.get_children().order_by("path")]
    total = 60
    for employee in EmployeeFactory.create_batch(total):
        enrollment = services.enrollment_create(employee=employee, course=course)
        services.lesson_mark_done(enrollment=enrollment, lesson=reading)
        services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    assert QueuedTask.objects.filter(task="courses.tasks.certificate_issue_task").count() == total

    worker = start_worker()
    issued = kill_midway(worker, Certificate.objects.count, total, at_least=10)

    start_worker()
    wait_until(lambda: Certificate.objects.count() >= total, timeout=300, what="every certificate")
    wait_until(lambda: not QueuedTask.objects.filter(finished_at__isnull=True).exists(), what="the outbox empty")
    assert issued < total
    certificates = list(Certificate.objects.all())
    assert len(certificates) == total
    assert Counter(c.enrollment_id for c in certificates).most_common(1)[0][1] == 1
    assert not QueuedTask.objects.filter(failed=True).exists()
    for certificate in certificates:
        with certificate.pdf.open("rb") as pdf:
            assert hashlib.sha256(pdf.read()).hexdigest() == certificate.sha256


def test_a_killed_import_rolls_back_whole_and_the_next_worker_finishes_it(start_worker, hr):
    unit = UnitFactory(code="DISKOMINFO", name="Dinas Komunikasi dan Informatika")
    PositionFactory(name="Analis SDM Aparatur")
    nips = [f"19850715{cpns}{sex}{n:03d}" for cpns in ("201006", "201007") for sex in (1, 2) for n in range(1, 751)]
    rows = [record(nip=nip, nama=f"Pegawai {i}", unit_kerja=unit.code) for i, nip in enumerate(nips)]
    employees_before = Employee.objects.count()
    worker = start_worker()
    job = appraisal_import_create(
        file=SimpleUploadedFile("penilaian.csv", csv_bytes(rows)), user=hr, new_nips_confirmed=True
    )

    wait_until(lambda: writing(job), timeout=120, what="the import writing")
    worker.kill()
    # Killed inside the import's transaction: nothing of it was kept.
    job.refresh_from_db()
    assert job.status == AppraisalImport.Status.RUNNING
    assert Appraisal.objects.count() == 0
    assert Employee.objects.count() == employees_before

    start_worker()
    wait_until(
        lambda: job.refresh_from_db() or job.status != AppraisalImport.Status.RUNNING,
        timeout=180,
        what="the import finished",
    )
    assert job.status == AppraisalImport.Status.DONE, job.errors
    assert (job.created_count, Appraisal.objects.count()) == (len(rows), len(rows))
    assert Employee.objects.count() == employees_before + len(rows)


class SlowMailbox:
    """An SMTP server that takes its time over each message (so that a kill lands mid-batch)."""

    def __init__(self):
        self.received: list[str] = []

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(0.2)
        self.received.extend(envelope.rcpt_tos)
        return "250 OK"


def test_a_killed_email_batch_sends_each_message_once_but_the_one_in_flight(start_worker):
    mailbox = SlowMailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    try:
        users = UserFactory.create_batch(80)
        noon = timezone.localtime().replace(hour=12, minute=0)  # outside the quiet hours
        drafts = [Draft(user_id=u.pk, kind=Kind.ASSIGNMENT_CREATED, key="uji", title="Uji") for u in users]
        notify_many(drafts=drafts, now=noon)
        env = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
        }
        worker = start_worker(**env)
        kill_midway(worker, lambda: len(mailbox.received), len(users), at_least=5)

        start_worker(**env)
        sent = Notification.objects.filter(kind=Kind.ASSIGNMENT_CREATED, email_status=EmailStatus.SENT)
        wait_until(lambda: sent.count() == len(users), timeout=120, what="every e-mail sent")
        wait_until(lambda: len(set(mailbox.received)) == len(users), timeout=30, what="every e-mail received")
    finally:
        smtp.stop()
    counts = Counter(mailbox.received)
    assert set(counts) == {u.email for u in users}
    assert sum(counts.values()) - len(users) <= 1, counts.most_common(3)
