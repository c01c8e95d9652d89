"""Reads for the survey's report that the index selectors do not give: who answered (the respondents'
profile by gender, age group, education and occupation, and how many suggestions were published),
and the index of all the answers of several units together. Each is one aggregate query, whatever
the number of responses or service points."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from . import skm
from .models import SurveyResponse
from .periods import Period
from .selectors import Index, index_aggregates, index_from_row, responses_in

# The profile's dimensions: (the response's field, its heading, its choices), in the report's order.
DIMENSIONS = (
    ("gender", _("Jenis kelamin"), skm.GENDERS),
    ("age_group", _("Kelompok usia"), skm.AGE_GROUPS),
    ("education", _("Pendidikan"), skm.EDUCATION),
    ("occupation", _("Pekerjaan"), skm.OCCUPATIONS),
)


@dataclass(frozen=True)
class Dimension:
    """One profile question: how many respondents chose each answer, and how many left it blank."""

    field: str
    label: str
    counts: list[tuple[str, str, int]]  # (code, label, respondents), in the questionnaire's order
    unanswered: int

    @property
    def answered(self) -> int:
        return sum(count for _code, _label, count in self.counts)


@dataclass(frozen=True)
class Profile:
    """The respondents of a period (and units): their number, each profile dimension, and how many
    of their suggestions HR published (the rest wait for moderation, or were hidden)."""

    responses: int
    dimensions: list[Dimension]
    published_suggestions: int


def _within(period: Period, unit_ids) -> QuerySet:
    queryset = responses_in(period).order_by()
    if unit_ids is not None:
        queryset = queryset.filter(service_point__unit_id__in=list(unit_ids))
    return queryset


def respondent_profile(period: Period, *, unit_ids=None) -> Profile:
    """Count the respondents of the period by each profile answer, and the published suggestions, in
    one aggregate query: a filtered COUNT per choice (and per blank); the database counts, not Python."""
    published = Q(suggestion_status=SurveyResponse.Suggestion.PUBLISHED)
    aggregates = {"responses": Count("id"), "published_suggestions": Count("id", filter=published)}
    for field, _label, choices in DIMENSIONS:
        for code, _choice in choices:
            aggregates[f"{field}__{code}"] = Count("id", filter=Q(**{field: code}))
        aggregates[f"{field}__"] = Count("id", filter=Q(**{field: ""}))
    row = _within(period, unit_ids).aggregate(**aggregates)
    dimensions = [
        Dimension(
            field=field,
            label=str(label),
            counts=[(code, str(choice), row[f"{field}__{code}"]) for code, choice in choices],
            unanswered=row[f"{field}__"],
        )
        for field, label, choices in DIMENSIONS
    ]
    return Profile(
        responses=row["responses"], dimensions=dimensions, published_suggestions=row["published_suggestions"]
    )


def index_total(period: Period, *, unit_ids=None, population: int | None = None) -> Index:
    """The index of all the period's answers together (of the given units, or of every unit): the
    answers are pooled as index_by_unit pools a unit's service points, never averaged from indexes.
    `population`: the people the units served in the period, when known (it sets the sample)."""
    row = _within(period, unit_ids).aggregate(**index_aggregates())
    return index_from_row(row, population)
