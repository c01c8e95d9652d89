"""Reactions to other apps' events."""

from django.utils.translation import gettext_noop

from competency.models import Gap
from competency.services import gaps_close
from portal import stored_text


def close_gaps_of_completed_assignment(sender, *, enrollment, **kwargs) -> None:
    """A completed assigned course closes the appraisal gap it was assigned for (the next
    appraisal tells whether the weak area improved). Standard gaps follow the assessed level."""
    gap_ids = Gap.objects.filter(
        assignments__enrollment=enrollment, source=Gap.Source.APPRAISAL, status=Gap.Status.OPEN
    ).values_list("pk", flat=True)
    reason = stored_text.source(gettext_noop("pelatihan %(course)s selesai"), course=enrollment.course.title)
    gaps_close(gap_ids=list(gap_ids), reason=reason, reached=True)
