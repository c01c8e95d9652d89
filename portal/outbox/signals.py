"""The worker's start: take back what its previous run was killed in the middle of."""

from celery.signals import worker_ready


@worker_ready.connect
def _worker_ready(sender=None, **kwargs):
    from .services import worker_recover

    worker_recover(worker=sender.hostname)
