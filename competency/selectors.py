"""Reads of the competency app that views, reports and the gap engine share."""

from django.db import connection
from django.db.models import F, IntegerField, QuerySet, Value
from django.db.models.functions import Greatest

from portal.prepared import Prepared

from .models import Assessment, Competency, Gap

# Small enough for SQLite's limit on query parameters, large enough to keep the query count low.
IN_CHUNK = 5000


def latest_levels(assessments: QuerySet[Assessment]) -> dict[tuple[int, int], int]:
    """The level of the latest assessment (by assessed_on, then created_at, then id) per
    (employee_id, competency_id) among `assessments`, in one query.

    PostgreSQL picks the latest row itself (DISTINCT ON, served by the assessment index); other
    databases stream the rows oldest first and the last one wins.
    """
    if connection.features.can_distinct_on_fields:
        rows = (
            assessments.order_by("employee_id", "competency_id", "-assessed_on", "-created_at", "-id")
            .distinct("employee_id", "competency_id")
            .values_list("employee_id", "competency_id", "level")
        )
        return {(employee_id, competency_id): level for employee_id, competency_id, level in rows}
    levels = {}
    rows = assessments.order_by("employee_id", "competency_id", "assessed_on", "created_at", "id").values_list(
        "employee_id", "competency_id", "level"
    )
    for employee_id, competency_id, level in rows.iterator(chunk_size=IN_CHUNK):
        levels[(employee_id, competency_id)] = level
    return levels


def position_standards(position_ids) -> dict[int, dict[int, tuple[int, str]]]:
    """position id → competency id → (required level, competency kind), one query."""
    from .models import PositionStandard

    standards: dict[int, dict[int, tuple[int, str]]] = {}
    rows = PositionStandard.objects.filter(position_id__in=list(position_ids)).values_list(
        "position_id", "competency_id", "required_level", "competency__kind"
    )
    for position_id, competency_id, level, kind in rows:
        standards.setdefault(position_id, {})[competency_id] = (level, kind)
    return standards


def observed_gap_level(*, level_now: int, standard_level: int) -> int:
    """The level an observed weakness asks for: one above the current level (at most 5), and at
    least what the position's standard requires."""
    return max(standard_level, min(level_now + 1, 5))


def _by_size(queryset: QuerySet[Gap]) -> QuerySet[Gap]:
    return queryset.annotate(
        gap_size=Greatest(F("required_level") - F("current_level"), Value(0), output_field=IntegerField())
    )


def open_gaps_for(*, employee) -> list[Gap]:
    """The employee's open gaps of every source, the largest first (then by competency name)."""
    return _OPEN_GAPS_FOR.objects(employee_id=employee.pk)


def _open_gaps_of(*, employee_id) -> QuerySet[Gap]:
    gaps = Gap.objects.filter(employee_id=employee_id, status=Gap.Status.OPEN).select_related("competency")
    return _by_size(gaps).order_by("-gap_size", "competency__name", "origin")


# Compiled once per process (portal.prepared): the dashboard asks it at each of its builds.
_OPEN_GAPS_FOR = Prepared(_open_gaps_of, employee_id=-7_000_204)


def dictionary_rows() -> list[list[str]]:
    """The dictionary in the import template's columns (kode, nama, jenis, induk, definisi,
    level_1..level_5), parents before children where they sort so; one query."""
    return [
        [
            competency.code,
            competency.name,
            competency.kind,
            competency.parent.code if competency.parent_id else "",
            competency.description,
            *(competency.indicator(level) for level in range(1, 6)),
        ]
        for competency in Competency.objects.select_related("parent").order_by("kind", "parent_id", "name", "pk")
    ]
