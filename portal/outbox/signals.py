"""The worker's side of the outbox: a task's row names the worker as soon as its message arrives,
and a worker's start takes back what its previous run was killed in the middle of."""

from celery.signals import task_received, worker_ready, worker_shutdown


@task_received.connect
def _task_received(sender=None, request=None, **kwargs):
    """Name the worker on the row from the moment it holds the message (before it runs, or while an
    ETA waits in its memory): killed then, the message stays unacknowledged in Redis for hours, and
    only the row says where it was."""
    from .services import task_received_by

    task_received_by(headers=request.request_dict, worker=request.hostname)


@worker_ready.connect
def _worker_ready(sender=None, **kwargs):
    from .services import worker_recover

    worker_recover(worker=sender.hostname)


@worker_shutdown.connect
def _worker_shutdown(sender=None, **kwargs):
    from .services import worker_stopped

    worker_stopped(worker=sender.hostname)
