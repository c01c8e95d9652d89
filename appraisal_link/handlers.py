"""Reactions to other apps' events."""

from django.db.models import F
from django.utils import timezone

from competency.models import Gap


def close_gaps_of_completed_assignment(sender, *, enrollment, **kwargs) -> None:
    """A completed assigned course closes the appraisal gap it was assigned for (the next
    appraisal tells whether the weak area improved). Standard gaps follow the assessed level."""
    Gap.objects.filter(assignments__enrollment=enrollment, source=Gap.Source.APPRAISAL, status=Gap.Status.OPEN).update(
        status=Gap.Status.CLOSED, closed_at=timezone.now(), current_level=F("required_level")
    )
