"""Thin Celery tasks of the shell: the ones that compose every app."""

from celery import shared_task


@shared_task
def retention_task() -> dict:
    """Remove the personal data past its retention period (beat: "Hapus data pribadi yang melewati
    masa simpan", daily 02.00 WIB); returns the count per kind. Idempotent."""
    from .retention import retention_run

    return {result.key: result.count for result in retention_run()}


@shared_task
def outbox_relay_task() -> int:
    """Publish the outbox's waiting and lost tasks (beat: "Kirim ulang tugas latar yang tertunda",
    every minute); returns how many."""
    from .outbox.services import outbox_relay

    return outbox_relay()
