"""What a completed course does to competencies: it records the level the course brings the
learner to (which recomputes their standard gaps), and closes the appraisal gaps that level meets."""

from django.utils import timezone

from competency.models import Assessment, Gap
from competency.services import assessments_changed

from ..models import CourseCompetency, Enrollment


def completion_record_competencies(*, enrollment: Enrollment) -> int:
    """Record a course-completion assessment per competency the course develops, then bring the
    employee's gaps up to date. Returns how many appraisal gaps closed."""
    reached = dict(
        CourseCompetency.objects.filter(course_id=enrollment.course_id).values_list("competency_id", "target_level")
    )
    if not reached:
        return 0
    Assessment.objects.bulk_create(
        Assessment(
            employee_id=enrollment.employee_id,
            competency_id=competency_id,
            level=level,
            source=Assessment.Source.COURSE,
            assessed_on=timezone.localdate(enrollment.completed_at),
            note=f"Kursus selesai: {enrollment.course.title}"[:300],
        )
        for competency_id, level in reached.items()
    )
    assessments_changed(employee_ids=[enrollment.employee_id])
    closed, now = 0, timezone.now()
    for competency_id, level in reached.items():
        closed += Gap.objects.filter(
            employee_id=enrollment.employee_id,
            competency_id=competency_id,
            source=Gap.Source.APPRAISAL,
            status=Gap.Status.OPEN,
            required_level__lte=level,
        ).update(status=Gap.Status.CLOSED, closed_at=now, current_level=level)
    return closed
