"""From an appraisal's weak areas to competency gaps (each saying where it came from)."""

from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from competency.models import Assessment, Gap, PositionStandard

from ..models import AREAS, WEAK_PREDIKAT, Appraisal, Rating, WeakAreaMapping

AREA_LABELS = dict(AREAS)
CHUNK = 2000


def weak_areas(appraisal: Appraisal) -> list[tuple[str, str]]:
    """(area, why) for each weak area: a value rated below expectation, or a weak predikat."""
    found = []
    if appraisal.hasil_kerja == Rating.BELOW:
        found.append(("hasil_kerja", _("Hasil kerja di bawah ekspektasi")))
    elif appraisal.predikat in WEAK_PREDIKAT:
        found.append(("hasil_kerja", _("predikat %(predikat)s") % {"predikat": appraisal.get_predikat_display()}))
    for area, label in AREAS[1:]:
        if getattr(appraisal, area) == Rating.BELOW:
            found.append((area, _("%(value)s di bawah ekspektasi") % {"value": label}))
    return found


def origin_prefix(appraisal: Appraisal) -> str:
    return f"penilaian:{appraisal.year}:{appraisal.period}:"


def _mapping() -> tuple[dict[str, list[int]], set[str]]:
    competencies, technical = defaultdict(list), set()
    for row in WeakAreaMapping.objects.all():
        if row.competency_id:
            competencies[row.area].append(row.competency_id)
        if row.position_technical:
            technical.add(row.area)
    return competencies, technical


@transaction.atomic
def gaps_refresh_for_appraisals(*, appraisal_ids: list[int]) -> dict:
    """Open the weak-area gaps of these appraisals, and drop those a corrected file no longer
    supports (unless training was already assigned for them). Idempotent; a few queries a chunk."""
    mapping, technical_areas = _mapping()
    opened = removed = 0
    for start in range(0, len(appraisal_ids), CHUNK):
        chunk = appraisal_ids[start : start + CHUNK]
        appraisals = list(Appraisal.objects.filter(pk__in=chunk).select_related("employee"))
        employee_ids = {a.employee_id for a in appraisals}
        position_ids = {a.employee.position_id for a in appraisals}
        standards = defaultdict(dict)
        for standard in PositionStandard.objects.filter(position_id__in=position_ids).select_related("competency"):
            standards[standard.position_id][standard.competency_id] = (
                standard.required_level,
                standard.competency.kind,
            )
        current = {}
        for employee_id, competency_id, level in (
            Assessment.objects.filter(employee_id__in=employee_ids)
            .order_by("employee_id", "competency_id", "assessed_on", "created_at")
            .values_list("employee_id", "competency_id", "level")
        ):
            current[(employee_id, competency_id)] = level  # the latest wins
        existing = {
            (g.employee_id, g.competency_id, g.origin): g
            for g in Gap.objects.filter(employee_id__in=employee_ids, source=Gap.Source.APPRAISAL)
        }
        wanted = {}
        for appraisal in appraisals:
            position_standard = standards.get(appraisal.employee.position_id, {})
            for area, why in weak_areas(appraisal):
                targets = list(mapping.get(area, []))
                if area in technical_areas:
                    targets += [cid for cid, (_level, kind) in position_standard.items() if kind == "teknis"]
                for competency_id in targets:
                    level_now = current.get((appraisal.employee_id, competency_id), 0)
                    required = max(position_standard.get(competency_id, (0, ""))[0], min(level_now + 1, 5))
                    key = (appraisal.employee_id, competency_id, origin_prefix(appraisal) + area)
                    wanted[key] = Gap(
                        employee_id=appraisal.employee_id,
                        competency_id=competency_id,
                        source=Gap.Source.APPRAISAL,
                        origin=key[2],
                        reason=_("karena penilaian %(year)s: %(why)s") % {"year": appraisal.year, "why": why},
                        required_level=required,
                        current_level=level_now,
                    )
        new = [gap for key, gap in wanted.items() if key not in existing]
        Gap.objects.bulk_create(new, ignore_conflicts=True)
        opened += len(new)
        prefixes = {(a.employee_id, origin_prefix(a)) for a in appraisals}
        stale = [
            gap.pk
            for key, gap in existing.items()
            if key not in wanted
            and (gap.employee_id, gap.origin.rsplit(":", 1)[0] + ":") in prefixes
            and gap.status == Gap.Status.OPEN
        ]
        if stale:
            removed += Gap.objects.filter(pk__in=stale, assignments=None).delete()[0]
    return {"opened": opened, "removed": removed}
