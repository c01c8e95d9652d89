"""Writes of the public satisfaction survey: a citizen's response, HR's moderation of suggestions,
and a unit head's service points and the people they serve."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from . import screening, skm
from .models import ServicePoint, ServicePopulation, SurveyResponse

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


@transaction.atomic
def service_point_save(*, form) -> ServicePoint:
    """Save a valid form (the point and its positions) as one change."""
    return form.save()


def service_population_set(*, service_point: ServicePoint, period: str, population: int) -> ServicePopulation:
    """How many people the point served in a period (a second entry for the period replaces it)."""
    record, _created = ServicePopulation.objects.update_or_create(
        service_point=service_point, period=period, defaults={"population": population}
    )
    return record
