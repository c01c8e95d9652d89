"""Reads of the courses app, shared by pages, views, the dashboard and reports.

Each returns in a fixed number of queries, whatever the number of courses, lessons or learners.
"""

import datetime
import hashlib
import uuid

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, Q, When
from django.db.models.functions import Left, Length
from django.http import Http404
from django.utils import timezone
from modelcluster.queryset import FakeQuerySet
from wagtail.models import Page

from competency.models import Competency
from portal.page_cache import content_kept
from portal.people.access import employee_for

from . import search
from .models import Certificate, CourseCompetency, CoursePage, Enrollment, LessonPage, LessonProgress, QuizAttempt
from .structure import course_structure

CATALOG_PAGE_SIZE = 12
JP_RANGES = {"1-4": (1, 4), "5-10": (5, 10), "11+": (11, None)}


def catalog_context(*, params) -> dict:
    """Published courses, searched, filtered by category, JP and competency, paginated. The same
    for everyone who asks the same, so a page of it is kept until the content changes
    (portal.page_cache.content_kept)."""
    category = params.get("kategori", "")
    jp_range = params.get("jp", "")
    competency = params.get("kompetensi", "")
    query = (params.get("q") or "").strip()[:100]
    number = str(params.get("halaman") or "")[:10]
    asked = "|".join((category, jp_range, competency[:100], query, number))
    kept = content_kept(
        "kompeten:catalog-page:" + hashlib.sha256(asked.encode()).hexdigest(),
        lambda: _catalog_read(category=category, jp_range=jp_range, competency=competency, query=query, number=number),
    )
    page = PaginatorPage(kept["courses"], kept["number"], Paginator(range(kept["count"]), CATALOG_PAGE_SIZE))
    return {
        "courses": page,
        "query": query,
        "category": category,
        "jp_range": jp_range,
        "categories": CoursePage.Category.choices,
        "competency": competency,
        "competencies": kept["competencies"],
        "jp_ranges": list(JP_RANGES),
        "results_key": kept["key"],
    }


def _catalog_read(*, category: str, jp_range: str, competency: str, query: str, number: str) -> dict:
    courses = with_live_lessons(CoursePage.objects.live().public()).select_related("cover_image")
    if category in CoursePage.Category.values:
        courses = courses.filter(category=category)
    if jp_range in JP_RANGES:
        low, high = JP_RANGES[jp_range]
        courses = courses.filter(jp__gte=low) if high is None else courses.filter(jp__gte=low, jp__lte=high)
    if competency:
        courses = courses.filter(
            pk__in=CourseCompetency.objects.filter(competency__code=competency).values("course_id")
        )
    results = _search(courses, query) if query else courses.order_by("title")
    page = Paginator(results, CATALOG_PAGE_SIZE).get_page(number)
    return {
        "key": uuid.uuid4().hex,  # new with every reading: names the rendered results (the template's cache)
        "courses": list(page.object_list),
        "number": page.number,
        "count": page.paginator.count,
        "competencies": list(Competency.objects.filter(courses__isnull=False).distinct().order_by("name")),
    }


def _search(courses, query: str):
    """The courses matching `query` (courses.search: word forms and punctuation), title matches
    first. Two queries, whatever the catalog's size; the matching runs over titles and summaries."""
    rows = list(courses.values_list("pk", "title", "summary"))
    names: dict[int, list[str]] = {}
    for course_id, name in CourseCompetency.objects.filter(course_id__in=[pk for pk, *_ in rows]).values_list(
        "course_id", "competency__name"
    ):
        names.setdefault(course_id, []).append(name)
    ranked = []
    for pk, title, summary in rows:
        if search.matches(query, title):
            ranked.append((0, title.lower(), pk))
        elif search.matches(query, " ".join([title, summary, *names.get(pk, [])])):
            ranked.append((1, title.lower(), pk))
    order = [pk for *_, pk in sorted(ranked)]
    if not order:
        return courses.none()
    return courses.filter(pk__in=order).order_by(Case(*(When(pk=pk, then=i) for i, pk in enumerate(order))))


def with_live_lessons(courses):
    """Only the courses that have at least one published lesson: a course without one is not
    offered, whatever its own state (it went live before its lessons, or they were unpublished).

    The parent of a page is its path less one step, so the published lessons' parent paths are
    computed once and joined by equality (a hash semi-join over the lessons). A correlated "path LIKE
    course.path || '%'" cannot use the path index and cost 0.7 s a request with 1,000 courses."""
    parents = (
        LessonPage.objects.filter(live=True)
        .annotate(parent_path=Left("path", Length("path") - Page.steplen))
        .values("parent_path")
    )
    return courses.filter(path__in=parents)


def lesson_states(*, lessons: list[LessonPage], enrollment: Enrollment | None) -> list[dict]:
    """Each lesson with done/open/locked: lessons are studied in order."""
    done = set()
    if enrollment is not None:
        done = set(LessonProgress.objects.filter(enrollment=enrollment).values_list("lesson_id", flat=True))
    states, open_reached = [], False
    for lesson in lessons:
        if lesson.pk in done:
            state = "done"
        elif not open_reached and enrollment is not None:
            state, open_reached = "open", True
        else:
            state = "locked"
        states.append({"lesson": lesson, "state": state})
    return states


def progress_percent(states: list[dict]) -> int:
    if not states:
        return 0
    return round(100 * sum(s["state"] == "done" for s in states) / len(states))


def live_prerequisites(course: CoursePage) -> list[CoursePage]:
    prerequisites = course.prerequisites.all()
    if isinstance(prerequisites, FakeQuerySet):  # a draft being previewed: the relation is in memory
        return sorted((p for p in prerequisites if p.live), key=lambda p: p.title)
    return list(prerequisites.live().order_by("title"))


def _next_step(states: list[dict]) -> dict | None:
    """Where "Mulai belajar" / "Lanjutkan" leads: the first lesson not done yet."""
    lesson = next((s["lesson"] for s in states if s["state"] == "open"), None)
    if lesson is None:
        return None
    started = any(s["state"] == "done" for s in states)
    return {"lesson": lesson, "started": started}


def course_context(*, course: CoursePage, user, preview: bool = False) -> dict:
    """The course page. A preview shows it as a signed-in employee who has not enrolled yet sees it,
    with the lesson drafts that will go live with the course. What is the same for everyone comes
    from the course's kept structure; the learner's own part is one query for their enrolments in
    the course and its prerequisites (with the certificate), and one for their progress."""
    if preview:
        return _course_preview_context(course)
    structure = course_structure(course)
    course.cover_image = structure["cover"]
    prerequisites = structure["prerequisites"]
    employee = employee_for(user)
    enrollment, completed = None, set()
    if employee is not None:
        courses = [course.pk, *(prerequisite.pk for prerequisite in prerequisites)]
        mine = Enrollment.objects.filter(employee=employee, course_id__in=courses).select_related("certificate")
        for each in mine:
            if each.course_id == course.pk:
                enrollment = each
            elif each.completed_at is not None:
                completed.add(each.course_id)
    states = lesson_states(lessons=structure["lessons"], enrollment=enrollment)
    return {
        "enrollment": enrollment,
        "lesson_states": states,
        "progress": progress_percent(states),
        "next_step": _next_step(states) if enrollment and not enrollment.completed_at else None,
        "prerequisites": [prerequisite for prerequisite in prerequisites if prerequisite.live],
        "competencies": structure["competencies"],
        "missing_prerequisites": [p for p in prerequisites if p.pk not in completed] if employee else [],
        "certificate": _certificate_of(enrollment),
        "can_self_enrol": course.enrolment == CoursePage.Enrolment.OPEN,
        "structure_key": structure["key"],
    }


def _certificate_of(enrollment: Enrollment | None) -> Certificate | None:
    try:
        return enrollment.certificate if enrollment is not None else None
    except Certificate.DoesNotExist:
        return None


def _lessons_as_they_will_be(course: CoursePage) -> list[LessonPage]:
    """Every lesson under the course, each as its latest draft: what publishing the course brings."""
    if course.pk is None:
        return []
    lessons = LessonPage.objects.child_of(course).order_by("path").select_related("latest_revision")
    return [lesson.get_latest_revision_as_object() if lesson.has_unpublished_changes else lesson for lesson in lessons]


def _course_preview_context(course: CoursePage) -> dict:
    states = [{"lesson": lesson, "state": "locked"} for lesson in _lessons_as_they_will_be(course)]
    return {
        "preview": True,
        "structure_key": uuid.uuid4().hex,  # a draft: nothing rendered from it is reused
        "enrollment": None,
        "lesson_states": states,
        "progress": 0,
        "next_step": None,
        "prerequisites": live_prerequisites(course),
        "competencies": sorted(course.competencies.all(), key=lambda item: item.sort_order or 0),
        "missing_prerequisites": [],
        "certificate": None,
        "can_self_enrol": course.enrolment == CoursePage.Enrolment.OPEN,
    }


def lesson_preview_context(*, lesson: LessonPage, course: CoursePage) -> dict:
    """A lesson as an enrolled learner who has reached it sees it; its siblings as they will be."""
    lessons = [other for other in _lessons_as_they_will_be(course) if other.pk != lesson.pk]
    lessons = sorted([*lessons, lesson], key=lambda item: item.path)
    states = [{"lesson": item, "state": "open" if item is lesson else "locked"} for item in lessons]
    index = lessons.index(lesson)
    limit = course.max_quiz_attempts
    return {
        "preview": True,
        "structure_key": uuid.uuid4().hex,  # a draft: nothing rendered from it is reused
        "course": course,
        "enrollment": None,
        "lesson_states": states,
        "progress": 0,
        "state": "open",
        "previous_lesson": None,
        "next_lesson": None,
        "lesson_index": index + 1,
        "questions": quiz_questions(lesson),
        "attempts": [],
        "last_attempt": None,
        "next_attempt_number": 1,
        "attempts_left": limit or None,
    }


def quiz_questions(lesson: LessonPage, attempt: QuizAttempt | None = None) -> list[dict]:
    """The questions as the quiz shows them: text and options, and, after an attempt, the learner's
    own choices, whether each answer was right, and its feedback. Never which options are right."""
    verdicts = {result["id"]: result["correct"] for result in attempt.results} if attempt else {}
    answers = attempt.answers if attempt else {}
    questions = []
    for child in lesson.questions:
        chosen = set(answers.get(child.id, []))
        correct = verdicts.get(child.id)
        feedback = ""
        if correct is not None:
            feedback = child.value["feedback_correct"] if correct else child.value["feedback_incorrect"]
        questions.append(
            {
                "id": child.id,
                "text": child.value["question"],
                "multiple": child.block.multiple,
                "options": [
                    {"index": i, "text": text, "chosen": i in chosen}
                    for i, text in enumerate(child.block.options(child.value))
                ],
                "correct": correct,
                "feedback": feedback,
            }
        )
    return questions


def lesson_context(*, lesson: LessonPage, course: CoursePage, enrollment: Enrollment) -> dict:
    structure = course_structure(course)
    states = lesson_states(lessons=structure["lessons"], enrollment=enrollment)
    index = next(i for i, s in enumerate(states) if s["lesson"].pk == lesson.pk)
    attempts = list(QuizAttempt.objects.filter(enrollment=enrollment, lesson=lesson).order_by("number"))
    last = attempts[-1] if attempts else None
    limit = course.max_quiz_attempts
    return {
        "structure_key": structure["key"],
        "course": course,
        "enrollment": enrollment,
        "lesson_states": states,
        "progress": progress_percent(states),
        "state": states[index]["state"],
        "previous_lesson": states[index - 1]["lesson"] if index > 0 else None,
        "next_lesson": states[index + 1]["lesson"] if index + 1 < len(states) else None,
        "questions": quiz_questions(lesson, last),
        "attempts": attempts,
        "last_attempt": last,
        "next_attempt_number": len(attempts) + 1,
        "attempts_left": None if not limit else max(limit - len(attempts), 0),
    }


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


def my_courses(*, employee) -> list[Enrollment]:
    """The employee's enrolments with lesson totals and done counts, and each one's certificate
    (see `certificates_among`), for the dashboard: one query, the lesson totals being kept."""
    result = list(
        Enrollment.objects.filter(employee=employee)
        .select_related("course", "certificate")
        .annotate(lessons_done=Count("progress", distinct=True))
        .order_by("completed_at", "due_at", "-enrolled_at")
    )
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
    found = [certificate for e in enrollments if (certificate := _certificate_of(e)) is not None]
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


def own_enrollment(user, course: CoursePage) -> Enrollment | None:
    """The user's enrolment in `course` (the page already read is set on it, rather than joined)."""
    employee = employee_for(user)
    if employee is None:
        return None
    enrollment = Enrollment.objects.filter(employee=employee, course=course).first()
    if enrollment is not None:
        enrollment.course = course
    return enrollment


def lesson_and_enrollment_or_404(user, lesson_id: int) -> tuple[LessonPage, Enrollment]:
    """A live lesson and the user's enrolment in its course (set on `enrollment.course`), for the
    learner's actions on it; 404 for a lesson not live or a course the user is not enrolled in."""
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    enrollment = own_enrollment(user, lesson.get_parent().specific) if lesson is not None else None
    if enrollment is None:
        raise Http404
    return lesson, enrollment
