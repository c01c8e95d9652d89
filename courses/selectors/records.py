"""A learner's records across courses (the dashboard's courses and certificates), a course's
numbers, and a certificate's public facts."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Page

from portal.page_cache import content_kept
from portal.prepared import Prepared

from ..models import Certificate, CoursePage, Enrollment, LessonPage, QuizAttempt
from .learning import certificate_of


def live_lesson_counts_kept() -> dict[int, int]:
    """Live lessons per course, of every course: kept until the content changes (two queries when
    read, none when kept)."""

    def read() -> dict[int, int]:
        courses = dict(CoursePage.objects.values_list("path", "pk"))
        counts: dict[int, int] = {}
        for path in LessonPage.objects.filter(live=True).values_list("path", flat=True):
            course_id = courses.get(path[: -Page.steplen])
            if course_id is not None:
                counts[course_id] = counts.get(course_id, 0) + 1
        return counts

    return content_kept("kompeten:live-lesson-counts", read)


def _enrollments_of(*, employee_id):
    return (
        Enrollment.objects.filter(employee_id=employee_id)
        .select_related("course", "certificate")
        .order_by("completed_at", "due_at", "-enrolled_at")
    )


# Compiled once per process (portal.prepared): the dashboard asks both at each of its builds.
_MY_ENROLLMENTS = Prepared(_enrollments_of, employee_id=-7_000_201)
_MY_COURSES = Prepared(
    lambda *, employee_id: _enrollments_of(employee_id=employee_id).annotate(
        lessons_done=Count("progress", distinct=True)
    ),
    employee_id=-7_000_202,
)


def my_enrollments(*, employee) -> list[Enrollment]:
    """The employee's enrolments with each one's course and certificate, without their progress
    (`my_courses` has it): for the dashboard's deadlines and certificates, one query."""
    return _MY_ENROLLMENTS.objects(employee_id=employee.pk)


def my_courses(*, employee) -> list[Enrollment]:
    """The employee's enrolments with lesson totals and done counts, and each one's certificate
    (see `certificates_among`), for the dashboard: one query, the lesson totals being kept."""
    result = _MY_COURSES.objects(employee_id=employee.pk)
    totals = live_lesson_counts_kept()
    for enrollment in result:
        total = totals.get(enrollment.course_id, 0)
        enrollment.lessons_total = total
        enrollment.progress_percent = (
            100 if enrollment.completed_at else (round(100 * enrollment.lessons_done / total) if total else 0)
        )
    return result


def certificates_among(enrollments: list[Enrollment]) -> list[Certificate]:
    """The certificates of `my_courses`' enrolments, newest first, without a query."""
    found = [certificate for e in enrollments if (certificate := certificate_of(e)) is not None]
    return sorted(found, key=lambda certificate: certificate.issued_at, reverse=True)


def certificates_pending(enrollments: list[Enrollment], certificates: list[Certificate]) -> list[Enrollment]:
    """Completed enrolments whose certificate the worker has not issued yet (it is queued: seconds
    normally, longer while Redis or the worker is down). No query: both lists are the dashboard's."""
    issued = {certificate.enrollment_id for certificate in certificates}
    return [e for e in enrollments if e.completed_at is not None and e.pk not in issued]


def due_soon(enrollments: list[Enrollment], *, days: int = 14) -> list[Enrollment]:
    """Open enrolments whose deadline falls within `days` (or has passed), soonest first."""
    limit = timezone.now() + datetime.timedelta(days=days)
    due = [e for e in enrollments if e.completed_at is None and e.due_at and e.due_at <= limit]
    return sorted(due, key=lambda e: e.due_at)


def course_stats(*, course: CoursePage) -> dict:
    """Numbers for the trainer's course report."""
    enrollments = Enrollment.objects.filter(course=course)
    counts = enrollments.aggregate(
        enrolled=Count("pk"),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
        started=Count("pk", filter=Q(completed_at__isnull=True, progress__isnull=False), distinct=True),
    )
    attempts = QuizAttempt.objects.filter(enrollment__course=course)
    from django.db.models import Avg

    counts["average_score"] = attempts.aggregate(avg=Avg("score"))["avg"]
    counts["in_progress"] = counts["started"]
    counts["not_started"] = counts["enrolled"] - counts["completed"] - counts["started"]
    return counts


def nip_masked(nip: str) -> str:
    """The NIP with its middle hidden (1992********2011): enough to tell two namesakes apart on the
    public page, too little to give away a birth date or to pose as the holder."""
    if len(nip) <= 8:
        return "*" * len(nip)
    return nip[:4] + "*" * (len(nip) - 8) + nip[-4:]


def certificate_public_facts(certificate: Certificate) -> dict:
    """What verifying a certificate needs, and nothing else: no full NIP, no score, no reason for a
    revocation (HR's note about a person). The template gets this dict, never the model."""
    return {
        "code": certificate.code,
        "holder_name": certificate.holder_name,
        "holder_nip": nip_masked(certificate.holder_nip),
        "course_title": certificate.course_title,
        "jp": certificate.jp,
        "completed_on": certificate.completed_on,
        "issued_at": certificate.issued_at,
        "is_revoked": certificate.is_revoked,
        "revoked_on": certificate.revoked_at,
        "sha256": certificate.sha256,
    }
