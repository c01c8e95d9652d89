"""What a completed course does to competencies: the course's target levels are handed to the
competency app, which records them and closes the gaps they meet (competency.services.completion)."""

from django.utils import timezone

from competency.services import course_completion_apply

from ..models import CourseCompetency, Enrollment


def completion_record_competencies(*, enrollment: Enrollment) -> int:
    """Record the levels the completed course brings the learner to and bring their gaps up to
    date. Returns how many appraisal gaps closed."""
    levels = dict(
        CourseCompetency.objects.filter(course_id=enrollment.course_id).values_list("competency_id", "target_level")
    )
    return course_completion_apply(
        employee_id=enrollment.employee_id,
        levels=levels,
        course_title=enrollment.course.title,
        completed_on=timezone.localdate(enrollment.completed_at),
    )
