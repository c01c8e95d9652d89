"""An employee's own SCORM records, for "my data" (/akun/data-saya/, UU 27/2022 art. 7): each package
they played, with the status, score, time and the data the package kept (one query)."""

from portal.people.models import Employee

from .models import ScormAttempt


def personal_data_for(*, employee: Employee) -> dict:
    attempts = (
        ScormAttempt.objects.filter(enrollment__employee=employee)
        .select_related("lesson", "enrollment__course")
        .order_by("updated_at")
    )
    return {
        "scorm_attempts": [
            {
                "course": attempt.enrollment.course.title,
                "lesson": attempt.lesson.title,
                "lesson_status": attempt.lesson_status or None,
                "completion_status": attempt.completion_status or None,
                "success_status": attempt.success_status or None,
                "score": attempt.score_raw,
                "total_seconds": attempt.total_seconds,
                "location": attempt.location,
                "suspend_data": attempt.suspend_data,
                "completed_at": attempt.completed_at.isoformat() if attempt.completed_at else None,
            }
            for attempt in attempts
        ]
    }
