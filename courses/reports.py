"""Reads for the trainer's and HR's course reports (Wagtail admin), and who may see which.

HR sees every course's report; a trainer only those of the courses they train (CourseTrainer),
and only once they have a second factor. Another course's id is a 404, not a 403, so that a
trainer cannot even tell which courses have learners.
"""

from collections import defaultdict

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404

from portal.people import roles
from portal.people.access import has_role, is_hr, mfa_setup_pending

from .models import Certificate, CoursePage, CourseTrainer, Enrollment, LessonPage, QuizAttempt


def trained_course_ids(user) -> frozenset[int]:
    """The ids of the courses whose reports `user` may see as their trainer: a trainer with a
    second factor, of courses HR (or their authorship) made them trainer of. One query per request
    object, cached on it, so that a page listing asks once however many courses it shows."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_kompeten_trained_courses", None)
    if cached is None:
        cached = frozenset()
        if has_role(user, roles.PELATIH) and not mfa_setup_pending(user):
            cached = frozenset(CourseTrainer.objects.filter(user=user).values_list("course_id", flat=True))
        user._kompeten_trained_courses = cached
    return cached


def can_see_course_report(user, course_id: int) -> bool:
    return is_hr(user) or course_id in trained_course_ids(user)


def certificate_for_viewer_or_404(user, certificate_id: int) -> Certificate:
    """The certificate, for its holder, HR and the course's trainers; anyone else a 404 (not a 403),
    so that another person's certificate id discloses nothing."""
    certificate = Certificate.objects.select_related("enrollment__employee").filter(pk=certificate_id).first()
    if certificate is None:
        raise Http404
    enrollment = certificate.enrollment
    holder = enrollment.employee.user_id is not None and enrollment.employee.user_id == user.pk
    if not holder and not can_see_course_report(user, enrollment.course_id):
        raise Http404
    return certificate


def course_for_report_or_404(user, page_id) -> CoursePage:
    """The course whose report `user` asks for, if HR or its trainer; otherwise 404."""
    if not can_see_course_report(user, page_id):
        raise Http404
    try:
        return CoursePage.objects.get(pk=page_id)
    except CoursePage.DoesNotExist:
        raise Http404 from None


def courses_with_counts(*, user) -> QuerySet[CoursePage]:
    """The courses whose reports `user` may see, with their numbers of learners (one query)."""
    courses = CoursePage.objects.all()
    if not is_hr(user):
        courses = courses.filter(pk__in=trained_course_ids(user))
    return courses.annotate(
        enrolled=Count("enrollments", distinct=True),
        completed=Count("enrollments", filter=Q(enrollments__completed_at__isnull=False), distinct=True),
    ).order_by("title")


def trainers_of(*, course: CoursePage) -> list[CourseTrainer]:
    """The course's trainers with their accounts and employee records, for the report (one query)."""
    return list(
        CourseTrainer.objects.filter(course=course)
        .select_related("user", "user__employee")
        .order_by("user__first_name", "user__username")
    )


def course_summary(*, course: CoursePage) -> dict:
    counts = Enrollment.objects.filter(course=course).aggregate(
        enrolled=Count("pk", distinct=True),
        completed=Count("pk", filter=Q(completed_at__isnull=False), distinct=True),
        started=Count("pk", filter=Q(completed_at__isnull=True, progress__isnull=False), distinct=True),
    )
    counts["not_started"] = counts["enrolled"] - counts["completed"] - counts["started"]
    finals = list(final_scores(course=course).values())
    # The average of the learners' final scores (one per learner), not of every attempt.
    counts["average_score"] = sum(finals) / len(finals) if finals else None
    counts["scored"] = len(finals)
    return counts


def final_scores(*, course: CoursePage | None = None, enrollments=None) -> dict[int, int]:
    """Each learner's final quiz score, by enrollment id: the certificate's rule
    (courses.services.enrollment_complete_if_done), the average over the course's quizzes of the
    learner's best score in each. A completed enrollment keeps the score recorded at completion.
    Learners without an attempt are absent. Two queries, however many learners."""
    attempts = QuizAttempt.objects.all()
    done = Enrollment.objects.filter(completed_at__isnull=False, final_score__isnull=False)
    if course is not None:
        attempts = attempts.filter(enrollment__course=course)
        done = done.filter(course=course)
    if enrollments is not None:
        ids = [e.pk for e in enrollments]
        attempts = attempts.filter(enrollment_id__in=ids)
        done = done.filter(pk__in=ids)
    best: dict[int, list[int]] = defaultdict(list)
    for row in attempts.order_by().values("enrollment_id", "lesson_id").annotate(best=Max("score")):
        best[row["enrollment_id"]].append(row["best"])
    scores = {pk: round(sum(values) / len(values)) for pk, values in best.items()}
    scores.update(dict(done.values_list("pk", "final_score")))
    return scores


def with_final_scores(enrollments) -> list[Enrollment]:
    """`enrollments` (a page or a list) with `final_score_shown` set on each (None: no attempt)."""
    enrollments = list(enrollments)
    scores = final_scores(enrollments=enrollments)
    for enrollment in enrollments:
        enrollment.final_score_shown = scores.get(enrollment.pk)
    return enrollments


def scorm_results(enrollments) -> dict[int, list[dict]]:
    """Enrolment id -> its learner's SCORM results in the course (lesson, status, score), one query."""
    from .scorm.models import ScormAttempt

    found: dict[int, list[dict]] = {}
    attempts = (
        ScormAttempt.objects.filter(enrollment__in=[e.pk for e in enrollments])
        .select_related("lesson")
        .order_by("lesson__path")
    )
    for attempt in attempts:
        if attempt.completion_status or attempt.success_status:
            status = " / ".join(s for s in (attempt.completion_status, attempt.success_status) if s)
        else:
            status = attempt.lesson_status
        if attempt.score_raw is not None:
            score = round(attempt.score_raw)
        elif attempt.score_scaled is not None:
            score = round(100 * attempt.score_scaled)
        else:
            score = None
        found.setdefault(attempt.enrollment_id, []).append(
            {"lesson": attempt.lesson.title, "status": status or "—", "score": score}
        )
    return found


def course_learners(*, course: CoursePage) -> QuerySet[Enrollment]:
    """The learners of a course with their progress, number of quiz attempts and certificate
    (their final scores: with_final_scores)."""
    return (
        Enrollment.objects.filter(course=course)
        .select_related("employee__unit", "certificate")
        .annotate(
            lessons_done=Count("progress", distinct=True),
            attempt_count=Coalesce(Count("attempts", distinct=True), 0),
        )
        .order_by("employee__name")
    )


def hardest_questions(*, course: CoursePage, limit: int = 5) -> list[dict]:
    """The questions most often answered wrong, across every attempt of the course's quizzes."""
    lessons = {lesson.pk: lesson for lesson in LessonPage.objects.child_of(course).specific()}
    wrong, seen = defaultdict(int), defaultdict(int)
    for results in QuizAttempt.objects.filter(enrollment__course=course).values_list("results", flat=True).iterator():
        for result in results:
            seen[result["id"]] += 1
            wrong[result["id"]] += not result["correct"]
    questions = []
    for lesson in lessons.values():
        for child in lesson.questions:
            if seen[child.id]:
                questions.append(
                    {
                        "lesson": lesson.title,
                        "question": child.value["question"],
                        "answered": seen[child.id],
                        "wrong_percent": round(100 * wrong[child.id] / seen[child.id]),
                    }
                )
    return sorted(questions, key=lambda q: -q["wrong_percent"])[:limit]


def trainer_of_course(*, course: CoursePage, user_id) -> CourseTrainer | None:
    """The course's trainer with this user id, or None (also for an id that is not a number)."""
    try:
        return CourseTrainer.objects.select_related("user").get(course=course, user_id=int(user_id))
    except (CourseTrainer.DoesNotExist, ValueError, TypeError):
        return None
