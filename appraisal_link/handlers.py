"""Reactions to other apps' events."""

from competency.models import Gap
from competency.services import gaps_close, training_completed


def close_gaps_of_completed_assignment(sender, *, enrollment, **kwargs) -> None:
    """A completed assigned course closes the observed gap (appraisal, public survey) it was
    assigned for (the next appraisal or survey tells whether the weak area improved). Standard
    gaps follow the assessed level."""
    gap_ids = Gap.objects.filter(
        assignments__enrollment=enrollment, source__in=Gap.OBSERVED, status=Gap.Status.OPEN
    ).values_list("pk", flat=True)
    gaps_close(gap_ids=list(gap_ids), reason=training_completed(enrollment.course.title), reached=True)
