"""Tasks round-trip through a real worker and broker (CI), and the app is configured for it."""

import time

import pytest

from portal.celery import app
from portal.notifications.tasks import email_send_task
from portal.people.services import account_create_for_employee

from ..factories import EmployeeFactory


def wait_for_files(folder, count=1, timeout=30):
    deadline = time.monotonic() + timeout
    sizes = None
    while time.monotonic() < deadline:
        files = sorted(folder.iterdir())
        # The backend creates the file before it writes the message: wait until every file has
        # content that no longer grows.
        now = [f.stat().st_size for f in files]
        if len(files) >= count and all(now) and now == sizes:
            return files
        sizes = now
        time.sleep(0.2)
    pytest.fail(f"the worker wrote no e-mail to {folder} within {timeout} s")


@pytest.mark.worker
def test_a_task_round_trips_through_the_real_worker(celery_worker_process):
    result = email_send_task.delay(
        subject="Uji",
        body="Halo dari worker",
        from_email="kompeten@pangkalpinangkota.go.id",
        to=["uji@pangkalpinangkota.go.id"],
    )
    assert result.get(timeout=30) == 1
    [message] = wait_for_files(celery_worker_process)
    assert "Halo dari worker" in message.read_text()


@pytest.mark.worker
def test_welcome_mail_is_sent_by_the_worker_after_commit(celery_worker_process, unit):
    employee = EmployeeFactory(unit=unit, name="Dedi Kurniawan")
    account_create_for_employee(employee=employee, email="dedi@pangkalpinangkota.go.id")
    [message] = wait_for_files(celery_worker_process)
    text = message.read_text()
    assert "dedi@pangkalpinangkota.go.id" in text
    assert employee.nip in text


def test_celery_is_configured_for_reliable_delivery():
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.accept_content == ["json"] and conf.task_serializer == "json"
    assert conf.timezone == "Asia/Jakarta"
    assert conf.task_time_limit and conf.task_soft_time_limit < conf.task_time_limit
    # A task (or countdown) longer than the visibility timeout would be delivered twice.
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
