"""Fixtures of the fault tests: real worker processes on the test database and broker."""

import pytest

from ..conftest import worker_env
from ..processes import celery_worker, wait_until


@pytest.fixture
def start_worker(test_queue, tmp_path):
    """Start (and start again) the test's worker; every one is stopped at the end."""
    started = []

    def start(**env):
        environment = worker_env(tmp_path / "mail", CELERY_TASK_DEFAULT_QUEUE=test_queue, **env)
        log = tmp_path / f"worker-{len(started) + 1}.log"
        worker = celery_worker(environment, queue=test_queue, log=log)
        started.append(worker.start())
        # Not a ping: the solo pool answers none while it works through the waiting tasks.
        wait_until(lambda: " ready." in worker.output() or worker.popen.poll() is not None, what="the worker")
        assert worker.popen.poll() is None, worker.output()
        return worker

    (tmp_path / "mail").mkdir()
    yield start
    for worker in started:
        worker.stop()
