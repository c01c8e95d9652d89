"""Reads for the trainer's and HR's course reports (Wagtail admin)."""

from collections import defaultdict

from django.db.models import Avg, Count, IntegerField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import CoursePage, Enrollment, LessonPage, QuizAttempt


def courses_with_counts() -> QuerySet[CoursePage]:
    """Every course with its numbers of learners, for the report index (one query)."""
    return CoursePage.objects.annotate(
        enrolled=Count("enrollments", distinct=True),
        completed=Count("enrollments", filter=Q(enrollments__completed_at__isnull=False), distinct=True),
    ).order_by("title")


def course_summary(*, course: CoursePage) -> dict:
    counts = Enrollment.objects.filter(course=course).aggregate(
        enrolled=Count("pk", distinct=True),
        completed=Count("pk", filter=Q(completed_at__isnull=False), distinct=True),
        started=Count("pk", filter=Q(completed_at__isnull=True, progress__isnull=False), distinct=True),
    )
    counts["not_started"] = counts["enrolled"] - counts["completed"] - counts["started"]
    counts["average_score"] = QuizAttempt.objects.filter(enrollment__course=course).aggregate(avg=Avg("score"))["avg"]
    return counts


def course_learners(*, course: CoursePage) -> QuerySet[Enrollment]:
    """The learners of a course with their progress, best quiz score and certificate."""
    best = (
        QuizAttempt.objects.filter(enrollment=OuterRef("pk"))
        .order_by()
        .values("enrollment")
        .annotate(best=Max("score"))
        .values("best")
    )
    return (
        Enrollment.objects.filter(course=course)
        .select_related("employee__unit", "certificate")
        .annotate(
            lessons_done=Count("progress", distinct=True),
            best_score=Subquery(best, output_field=IntegerField()),
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
