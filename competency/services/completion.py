"""What a completed course does to competencies, written once for every app that completes one.

The course brings the learner to its target level in each competency it develops: that level is
recorded as an assessment (source "kursus"), which recomputes the standard gaps, and the open
appraisal gaps it meets close, saying which training closed them.
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
    if not levels:
        return 0
    Assessment.objects.bulk_create(
        Assessment(
            employee_id=employee_id,
            competency_id=competency_id,
            level=level,
            source=Assessment.Source.COURSE,
            assessed_on=completed_on,
            note=f"Kursus selesai: {course_title}"[:300],
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
    return gaps_close(gap_ids=met, reason=training_completed(course_title), reached=True)


def training_completed(course_title: str) -> stored_text.Source:
    """Why a gap closed when training was completed: "pelatihan <course> selesai"."""
    return stored_text.source(gettext_noop("pelatihan %(course)s selesai"), course=course_title)
