"""From an appraisal's weak areas to competency gaps (each saying where it came from)."""

from collections import defaultdict
from functools import cache
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_noop

from competency.models import Gap
from competency.services import appraisal_gaps_drop, appraisal_gaps_open, gaps_close
from portal import stored_text

from ..models import AREAS, WEAK_PREDIKAT, Appraisal, Predikat, Rating
from .observed_gaps import ObservedGaps

AREA_LABELS = dict(AREAS)
CHUNK = 2000


def _msgid(label) -> str:
    """The untranslated text of a lazily translated label: the portal's own language (Indonesian)
    is the language its messages are written in."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


@cache
def _area_msgid(area: str) -> str:  # once per area, not once per weak appraisal
    return _msgid(AREA_LABELS[area])


@cache
def _predikat_msgid(predikat: str) -> str:
    return _msgid(Predikat(predikat).label)


def weak_areas(appraisal: Appraisal) -> list[tuple[str, stored_text.Source]]:
    """(area, why) for each weak area: a value rated below expectation, or a weak predikat. `why` is
    a stored-text source, shown in the reader's language."""
    found = []
    if appraisal.hasil_kerja == Rating.BELOW:
        found.append(("hasil_kerja", stored_text.source(gettext_noop("Hasil kerja di bawah ekspektasi"))))
    elif appraisal.predikat in WEAK_PREDIKAT:
        predikat = stored_text.source(_predikat_msgid(appraisal.predikat))
        found.append(("hasil_kerja", stored_text.source(gettext_noop("predikat %(predikat)s"), predikat=predikat)))
    for area, _label in AREAS[1:]:
        if getattr(appraisal, area) == Rating.BELOW:
            value = stored_text.source(_area_msgid(area))
            found.append((area, stored_text.source(gettext_noop("%(value)s di bawah ekspektasi"), value=value)))
    return found


def has_weak_area(appraisal) -> bool:
    """Whether `weak_areas(appraisal)` finds any, without building its reasons: for anything with an
    appraisal's fields (an Appraisal, or an import's clean record)."""
    if appraisal.hasil_kerja == Rating.BELOW or appraisal.predikat in WEAK_PREDIKAT:
        return True
    return any(getattr(appraisal, area) == Rating.BELOW for area, _label in AREAS[1:])


PERIOD_RANK = {"I": 1, "II": 2, "III": 3, "IV": 4, "tahunan": 5}


class _Period(NamedTuple):  # what origin_prefix reads of an appraisal
    year: int
    period: str


def origin_prefix(appraisal: Appraisal) -> str:
    return f"penilaian:{appraisal.year}:{appraisal.period}:"


@transaction.atomic
def gaps_refresh_for_appraisals(*, appraisal_ids: list[int]) -> dict:
    """Open the weak-area gaps of these appraisals, and drop those a corrected file no longer
    supports (unless training was already assigned for them). Idempotent; a few queries a chunk."""
    opened = removed = closed = 0
    for start in range(0, len(appraisal_ids), CHUNK):
        chunk = appraisal_ids[start : start + CHUNK]
        appraisals = list(Appraisal.objects.filter(pk__in=chunk).select_related("employee"))
        employee_ids = {a.employee_id for a in appraisals}
        planner = ObservedGaps(employees=[a.employee for a in appraisals])
        existing = {
            (g.employee_id, g.competency_id, g.origin): g
            for g in Gap.objects.filter(employee_id__in=employee_ids, source=Gap.Source.APPRAISAL)
        }
        wanted = {}
        for appraisal in appraisals:
            for area, why in weak_areas(appraisal):
                reason = stored_text.source(
                    gettext_noop("karena penilaian %(year)s: %(why)s"), year=appraisal.year, why=why
                )
                origin = origin_prefix(appraisal) + area
                for gap in planner.gaps(
                    appraisal.employee, area, source=Gap.Source.APPRAISAL, origin=origin, reason=reason
                ):
                    wanted[(gap.employee_id, gap.competency_id, origin)] = gap
        opened += appraisal_gaps_open(gaps=[gap for key, gap in wanted.items() if key not in existing])
        prefixes = {(a.employee_id, origin_prefix(a)) for a in appraisals}
        stale = [
            gap.pk
            for key, gap in existing.items()
            if key not in wanted
            and (gap.employee_id, gap.origin.rsplit(":", 1)[0] + ":") in prefixes
            and gap.status == Gap.Status.OPEN
        ]
        if stale:
            # Training already assigned for a gap keeps it: the assignment still says why.
            unassigned = Gap.objects.filter(pk__in=stale, assignments=None).values_list("pk", flat=True)
            removed += appraisal_gaps_drop(gap_ids=list(unassigned))
        closed += _close_superseded(employee_ids, wanted)
    return {"opened": opened, "removed": removed, "closed": closed}


def _close_superseded(employee_ids: set[int], wanted: dict) -> int:
    """Gaps follow the latest appraisal: an open gap an older appraisal opened, for a competency the
    employee's latest appraisal no longer shows weak, is closed ("tidak lagi tampak pada penilaian
    2026"). Two queries and one UPDATE per latest year, whatever the number of employees."""
    latest, newest = {}, {}
    for employee_id, year, period in Appraisal.objects.filter(employee_id__in=employee_ids).values_list(
        "employee_id", "year", "period"
    ):
        rank = (year, PERIOD_RANK.get(period, 0))
        if employee_id not in newest or rank > newest[employee_id]:
            newest[employee_id], latest[employee_id] = rank, _Period(year, period)
    still_weak = {
        (employee_id, competency_id)
        for employee_id, competency_id, origin in wanted
        if employee_id in latest and origin.startswith(origin_prefix(latest[employee_id]))
    }
    by_year = defaultdict(list)
    for pk, employee_id, competency_id, origin in Gap.objects.filter(
        employee_id__in=list(latest), source=Gap.Source.APPRAISAL, status=Gap.Status.OPEN
    ).values_list("pk", "employee_id", "competency_id", "origin"):
        newest = latest[employee_id]
        if origin.startswith(origin_prefix(newest)) or (employee_id, competency_id) in still_weak:
            continue
        by_year[newest.year].append(pk)
    return sum(
        gaps_close(
            gap_ids=pks,
            reason=stored_text.source(gettext_noop("tidak lagi tampak pada penilaian %(year)s"), year=year),
        )
        for year, pks in by_year.items()
    )
