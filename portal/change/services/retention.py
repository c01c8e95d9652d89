"""Keeping the change hub's personal data only as long as it is needed (UU 27/2022).

The free-text concerns of a pulse survey are read by HR once the round closes; kept for ever, the
words a person chose could one day identify them. The scores stay: they are the trend.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from ..models import SurveyResponse


@transaction.atomic
def survey_concerns_purge(*, before: datetime.date) -> int:
    """Blank the free-text concern of every response to a round that closed before `before` (a date
    in WIB: a round closing during that day is kept); the answers themselves stay. Returns how many
    concerns were blanked. Idempotent: a second run finds nothing left to blank."""
    cutoff = timezone.make_aware(datetime.datetime.combine(before, datetime.time.min))
    return SurveyResponse.objects.filter(survey__closes_at__lt=cutoff).exclude(concern="").update(concern="")
