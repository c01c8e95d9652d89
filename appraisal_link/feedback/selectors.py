"""Reads of the public satisfaction survey: the index (IKM) per service point and per unit for a
period, computed in SQL (one aggregate query, whatever the number of responses), its trend, the
sample it needs, and the suggestions."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from . import skm
from .models import ServicePoint, ServicePopulation, SurveyResponse
from .periods import Period

FOUR_PLACES = Decimal("0.0001")


@dataclass
class Index:
    """The survey's result for one group (a service point or a unit) in one period."""

    responses: int
    nrr: dict[str, Decimal] = field(default_factory=dict)  # element code → average (1–4)
    population: int | None = None  # people served in the period, when the unit entered it

    @property
    def ikm(self) -> Decimal | None:
        return skm.ikm_of(self.nrr) if self.responses else None

    @property
    def grade(self) -> tuple[str, str] | None:
        return skm.grade_of(self.ikm) if self.responses else None

    @property
    def sample_needed(self) -> int | None:
        return skm.sample_size(self.population) if self.population else None

    @property
    def representative(self) -> bool:
        """Enough answers for the people served (Krejcie–Morgan); unknown population: not yet."""
        return self.sample_needed is not None and self.responses >= self.sample_needed

    def elements(self) -> list[tuple[skm.Element, Decimal]]:
        """The nine elements with their averages, in questionnaire order."""
        return [(element, self.nrr[element.code]) for element in skm.ELEMENTS if element.code in self.nrr]

    def weakest(self, count: int = 3) -> list[tuple[skm.Element, Decimal]]:
        return sorted(self.elements(), key=lambda pair: (pair[1], pair[0].code))[:count]


def index_aggregates() -> dict:
    return {"responses": Count("id"), **{code: Avg(code) for code in skm.CODES}}


def index_from_row(row: dict, population: int | None = None) -> Index:
    nrr = {}
    if row["responses"]:
        nrr = {code: Decimal(str(row[code])).quantize(FOUR_PLACES, rounding=ROUND_HALF_UP) for code in skm.CODES}
    return Index(responses=row["responses"], nrr=nrr, population=population)


def _moment(day) -> datetime.datetime:
    """Midnight at the start of `day`, in the portal's time zone (WIB)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _in(period: Period) -> Q:
    """Answers given in the period: a range on the indexed time, not a date cast of every row."""
    return Q(submitted_at__gte=_moment(period.start), submitted_at__lt=_moment(period.end))


def responses_in(period: Period) -> QuerySet:
    return SurveyResponse.objects.filter(_in(period))


def _populations(period: Period) -> dict[int, int]:
    return dict(ServicePopulation.objects.filter(period=period.key).values_list("service_point_id", "population"))


def index_by_service_point(period: Period, *, unit_ids=None) -> list[tuple[ServicePoint, Index]]:
    """Every service point (active or with answers) and its index for the period, by unit and name."""
    points = ServicePoint.objects.select_related("unit").order_by("unit__name", "name")
    if unit_ids is not None:
        points = points.filter(unit_id__in=list(unit_ids))
    rows = {
        row["service_point_id"]: row
        for row in responses_in(period).order_by().values("service_point_id").annotate(**index_aggregates())
    }
    populations = _populations(period)
    empty = {"responses": 0}
    return [
        (point, index_from_row(rows.get(point.pk, empty), populations.get(point.pk)))
        for point in points
        if point.active or point.pk in rows
    ]


def index_by_unit(period: Period, *, unit_ids=None, by_point=None) -> list[tuple[object, Index]]:
    """Each unit with service points and its index for the period: all its points' answers together.
    `by_point`: index_by_service_point's answer for the same period and units, when already read."""
    if by_point is None:
        by_point = index_by_service_point(period, unit_ids=unit_ids)
    units = {point.unit_id: point.unit for point, _point_index in by_point}
    queryset = responses_in(period)
    if unit_ids is not None:
        queryset = queryset.filter(service_point__unit_id__in=list(unit_ids))
    rows = {
        row["service_point__unit_id"]: row
        for row in queryset.order_by().values("service_point__unit_id").annotate(**index_aggregates())
    }
    populations: dict[int, int] = {}
    for point, index in by_point:
        if index.population:
            populations[point.unit_id] = populations.get(point.unit_id, 0) + index.population
    empty = {"responses": 0}
    return [
        (unit, index_from_row(rows.get(unit_id, empty), populations.get(unit_id)))
        for unit_id, unit in sorted(units.items(), key=lambda pair: pair[1].name)
    ]


def index_of(period: Period, *, service_point: ServicePoint) -> Index:
    row = responses_in(period).filter(service_point=service_point).aggregate(**index_aggregates())
    return index_from_row(row, _populations(period).get(service_point.pk))


def trend(periods: list[Period], *, service_point: ServicePoint) -> list[tuple[Period, Index]]:
    """The index of a service point over consecutive periods (one query for all of them)."""
    aggregates = {}
    for number, period in enumerate(periods):
        aggregates[f"n{number}"] = Count("id", filter=_in(period))
        aggregates.update({f"{code}_{number}": Avg(code, filter=_in(period)) for code in skm.CODES})
    within = Q(submitted_at__gte=_moment(periods[0].start), submitted_at__lt=_moment(periods[-1].end))
    row = SurveyResponse.objects.filter(within, service_point=service_point).aggregate(**aggregates)
    return [
        (
            period,
            index_from_row({"responses": row[f"n{number}"], **{code: row[f"{code}_{number}"] for code in skm.CODES}}),
        )
        for number, period in enumerate(periods)
    ]


def published_suggestions(*, service_point: ServicePoint, limit: int = 20) -> QuerySet:
    return SurveyResponse.objects.filter(
        service_point=service_point, suggestion_status=SurveyResponse.Suggestion.PUBLISHED
    ).only("submitted_at", "suggestion")[:limit]


def pending_suggestions(*, unit_ids=None) -> QuerySet:
    queryset = SurveyResponse.objects.filter(suggestion_status=SurveyResponse.Suggestion.PENDING).select_related(
        "service_point__unit"
    )
    if unit_ids is not None:
        queryset = queryset.filter(service_point__unit_id__in=list(unit_ids))
    return queryset.order_by("submitted_at")


@dataclass
class OfficerResult:
    """An officer's own results at one service point, by the code they wear there."""

    point: ServicePoint
    code: str
    index: Index
    shown: bool  # enough answers to show (HR's minimum); below it only the count is given


def officer_results(*, employee, period: Period, minimum: int) -> list[OfficerResult]:
    """The employee's results under each of their officer codes in the period (two queries)."""
    from .models import ServiceOfficer

    codes = list(ServiceOfficer.objects.filter(employee=employee).select_related("service_point__unit"))
    if not codes:
        return []
    matches = Q()
    for officer in codes:
        matches |= Q(service_point_id=officer.service_point_id, officer_code=officer.code)
    rows = {
        (row["service_point_id"], row["officer_code"]): row
        for row in responses_in(period)
        .filter(matches)
        .order_by()
        .values("service_point_id", "officer_code")
        .annotate(**index_aggregates())
    }
    results = []
    for officer in codes:
        row = rows.get((officer.service_point_id, officer.code), {"responses": 0})
        index = index_from_row(row)
        results.append(OfficerResult(officer.service_point, officer.code, index, index.responses >= minimum))
    return results


def officer_results_for(*, employee) -> dict:
    """What the employee page shows of an officer's own survey results: the last closed semester."""
    from portal import rules

    from .periods import last_closed

    period = last_closed("semester", timezone.localdate())
    minimum = rules.skm_officer_min_responses()
    return {
        "period": period,
        "minimum": minimum,
        "results": officer_results(employee=employee, period=period, minimum=minimum),
    }
