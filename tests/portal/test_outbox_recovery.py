"""What a worker killed while holding outbox messages leaves behind, and how the next start takes it
back (issue #17). The process-level proof is tests/faults/test_worker_killed.py; these pin each rule
on the real database, cache and broker, including the instant a kill -9 can fall into only rarely:
the message has left Redis for the worker, the row does not name the worker yet."""

from datetime import timedelta

import pytest
from django.utils import timezone

from competency.tasks import gaps_recompute_task
from portal.outbox.models import QueuedTask
from portal.outbox.services import HEADER, RUNNING_LEASE, outbox_relay, task_received_by, worker_recover, worker_stopped

from ..notifications.conftest import published_tasks  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

TASK = "competency.tasks.gaps_recompute_task"


def row(**fields) -> QueuedTask:
    return QueuedTask.objects.create(task=TASK, args=[[]], kwargs={}, **fields)


def published_count(published) -> int:
    return sum(entry["task"] == TASK for entry in published)


def test_a_message_names_its_worker_as_soon_as_it_arrives_unless_the_row_is_taken():
    waiting = row(published_at=timezone.now())
    running = row(published_at=timezone.now(), started_at=timezone.now(), worker="w2@host")
    finished = row(published_at=timezone.now(), finished_at=timezone.now())

    for each in (waiting, running, finished):
        task_received_by(headers={HEADER: str(each.pk)}, worker="w1@host")
    task_received_by(headers={}, worker="w1@host")  # a message that is not the outbox's

    assert dict(QueuedTask.objects.values_list("pk", "worker")) == {
        waiting.pk: "w1@host",
        running.pk: "w2@host",
        finished.pk: "",
    }


def test_a_row_running_on_another_worker_is_not_run_a_second_time_at_once():
    started = timezone.now()
    running = row(published_at=started, started_at=started, worker="w2@host")

    result = gaps_recompute_task.apply(args=[[]], headers={HEADER: running.pk}).get()

    running.refresh_from_db()
    assert result is None
    assert (running.started_at, running.worker, running.attempts, running.finished_at) == (started, "w2@host", 0, None)


def test_a_worker_started_again_after_a_kill_publishes_what_it_held_and_what_was_on_its_way_to_it(
    published_tasks,  # noqa: F811
):
    now = timezone.now()
    worker_recover(worker="w1@host", now=now - timedelta(hours=1))  # the earlier run starts
    claimed = row(published_at=now, started_at=now, worker="w1@host")
    received = row(published_at=now, worker="w1@host")
    in_flight = row(published_at=now)  # popped from Redis by w1, killed before the row named it
    elsewhere = row(published_at=now, started_at=now, worker="w2@host")
    row(published_at=now, finished_at=now, worker="w1@host")
    # … and the earlier run is killed: no clean stop.

    assert worker_recover(worker="w1@host", now=now) == 3

    assert published_count(published_tasks) == 3
    for each in (claimed, received, in_flight):
        each.refresh_from_db()
        assert (each.started_at, each.worker) == (None, "")
    elsewhere.refresh_from_db()
    assert elsewhere.worker == "w2@host"


def test_after_a_clean_stop_only_the_workers_own_rows_are_published_again(published_tasks):  # noqa: F811
    now = timezone.now()
    worker_recover(worker="w1@host", now=now - timedelta(hours=1))
    received = row(published_at=now, worker="w1@host")  # an ETA task a warm stop gave back
    row(published_at=now)  # waits in Redis for any worker
    worker_stopped(worker="w1@host")

    assert worker_recover(worker="w1@host", now=now) == 1

    received.refresh_from_db()
    assert received.worker == ""
    assert published_count(published_tasks) == 1


def test_the_relay_frees_a_row_whose_worker_died_so_that_the_next_worker_may_claim_it(published_tasks):  # noqa: F811
    now = timezone.now()
    stuck = row(published_at=now - RUNNING_LEASE * 2, started_at=now - RUNNING_LEASE * 2, worker="gone@host")
    running = row(published_at=now, started_at=now, worker="w2@host")

    assert outbox_relay(now=now) == 1

    stuck.refresh_from_db()
    running.refresh_from_db()
    assert (stuck.started_at, stuck.worker) == (None, "")
    assert running.worker == "w2@host"

    gaps_recompute_task.apply(args=[[]], headers={HEADER: stuck.pk}).get()
    stuck.refresh_from_db()
    assert (stuck.attempts, stuck.failed) == (1, False) and stuck.finished_at is not None
