"""The disk full while the worker writes a certificate PDF (issue #17): a clear error in the worker's
log, no half file anywhere, the task kept in the outbox for a later run, and the certificate issued
whole once there is room. A real worker, a real full file system (a small tmpfs)."""

import datetime
import hashlib
import subprocess

import pytest
from django.utils import timezone

from courses import services
from courses.models import Certificate
from portal.outbox.models import QueuedTask
from portal.outbox.services import FRESH, outbox_relay

from ..courses.conftest import READING, make_course
from ..factories import EmployeeFactory
from ..processes import wait_until

pytestmark = pytest.mark.worker

READING_ONLY = (("Kata sandi", READING),)


@pytest.fixture
def full_disk(tmp_path):
    """A 256 KiB file system, filled to the last byte."""
    mount = tmp_path / "full"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], check=True)  # noqa: S607
    filler = mount / "filler"
    try:
        with open(filler, "wb") as out:
            while True:
                out.write(b"\0" * 4096)
                out.flush()
    except OSError:
        pass
    yield mount
    subprocess.run(["umount", str(mount)], check=True)  # noqa: S607


def files_in(folder) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def test_a_full_disk_fails_the_certificate_clearly_and_it_is_issued_whole_later(full_disk, settings, start_worker):
    settings.PRIVATE_MEDIA_ROOT = str(full_disk)
    worker = start_worker()
    course = make_course(lessons=READING_ONLY)
    [reading] = [page.specific for page in course.get_children()]
    enrollment = services.enrollment_create(employee=EmployeeFactory(), course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    row = QueuedTask.objects.get(task="courses.tasks.certificate_issue_task")

    def put_off() -> bool:
        row.refresh_from_db()
        return row.attempts == 1 and row.published_at is None and row.not_before is not None

    wait_until(put_off, timeout=60, what="the failed task put off for later")
    assert not row.failed and row.finished_at is None
    assert not Certificate.objects.exists()
    assert files_in(full_disk) == ["filler"]  # no half PDF, no partial file left behind
    assert "No space left on device" in worker.output()
    assert f"courses.tasks.certificate_issue_task #{row.pk} failed" in worker.output()

    # Put off by about a minute (the first retry's wait).
    assert datetime.timedelta(seconds=50) < row.not_before - timezone.now() <= datetime.timedelta(minutes=1)

    (full_disk / "filler").unlink()
    # That minute passes: the relay publishes the task (no longer fresh) with its put-off time as
    # the ETA, and the worker runs it then.
    QueuedTask.objects.filter(pk=row.pk).update(not_before=timezone.now())
    assert outbox_relay(now=timezone.now() + FRESH) == 1
    wait_until(Certificate.objects.exists, timeout=60, what="the certificate issued")
    certificate = Certificate.objects.get(enrollment=enrollment)
    with certificate.pdf.open("rb") as pdf:
        assert hashlib.sha256(pdf.read()).hexdigest() == certificate.sha256
    assert files_in(full_disk) == [certificate.pdf.name]
    wait_until(lambda: QueuedTask.objects.filter(pk=row.pk, finished_at__isnull=False).exists(), what="finished")
