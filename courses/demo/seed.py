"""Demo courses and learners for `seed_demo`: six published courses and employees at every stage.

Idempotent: a course whose slug already exists under the catalog is left as it is (an editor's
later changes are kept), and learners' steps that are already recorded are skipped. Learners go
through the services, as the portal's own views do, so completion, JP and certificates follow the
real rules (the certificate is issued by a task once the transaction commits).
"""

from dataclasses import dataclass, field

from django.db import transaction

from competency.models import Competency
from portal.people.demo import ACCOUNTS
from portal.people.models import Employee, User

from .. import services
from ..models import (
    Certificate,
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    QuizAttempt,
)
from .course_change import PERUBAHAN
from .course_egov import EGOV
from .course_integrity import INTEGRITAS
from .course_office import PRODUKTIVITAS
from .course_security import KEAMANAN
from .course_service import PELAYANAN

COURSES = [PRODUKTIVITAS, KEAMANAN, EGOV, PELAYANAN, INTEGRITAS, PERUBAHAN]

# The competencies each course develops (code, level it brings the learner to).
COMPETENCIES = {
    PRODUKTIVITAS["slug"]: [("tik-aplikasi-perkantoran", 2), ("tik-literasi-digital", 2)],
    KEAMANAN["slug"]: [("tik-keamanan-informasi", 3), ("tik-literasi-digital", 2)],
    EGOV["slug"]: [("tik-layanan-egovernment", 3), ("orientasi-pada-hasil", 2)],
    PELAYANAN["slug"]: [("pelayanan-publik", 3), ("komunikasi", 2)],
    INTEGRITAS["slug"]: [("integritas", 3)],
    PERUBAHAN["slug"]: [("mengelola-perubahan", 2), ("orientasi-pada-hasil", 2)],
}


# --- Demo learners ---------------------------------------------------------------------------

ALL = 99  # "every lesson"


@dataclass(frozen=True)
class Journey:
    """How far an employee got in a course.

    `done` lessons are completed in order; `retries` maps a lesson index to the failed quiz attempts
    before its pass; `stuck` is the number of failed attempts at the next lesson (which must have a quiz).
    `slips` answers one question wrong when the quiz still passes that way (a realistic score).
    """

    course: str
    done: int = 0
    retries: dict = field(default_factory=dict)
    stuck: int = 0
    slips: bool = False
    source: str = Enrollment.Source.SELF


PEGAWAI_NIP = "199204202019032011"
ATASAN_NIP = "197808152003121002"

NAMED_JOURNEYS = {
    PEGAWAI_NIP: [
        Journey(PRODUKTIVITAS["slug"], done=ALL),
        Journey(KEAMANAN["slug"], done=1),
        Journey(PERUBAHAN["slug"], source=Enrollment.Source.ASSIGNED),
    ],
    ATASAN_NIP: [
        Journey(PERUBAHAN["slug"], done=ALL, slips=True),
        Journey(PELAYANAN["slug"], done=1),
    ],
}

# For the generated employees, in the order seed_organisation creates them.
GENERATED_JOURNEYS = [
    [Journey(PRODUKTIVITAS["slug"], done=ALL, slips=True), Journey(KEAMANAN["slug"], done=ALL, retries={1: 1})],
    [Journey(EGOV["slug"], done=2)],
    [Journey(INTEGRITAS["slug"], done=1, stuck=1)],
    [Journey(PELAYANAN["slug"])],
    [Journey(PERUBAHAN["slug"], done=ALL, source=Enrollment.Source.ASSIGNED)],
    [Journey(PRODUKTIVITAS["slug"], done=1), Journey(INTEGRITAS["slug"], done=ALL, retries={1: 1})],
    [Journey(EGOV["slug"], done=ALL, slips=True)],
    [Journey(PERUBAHAN["slug"], done=1, stuck=1, source=Enrollment.Source.ASSIGNED)],
]


# --- Seeding -----------------------------------------------------------------------------------


def seed_courses() -> dict:
    """Create the demo courses and learners once; running it again changes nothing.

    Returns the totals of the catalog: courses, lessons, enrolments, certificates.
    """
    catalog = CourseIndexPage.objects.get()
    users = {user.username: user for user in User.objects.filter(username__in=["pelatih", "hr"])}
    for spec in COURSES:
        with transaction.atomic():
            _course_create(catalog, spec, author=users.get("pelatih"), publisher=users.get("hr"))

    courses = {course.slug: course for course in CoursePage.objects.child_of(catalog)}
    if users.get("pelatih") is not None:
        # The author became the trainer of each course it created; courses seeded before that rule
        # existed get their trainer here (adding one twice changes nothing).
        for spec in COURSES:
            if spec["slug"] in courses:
                services.course_trainer_add(course=courses[spec["slug"]], user=users["pelatih"])
    account_nips = {nip for _username, _name, nip, *_rest in ACCOUNTS if nip}
    generated = Employee.objects.exclude(nip__in=account_nips).order_by("pk")[: len(GENERATED_JOURNEYS)]
    plans = [(Employee.objects.filter(nip=nip).first(), journeys) for nip, journeys in NAMED_JOURNEYS.items()]
    plans += list(zip(generated, GENERATED_JOURNEYS, strict=False))
    for employee, journeys in plans:
        if employee is None:
            continue
        for journey in journeys:
            course = courses.get(journey.course)
            if course is None or not course.live:
                continue
            # One transaction per learner and course: the certificate task runs once it commits.
            with transaction.atomic():
                _study(employee, course, journey)

    return {
        "courses": len(courses),
        "lessons": LessonPage.objects.descendant_of(catalog).count(),
        "enrollments": Enrollment.objects.filter(course__in=courses.values()).count(),
        "certificates": Certificate.objects.filter(enrollment__course__in=courses.values()).count(),
    }


def _course_create(catalog: CourseIndexPage, spec: dict, *, author, publisher) -> CoursePage | None:
    """Create and publish one course with its lessons, unless its slug is already taken."""
    if CoursePage.objects.child_of(catalog).filter(slug=spec["slug"]).exists():
        return None
    course = CoursePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        category=spec["category"],
        level=spec["level"],
        jp=spec["jp"],
        pass_mark=spec["pass_mark"],
        max_quiz_attempts=spec.get("max_quiz_attempts"),
        deadline_days=spec.get("deadline_days"),
        enrolment=CoursePage.Enrolment.OPEN,
        body=spec["body"],
        owner=author,
    )
    codes = dict(COMPETENCIES.get(spec["slug"], []))
    course.competencies = [
        CourseCompetency(competency=competency, target_level=codes[competency.code])
        for competency in Competency.objects.filter(code__in=codes)
    ]
    _validate_body(course)
    catalog.add_child(instance=course)
    prerequisites = list(CoursePage.objects.child_of(catalog).filter(slug__in=spec.get("prerequisites", [])))
    if prerequisites:
        course.prerequisites.set(prerequisites)
    course.save_revision(user=author).publish(user=publisher, skip_permission_checks=True)

    for lesson_spec in spec["lessons"]:
        lesson = LessonPage(
            title=lesson_spec["title"],
            slug=lesson_spec["slug"],
            intro=lesson_spec["intro"],
            minutes=lesson_spec["minutes"],
            body=lesson_spec["body"],
            owner=author,
        )
        _validate_body(lesson)
        course.add_child(instance=lesson)
        lesson.save_revision(user=author).publish(user=publisher, skip_permission_checks=True)
    return course


def _validate_body(page) -> None:
    """Check the body as the page editor would (e.g. one right answer per single-choice question)."""
    page.body.stream_block.clean(page.body)


def _study(employee: Employee, course: CoursePage, journey: Journey) -> Enrollment:
    """Bring the employee's enrolment up to the journey's stage; steps already recorded are skipped."""
    enrollment = services.enrollment_create(employee=employee, course=course, source=journey.source)
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    done = set(LessonProgress.objects.filter(enrollment=enrollment).values_list("lesson_id", flat=True))
    for index, lesson in enumerate(lessons):
        finishing = index < journey.done
        if not finishing and not (index == journey.done and journey.stuck):
            break
        if lesson.pk in done:
            continue
        if not lesson.has_quiz:
            if not finishing:
                raise ValueError(f"{course.slug}: lesson {index} has no quiz to fail")
            services.lesson_mark_done(enrollment=enrollment, lesson=lesson)
            continue
        outcomes = [False] * (journey.retries.get(index, 0) if finishing else journey.stuck)
        if finishing:
            outcomes.append(True)
        previous = QuizAttempt.objects.filter(enrollment=enrollment, lesson=lesson).count()
        for number, passing in enumerate(outcomes, start=1):
            if number <= previous:
                continue
            answers = _answers(lesson, pass_mark=course.pass_mark, passing=passing, slips=journey.slips)
            attempt = services.quiz_submit(enrollment=enrollment, lesson=lesson, answers=answers, number=number)
            if attempt.passed != passing:
                raise ValueError(f"{course.slug}/{lesson.slug}: attempt {number} scored {attempt.score}")
    return enrollment


def _answers(lesson: LessonPage, *, pass_mark: int, passing: bool, slips: bool) -> dict[str, list[str]]:
    """Answers to the lesson's quiz: all right, one slip that still passes, or every other one wrong."""
    questions = lesson.questions
    if passing:
        wrong = set()
        if slips and round(100 * (len(questions) - 1) / len(questions)) >= pass_mark:
            wrong = {len(questions) - 1}
    else:
        wrong = set(range(0, len(questions), 2))  # at most half right: below every pass mark used here
    return {
        child.id: [str(i) for i in sorted(_wrong(child) if index in wrong else child.block.correct(child.value))]
        for index, child in enumerate(questions)
    }


def _wrong(child) -> set[int]:
    """A wrong answer to one question, of the shape the question accepts."""
    correct = child.block.correct(child.value)
    options = range(len(child.block.options(child.value)))
    if child.block.multiple and len(correct) > 1:
        return {min(correct)}  # only part of the right answers
    other = next(i for i in options if i not in correct)
    return correct | {other} if child.block.multiple else {other}
