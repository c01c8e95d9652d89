"""A learner in a course: the course and lesson pages, their states and previews, and the
learner's own enrolment for the actions on a lesson."""

import uuid

from django.http import Http404
from modelcluster.queryset import FakeQuerySet

from portal.people.access import employee_for
from portal.prepared import Prepared

from ..models import Certificate, CoursePage, Enrollment, LessonPage, LessonProgress, QuizAttempt
from ..structure import course_structure, cover_rendition

# A learner's own reads on a course or lesson page and its actions, compiled once per process
# (portal.prepared): each learner's pages are built again after each of their actions.
_DONE = Prepared(
    lambda *, enrollment_id: LessonProgress.objects.filter(enrollment_id=enrollment_id).only("lesson_id"),
    enrollment_id=-7_000_301,
)
_ATTEMPTS = Prepared(
    lambda *, enrollment_id, lesson_id: QuizAttempt.objects.filter(
        enrollment_id=enrollment_id, lesson_id=lesson_id
    ).order_by("number"),
    enrollment_id=-7_000_302,
    lesson_id=-7_000_303,
)
_OWN_ENROLLMENT = Prepared(
    lambda *, employee_id, course_id: Enrollment.objects.filter(employee_id=employee_id, course_id=course_id).order_by(
        "pk"
    )[:1],
    employee_id=-7_000_304,
    course_id=-7_000_305,
)
_LIVE_LESSON = Prepared(
    lambda *, lesson_id: LessonPage.objects.live().filter(pk=lesson_id).order_by("pk")[:1], lesson_id=-7_000_306
)
_ENROLLMENT_IN = Prepared(
    lambda *, employee_id, course_path: (
        Enrollment.objects.select_related("course")
        .filter(employee_id=employee_id, course__path=course_path)
        .order_by("pk")[:1]
    ),
    employee_id=-7_000_307,
    course_path="kompeten-stand-in-course-path",
)


def lesson_states(*, lessons: list[LessonPage], enrollment: Enrollment | None) -> list[dict]:
    """Each lesson with done/open/locked: lessons are studied in order."""
    done = set()
    if enrollment is not None:
        done = {progress.lesson_id for progress in _DONE.objects(enrollment_id=enrollment.pk)}
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
        "certificate": certificate_of(enrollment),
        "can_self_enrol": course.enrolment == CoursePage.Enrolment.OPEN,
        "structure_key": structure["key"],
        "cover": cover_rendition(structure["cover"]),
    }


def certificate_of(enrollment: Enrollment | None) -> Certificate | None:
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
    attempts = _ATTEMPTS.objects(enrollment_id=enrollment.pk, lesson_id=lesson.pk)
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


def own_enrollment(user, course: CoursePage) -> Enrollment | None:
    """The user's enrolment in `course` (the page already read is set on it, rather than joined)."""
    employee = employee_for(user)
    if employee is None:
        return None
    enrollment = _OWN_ENROLLMENT.first(employee_id=employee.pk, course_id=course.pk)
    if enrollment is not None:
        enrollment.course = course
    return enrollment


def lesson_after(course: CoursePage, lesson: LessonPage) -> LessonPage | None:
    """The live lesson that follows `lesson` in its course (from the course's kept structure)."""
    return next((other for other in course_structure(course)["lessons"] if other.path > lesson.path), None)


def lesson_and_enrollment_or_404(user, lesson_id: int) -> tuple[LessonPage, Enrollment]:
    """A live lesson and the user's enrolment in its course (set on `enrollment.course`), for the
    learner's actions on it; 404 for a lesson not live or a course the user is not enrolled in."""
    if not 0 < lesson_id < 2**31:  # no page's pk: the compiled query would not refuse it itself
        raise Http404
    lesson = _LIVE_LESSON.first(lesson_id=lesson_id)
    employee = employee_for(user)
    if lesson is None or employee is None:
        raise Http404
    parent_path = lesson.path[: -LessonPage.steplen]
    enrollment = _ENROLLMENT_IN.first(employee_id=employee.pk, course_path=parent_path)
    if enrollment is None:
        raise Http404
    return lesson, enrollment
