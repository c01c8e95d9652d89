"""The reports' reads. Each runs a fixed number of queries, however many employees there are."""

from collections import Counter, defaultdict

from django.db.models import Count, F, Q, Sum

from competency.models import Competency, Gap
from courses.ledger import with_jp
from portal import rules
from portal.people.models import Employee, Unit

from ..models import AREAS, Appraisal, Assignment, Rating

PERIOD_ORDER = {"I": 1, "II": 2, "III": 3, "IV": 4, "tahunan": 5}
RATING_SCORE = {Rating.BELOW: 0, Rating.MEETS: 1, Rating.ABOVE: 2}
Q_NO_ASSIGNMENT = Q(assignments=None)


def heatmap() -> dict:
    """Units × competencies: the share of each unit's employees with an open gap (4 queries)."""
    units = list(Unit.objects.annotate(staff=Count("employees")).filter(staff__gt=0).order_by("name"))
    cells = defaultdict(dict)
    used = set()
    for row in (
        Gap.objects.filter(status=Gap.Status.OPEN)
        .values("employee__unit_id", "competency_id")
        .annotate(people=Count("employee_id", distinct=True))
    ):
        cells[row["employee__unit_id"]][row["competency_id"]] = row["people"]
        used.add(row["competency_id"])
    competencies = list(Competency.objects.filter(pk__in=used).order_by("kind", "name"))
    rows = []
    for unit in units:
        row = []
        for competency in competencies:
            people = cells[unit.pk].get(competency.pk, 0)
            share = round(100 * people / unit.staff) if unit.staff else 0
            row.append({"competency": competency, "people": people, "share": share, "band": min(share // 20, 4)})
        rows.append({"unit": unit, "cells": row})
    return {"competencies": competencies, "rows": rows}


def heatmap_people(*, unit: Unit, competency: Competency):
    """Drill-down: the employees of a unit with an open gap in a competency."""
    return (
        Gap.objects.filter(status=Gap.Status.OPEN, competency=competency, employee__unit=unit)
        .select_related("employee__position")
        .order_by("employee__name")
    )


def employees_with_jp(*, year: int):
    """Active employees annotated with their JP in `year` and how far they are from the target."""
    return with_jp(Employee.objects.filter(is_active=True), year=year)


def jp_compliance(*, year: int) -> dict:
    """JP this year per unit against the yearly target (portal.rules), and the employees still behind
    (queryset, paginated by the view). Aggregated in the database: a fixed number of queries."""
    target = rules.jp_target()
    employees = employees_with_jp(year=year)
    units = {unit.pk: unit for unit in Unit.objects.all()}
    summary = []
    for row in employees.values("unit_id").annotate(
        staff=Count("pk"), meeting=Count("pk", filter=Q(jp__gte=target)), total=Sum("jp")
    ):
        summary.append(
            {
                "unit": units[row["unit_id"]],
                "staff": row["staff"],
                "meeting": row["meeting"],
                "average": round(row["total"] / row["staff"], 1),
                "share": round(100 * row["meeting"] / row["staff"]),
            }
        )
    summary.sort(key=lambda row: (row["share"], row["unit"].name))
    behind = (
        employees.filter(jp__lt=target)
        .annotate(behind=target - F("jp"))
        .select_related("unit")
        .order_by("unit__name", "name")
    )
    return {"units": summary, "behind": behind, "target": target}


def _period_of(origin: str) -> str:
    """ "penilaian:2026:tahunan:adaptif" → "2026 tahunan"."""
    parts = origin.split(":")
    return f"{parts[1]} {parts[2]}" if len(parts) >= 4 else origin


def gap_closure() -> list[dict]:
    """Per appraisal period: gaps opened, given training, and closed (1 query)."""
    periods = defaultdict(Counter)
    for row in (
        Gap.objects.filter(source=Gap.Source.APPRAISAL)
        .values("origin", "status")
        .annotate(gaps=Count("id", distinct=True), assigned=Count("id", filter=~Q_NO_ASSIGNMENT, distinct=True))
    ):
        counter = periods[_period_of(row["origin"])]
        counter["opened"] += row["gaps"]
        counter["assigned"] += row["assigned"]
        counter["closed"] += row["gaps"] if row["status"] == Gap.Status.CLOSED else 0
    return [
        {"period": period, **counter, "closed_share": round(100 * counter["closed"] / counter["opened"])}
        for period, counter in sorted(periods.items(), reverse=True)
    ]


def effectiveness() -> list[dict]:
    """For employees who completed the course assigned for a weak area: how that area's rating
    moved in their next appraisal (improved, same, worse, or no later appraisal yet). 2 queries."""
    done = list(
        Assignment.objects.filter(
            enrollment__completed_at__isnull=False, gap__source=Gap.Source.APPRAISAL, cancelled_at__isnull=True
        ).values_list("employee_id", "gap__origin")
    )
    appraisals = defaultdict(list)
    for appraisal in Appraisal.objects.filter(employee_id__in={employee for employee, _ in done}):
        appraisals[appraisal.employee_id].append(appraisal)
    outcome = defaultdict(Counter)
    for employee_id, origin in done:
        _, year, period, area = origin.split(":")
        key = (int(year), PERIOD_ORDER.get(period, 0))
        history = sorted(appraisals[employee_id], key=lambda a: (a.year, PERIOD_ORDER.get(a.period, 0)))
        before = next((a for a in history if (a.year, PERIOD_ORDER.get(a.period, 0)) == key), None)
        after = next((a for a in history if (a.year, PERIOD_ORDER.get(a.period, 0)) > key), None)
        if before is None or after is None:
            outcome[area]["waiting"] += 1
            continue
        then, now = RATING_SCORE.get(getattr(before, area)), RATING_SCORE.get(getattr(after, area))
        if then is None or now is None:
            outcome[area]["waiting"] += 1
        else:
            outcome[area]["improved" if now > then else "same" if now == then else "worse"] += 1
    labels = dict(AREAS)
    return [{"area": labels.get(area, area), **counts} for area, counts in sorted(outcome.items())]
