"""Writes of the public satisfaction survey: a citizen's response, and HR's moderation of suggestions."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from . import screening, skm
from .models import ServicePoint, SurveyResponse

PROFILE = ("gender", "age_group", "education", "occupation")


@transaction.atomic
def survey_response_submit(*, service_point: ServicePoint, answers: dict, now=None) -> SurveyResponse:
    """Store one citizen's answers (already validated by the form). A suggestion is screened for
    personal data and waits for HR's moderation before anyone outside HR reads it."""
    suggestion = answers.get("suggestion", "")
    if suggestion:
        suggestion, _count = screening.personal_data_masked(suggestion)
    response = SurveyResponse(
        service_point=service_point,
        submitted_at=now or timezone.now(),
        officer_code=answers.get("officer_code", ""),
        suggestion=suggestion,
        suggestion_status=SurveyResponse.Suggestion.PENDING if suggestion else SurveyResponse.Suggestion.NONE,
        **{code: answers[code] for code in skm.CODES},
        **{name: answers.get(name, "") for name in PROFILE},
    )
    response.full_clean()
    response.save()
    return response


def suggestions_moderate(*, response_ids: Iterable[int], publish: bool) -> int:
    """Publish or hide suggestions (only those that have one); returns how many changed."""
    status = SurveyResponse.Suggestion.PUBLISHED if publish else SurveyResponse.Suggestion.HIDDEN
    return (
        SurveyResponse.objects.filter(pk__in=list(response_ids))
        .exclude(suggestion_status=SurveyResponse.Suggestion.NONE)
        .update(suggestion_status=status)
    )
