"""What a completed course does to competencies: it records the level the course brings the
learner to, and closes the gaps that level meets."""

from django.utils import timezone

from competency.models import Assessment, Gap

from ..models import CourseCompetency, Enrollment


def completion_record_competencies(*, enrollment: Enrollment) -> int:
    """Record a course-completion assessment per competency the course develops, and close the
    employee's open gaps in them whose required level is now reached. Returns gaps closed."""
    reached = dict(
        CourseCompetency.objects.filter(course_id=enrollment.course_id).values_list("competency_id", "target_level")
    )
    if not reached:
        return 0
    today = timezone.localdate(enrollment.completed_at)
    Assessment.objects.bulk_create(
        Assessment(
            employee_id=enrollment.employee_id,
            competency_id=competency_id,
            level=level,
            source=Assessment.Source.COURSE,
            assessed_on=today,
            note=f"Kursus selesai: {enrollment.course.title}"[:300],
        )
        for competency_id, level in reached.items()
    )
    closed = 0
    now = timezone.now()
    for competency_id, level in reached.items():
        closed += Gap.objects.filter(
            employee_id=enrollment.employee_id,
            competency_id=competency_id,
            status=Gap.Status.OPEN,
            required_level__lte=level,
        ).update(status=Gap.Status.CLOSED, closed_at=now, current_level=level)
    return closed
