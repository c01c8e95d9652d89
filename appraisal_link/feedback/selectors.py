"""Reads of the public satisfaction survey: the index (IKM) per service point and per unit for a
period, computed in SQL (one aggregate query, whatever the number of responses), its trend, the
sample it needs, the suggestions, and which units a unit head keeps."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from portal.people.access import has_role
from portal.people.models import Employee, Unit
from portal.people.roles import ATASAN

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
    sums: dict[str, int] = field(default_factory=dict)  # element code → sum of answers (to pool groups)

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


def index_aggregates(**filters) -> dict:
    """The count and the nine sums of a group's answers (sums, not averages, so that groups pool
    exactly: a unit is the sum of its service points)."""
    condition = {"filter": filters["filter"]} if filters else {}
    return {"responses": Count("id", **condition), **{code: Sum(code, **condition) for code in skm.CODES}}


def index_from_row(row: dict, population: int | None = None) -> Index:
    responses = row["responses"] or 0
    sums = {code: int(row[code]) for code in skm.CODES} if responses else {}
    return Index(responses=responses, nrr=_averages(sums, responses), population=population, sums=sums)


def _averages(sums: dict[str, int], responses: int) -> dict[str, Decimal]:
    if not responses:
        return {}
    return {
        code: (Decimal(total) / Decimal(responses)).quantize(FOUR_PLACES, rounding=ROUND_HALF_UP)
        for code, total in sums.items()
    }


def pooled(indexes: list[Index]) -> Index:
    """The index of several groups' answers together (e.g. a unit's service points), exactly."""
    responses = sum(index.responses for index in indexes)
    sums = {code: sum(index.sums.get(code, 0) for index in indexes) for code in skm.CODES} if responses else {}
    populations = [index.population for index in indexes if index.population]
    return Index(responses=responses, nrr=_averages(sums, responses), population=sum(populations) or None, sums=sums)


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
    `by_point`: index_by_service_point's answer for the same period and units, when already read
    (then no query at all: the units pool their points' sums)."""
    if by_point is None:
        by_point = index_by_service_point(period, unit_ids=unit_ids)
    units, groups = {}, {}
    for point, index in by_point:
        units[point.unit_id] = point.unit
        groups.setdefault(point.unit_id, []).append(index)
    return [(unit, pooled(groups[unit_id])) for unit_id, unit in sorted(units.items(), key=lambda pair: pair[1].name)]


def index_of(period: Period, *, service_point: ServicePoint) -> Index:
    row = responses_in(period).filter(service_point=service_point).aggregate(**index_aggregates())
    return index_from_row(row, _populations(period).get(service_point.pk))


def trend(periods: list[Period], *, service_point: ServicePoint) -> list[tuple[Period, Index]]:
    """The index of a service point over consecutive periods (one query for all of them)."""
    aggregates = {}
    for number, period in enumerate(periods):
        aggregates.update({f"{name}_{number}": value for name, value in index_aggregates(filter=_in(period)).items()})
    within = Q(submitted_at__gte=_moment(periods[0].start), submitted_at__lt=_moment(periods[-1].end))
    row = SurveyResponse.objects.filter(within, service_point=service_point).aggregate(**aggregates)
    return [
        (period, index_from_row({name: row[f"{name}_{number}"] for name in ("responses", *skm.CODES)}))
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


PUBLISHED_VERSION = "kompeten:skm:published-version"
PUBLISHED_SECONDS = 3600


def published_index(period: Period) -> tuple[list, list]:
    """(index_by_unit, index_by_service_point) of a closed period for the public page, from the cache.
    A closed period gets no new answers, so only a change to a service point or a population can
    change it: those bump the version (published_changed), and the next read computes it afresh."""
    from django.core.cache import cache

    version = cache.get_or_set(PUBLISHED_VERSION, 1, None)
    key = f"kompeten:skm:published:{version}:{period.key}"
    found = cache.get(key)
    if found is None:
        by_point = index_by_service_point(period)
        found = (index_by_unit(period, by_point=by_point), by_point)
        cache.set(key, found, PUBLISHED_SECONDS)
    return found


def published_changed(**kwargs) -> None:
    """Receiver of a service point's or a population's save and delete."""
    from django.core.cache import cache

    try:
        cache.incr(PUBLISHED_VERSION)
    except ValueError:
        cache.set(PUBLISHED_VERSION, 2, None)


def units_headed_by(user, employee) -> list[Unit]:
    """The units whose service points this person keeps: their own unit and its direct sub-units,
    if they head it; none otherwise."""
    if employee is None or not has_role(user, ATASAN):
        return []
    superior_unit = (
        Employee.objects.filter(pk=employee.supervisor_id).values_list("unit_id", flat=True).first()
        if employee.supervisor_id
        else None
    )
    if superior_unit == employee.unit_id:
        return []
    return list(Unit.objects.filter(Q(pk=employee.unit_id) | Q(parent_id=employee.unit_id)).order_by("name"))
