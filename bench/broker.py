"""Enqueue-only Celery for the benchmarks: tasks reach a real Redis broker, on a queue no worker reads.

A service that notifies queues its e-mails after commit. In production that is a message to the
broker per batch of notifications; with the benchmarks' test settings (no broker, eager Celery)
every e-mail would instead be rendered and "sent" inside the timed call. So a benchmark that times
a notifying service calls `configure_environment()` before Django is set up (the settings then
see a broker and leave eager mode), and wraps the timed call in `private_queue()`, which sends
the tasks to a queue of its own and deletes that queue afterwards, returning how many tasks it
held. Only enqueueing is timed, as in production.
"""

import contextlib
import os
import uuid

DEFAULT_BROKER = "redis://127.0.0.1:6379/0"


def broker_url() -> str:
    return os.environ.get("BENCH_BROKER_URL", DEFAULT_BROKER)


def configure_environment() -> None:
    """Before django.setup(): point Celery at the broker, out of eager mode."""
    os.environ["CELERY_BROKER_URL"] = broker_url()
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"


def check_broker() -> None:
    import redis

    try:
        redis.Redis.from_url(broker_url()).ping()
    except redis.RedisError as error:
        raise SystemExit(
            f"The benchmark enqueues its e-mail tasks on a Redis broker; none answers at {broker_url()} "
            f"({error}). Start Redis or set BENCH_BROKER_URL."
        ) from error


class QueueCount:
    """How many tasks the private queue held when it was deleted (filled in on exit)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tasks = 0


@contextlib.contextmanager
def private_queue():
    """Send the tasks enqueued inside the block to a fresh queue; delete it (and its tasks) on exit."""
    import redis

    from portal.celery import app

    name = f"bench-{uuid.uuid4().hex[:10]}"
    saved = app.conf.task_default_queue
    # The app reads Django settings under the CELERY_ namespace, so the override uses that key.
    app.conf.update(CELERY_TASK_DEFAULT_QUEUE=name)
    count = QueueCount(name)
    client = redis.Redis.from_url(broker_url())
    try:
        yield count
    finally:
        app.conf.update(CELERY_TASK_DEFAULT_QUEUE=saved)
        count.tasks = client.llen(name)
        client.delete(name)
