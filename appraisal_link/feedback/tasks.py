"""Thin Celery tasks of the survey: they call a service."""

from celery import shared_task


@shared_task
def survey_gaps_task() -> dict:
    """Apply the last closed semester's survey results to competency gaps (beat: "Kesenjangan dari
    survei kepuasan"); idempotent, so a population entered late is taken the next night."""
    from django.utils import timezone

    from .development import survey_gaps_refresh
    from .periods import last_closed

    return survey_gaps_refresh(period=last_closed("semester", timezone.localdate()))


@shared_task
def peer_deadline_task() -> int:
    """Remind the colleagues who have not answered, two days before their round closes (beat:
    "Pengingat umpan balik rekan"); once each."""
    from .peer import peer_deadline_reminders

    return peer_deadline_reminders()
