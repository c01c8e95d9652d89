"""What completed training does to competencies, written once for every app that completes one.

A portal course brings the learner to its target level in each competency it develops; a verified
activity outside the portal (a bimtek, coaching...) that names a competency brings them to the level
their open gap in it requires. That level is recorded as an assessment, which recomputes the
standard gaps, and the open observed gaps (appraisal, public survey, peers) it meets close, saying
which training closed them.
"""

import datetime

from django.utils.translation import gettext_noop

from portal import stored_text

from ..models import Assessment, Gap
from .gaps import assessments_changed, gaps_close


def course_completion_apply(
    *, employee_id: int, levels: dict[int, int], course_title: str, completed_on: datetime.date
) -> int:
    """Record `levels` (competency id → level reached) for the employee, recompute their standard
    gaps, and close the open observed gaps (appraisal, public survey) those levels meet (reason
    "pelatihan … selesai", the required level recorded as reached). Returns how many closed."""
    return _levels_apply(
        employee_id=employee_id,
        levels=levels,
        title=course_title,
        completed_on=completed_on,
        source=Assessment.Source.COURSE,
        note=f"Kursus selesai: {course_title}",
    )


def development_completion_apply(
    *, employee_id: int, competency_ids: list[int], title: str, completed_on: datetime.date
) -> int:
    """A verified activity outside the portal that developed `competency_ids`: the employee reaches
    the level their open gaps in those competencies require (no level is recorded where no gap is
    open), and those gaps close like a course's. Returns how many observed gaps closed."""
    levels: dict[int, int] = {}
    for competency_id, required in Gap.objects.filter(
        employee_id=employee_id, competency_id__in=list(competency_ids), status=Gap.Status.OPEN
    ).values_list("competency_id", "required_level"):
        levels[competency_id] = max(required, levels.get(competency_id, 0))
    return _levels_apply(
        employee_id=employee_id,
        levels=levels,
        title=title,
        completed_on=completed_on,
        source=Assessment.Source.EXTERNAL,
        note=f"Pengembangan diverifikasi: {title}",
    )


def _levels_apply(
    *, employee_id: int, levels: dict[int, int], title: str, completed_on: datetime.date, source: str, note: str
) -> int:
    if not levels:
        return 0
    Assessment.objects.bulk_create(
        Assessment(
            employee_id=employee_id,
            competency_id=competency_id,
            level=level,
            source=source,
            assessed_on=completed_on,
            note=note[:300],
        )
        for competency_id, level in levels.items()
    )
    assessments_changed(employee_ids=[employee_id])
    met = set()
    for gap_id, competency_id, required in Gap.objects.filter(
        employee_id=employee_id, competency_id__in=list(levels), source__in=Gap.OBSERVED, status=Gap.Status.OPEN
    ).values_list("pk", "competency_id", "required_level"):
        if required <= levels[competency_id]:
            met.add(gap_id)
    return gaps_close(gap_ids=met, reason=training_completed(title), reached=True)


def training_completed(course_title: str) -> stored_text.Source:
    """Why a gap closed when training was completed: "pelatihan <course> selesai"."""
    return stored_text.source(gettext_noop("pelatihan %(course)s selesai"), course=course_title)
