"""From the public's verdict to training: a service point whose front-line elements (kompetensi
pelaksana, perilaku pelaksana, penanganan pengaduan) score low in a period, with a representative
sample, opens competency gaps for the people who serve at it (its front-line positions in its unit
and the unit's direct sub-units), through the weak-area mapping HR edits. A later period where the
element is no longer weak closes them. Gaps are written through the competency app's services."""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext_noop

from competency.models import Gap
from competency.services import gaps_close, observed_gaps_open
from portal import rules, stored_text
from portal.people.models import Employee

from ..services.observed_gaps import ObservedGaps
from . import selectors, skm
from .models import ServicePoint
from .periods import Period

SOURCE = Gap.Source.PUBLIC_SURVEY


def weak_elements(index: selectors.Index, *, below: Decimal) -> list[str]:
    """The front-line elements of `index` that open gaps: only with a representative sample, those
    averaging below `below`, or all three when the service's quality is C or D."""
    if not index.representative:
        return []
    poor = index.grade[0] in skm.POOR_GRADES
    return [code for code in skm.FRONT_LINE if poor or index.nrr[code] < below]


def origin_prefix(point: ServicePoint) -> str:
    return f"skm:{point.code}:"


def _front_line(points: list[ServicePoint]) -> dict[int, list[Employee]]:
    """service point id → the active employees holding one of its positions in its unit or a direct
    sub-unit of it (one query for every point)."""
    wanted = {point.pk: ({point.unit_id}, {position.pk for position in point.positions.all()}) for point in points}
    units = {unit for unit_ids, _positions in wanted.values() for unit in unit_ids}
    positions = {position for _units, position_ids in wanted.values() for position in position_ids}
    staff = Employee.objects.filter(
        Q(unit_id__in=units) | Q(unit__parent_id__in=units), position_id__in=positions, is_active=True
    ).select_related("unit")
    found = defaultdict(list)
    for employee in staff:
        for point_id, (unit_ids, position_ids) in wanted.items():
            in_unit = employee.unit_id in unit_ids or employee.unit.parent_id in unit_ids
            if in_unit and employee.position_id in position_ids:
                found[point_id].append(employee)
    return found


def _reason(period: Period, point: ServicePoint, code: str, nrr: Decimal) -> stored_text.Source:
    element = stored_text.source(str(_untranslated(skm.BY_CODE[code].label)))
    return stored_text.source(
        gettext_noop("survei kepuasan masyarakat %(period)s, %(service)s: %(element)s %(score)s"),
        period=period.key,
        service=point.name,
        element=element,
        score=number_format(nrr, 2),
    )


def _untranslated(label) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


@transaction.atomic
def survey_gaps_refresh(*, period: Period) -> dict[str, int]:
    """Open the gaps the period's results call for and close those it no longer supports. Idempotent:
    run again, it opens nothing twice. Returns counts: points weak, gaps opened and closed."""
    below = rules.skm_weak_below()
    indexes = dict(
        (point.pk, index) for point, index in selectors.index_by_service_point(period) if index.representative
    )
    points = list(ServicePoint.objects.filter(pk__in=list(indexes)).prefetch_related("positions"))
    staff = _front_line(points)
    planner = ObservedGaps(
        employees=[employee for people in staff.values() for employee in people], areas=skm.FRONT_LINE.values()
    )
    wanted: dict[tuple[int, int, str], Gap] = {}
    weak_points = 0
    for point in points:
        index = indexes[point.pk]
        weak = weak_elements(index, below=below)
        weak_points += bool(weak)
        for code in weak:
            area = skm.FRONT_LINE[code]
            origin = f"{origin_prefix(point)}{area}:{period.key}"
            reason = _reason(period, point, code, index.nrr[code])
            for employee in staff.get(point.pk, []):
                for gap in planner.gaps(employee, area, source=SOURCE, origin=origin, reason=reason):
                    wanted[(gap.employee_id, gap.competency_id, origin)] = gap
    existing = set(
        Gap.objects.filter(source=SOURCE, origin__in={key[2] for key in wanted}).values_list(
            "employee_id", "competency_id", "origin"
        )
    )
    opened = observed_gaps_open(gaps=[gap for key, gap in wanted.items() if key not in existing])
    closed = _close_recovered(points, indexes, below, period)
    return {"weak_points": weak_points, "opened": opened, "closed": closed}


def _close_recovered(points, indexes, below, period: Period) -> int:
    """Open survey gaps of an element that this period's representative results no longer show weak."""
    recovered = []
    for point in points:
        weak = {skm.FRONT_LINE[code] for code in weak_elements(indexes[point.pk], below=below)}
        recovered += [f"{origin_prefix(point)}{area}:" for area in skm.FRONT_LINE.values() if area not in weak]
    if not recovered:
        return 0
    matches = Q()
    for prefix in recovered:
        matches |= Q(origin__startswith=prefix)
    gap_ids = Gap.objects.filter(matches, source=SOURCE, status=Gap.Status.OPEN).exclude(
        origin__endswith=f":{period.key}"
    )
    reason = stored_text.source(gettext_noop("tidak lagi tampak pada survei kepuasan %(period)s"), period=period.key)
    return gaps_close(gap_ids=list(gap_ids.values_list("pk", flat=True)), reason=reason)
