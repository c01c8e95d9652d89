"""An employee's own learning records, for "my data" (/akun/data-saya/, UU 27/2022 art. 7).

Composed by the shell with the other apps' parts; every value is JSON-serialisable. Quiz answers are
given as scores per attempt; the answers themselves stay on the attempt page of the course.
"""

from portal.people.models import Employee

from .models import Certificate, Enrollment, LessonProgress, QuizAttempt


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data_for(*, employee: Employee) -> dict:
    """The employee's enrolments (with the lessons done), quiz attempts with scores, and certificates
    with their codes, oldest first (four queries)."""
    enrollments = list(
        Enrollment.objects.filter(employee=employee).select_related("course").order_by("enrolled_at", "pk")
    )
    lessons_done: dict[int, list[dict]] = {}
    progress = LessonProgress.objects.filter(enrollment__employee=employee).select_related("lesson")
    for row in progress.order_by("completed_at", "pk"):
        lessons_done.setdefault(row.enrollment_id, []).append(
            {"lesson": row.lesson.title, "completed_at": _iso(row.completed_at)}
        )
    attempts = QuizAttempt.objects.filter(enrollment__employee=employee).select_related("lesson", "enrollment__course")
    certificates = Certificate.objects.filter(enrollment__employee=employee)
    return {
        "enrollments": [
            {
                "course": row.course.title,
                "source": str(row.get_source_display()),
                "enrolled_at": _iso(row.enrolled_at),
                "due_at": _iso(row.due_at),
                "completed_at": _iso(row.completed_at),
                "final_score": row.final_score,
                "jp_awarded": row.jp_awarded,
                "jp_year": row.jp_year,
                "lessons_done": lessons_done.get(row.pk, []),
            }
            for row in enrollments
        ],
        "quiz_attempts": [
            {
                "course": row.enrollment.course.title,
                "lesson": row.lesson.title,
                "number": row.number,
                "score": row.score,
                "passed": row.passed,
                "submitted_at": _iso(row.submitted_at),
            }
            for row in attempts.order_by("submitted_at", "pk")
        ],
        "certificates": [
            {
                "code": row.code,
                "course": row.course_title,
                "holder_name": row.holder_name,
                "holder_nip": row.holder_nip,
                "jp": row.jp,
                "score": row.score,
                "completed_on": _iso(row.completed_on),
                "issued_at": _iso(row.issued_at),
                "revoked_at": _iso(row.revoked_at),
            }
            for row in certificates.order_by("issued_at", "pk")
        ],
    }
