"""Enrolling, marking lessons done, and recording completion exactly once."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.outbox.services import task_enqueue
from portal.people.learner_kept import learners_changed
from portal.people.models import Employee

from ..models import CoursePage, Enrollment, LessonPage, LessonProgress, QuizAttempt
from ..signals import enrollment_completed
from ..structure import course_structure


def live_lessons(course: CoursePage):
    return LessonPage.objects.child_of(course).live().order_by("path")


def missing_prerequisites(*, employee: Employee, prerequisites: list[CoursePage]) -> list[CoursePage]:
    """The `prerequisites` (a course's, by title) the employee has not completed yet: no query when
    there are none."""
    if not prerequisites:
        return []
    done = set(
        Enrollment.objects.filter(
            employee=employee, completed_at__isnull=False, course_id__in=[p.pk for p in prerequisites]
        ).values_list("course_id", flat=True)
    )
    return [prerequisite for prerequisite in prerequisites if prerequisite.pk not in done]


def enrollment_create(
    *,
    employee: Employee,
    course: CoursePage,
    source: str = Enrollment.Source.SELF,
    due_at: datetime.datetime | None = None,
) -> Enrollment:
    """Enrol an employee; refuses unpublished courses, courses without a published lesson, closed
    courses and unmet prerequisites, naming the missing ones.

    Enrolling twice returns the existing enrolment (a double click changes nothing).
    """
    existing = Enrollment.objects.filter(employee=employee, course=course).first()
    if existing is not None:
        return existing
    if not course.live:
        raise ValidationError(_("Kursus ini belum diterbitkan."), code="not_live")
    structure = course_structure(course)  # kept: a lesson or a prerequisite published shows at once
    if not structure["lessons"]:
        raise ValidationError(
            _("Kursus ini belum memiliki pelajaran yang diterbitkan, sehingga belum dapat diikuti."),
            code="no_lessons",
        )
    if source == Enrollment.Source.SELF and course.enrolment == CoursePage.Enrolment.ASSIGNED:
        raise ValidationError(_("Kursus ini hanya dapat diikuti melalui penugasan BKPSDM."), code="assignment_only")
    missing = missing_prerequisites(employee=employee, prerequisites=structure["prerequisites"])
    if missing:
        raise ValidationError(
            _("Selesaikan dulu kursus prasyarat: %(courses)s.") % {"courses": ", ".join(c.title for c in missing)},
            code="prerequisites",
        )
    if due_at is None and course.deadline_days:
        due_at = timezone.now() + datetime.timedelta(days=course.deadline_days)
    try:
        with transaction.atomic():
            return Enrollment.objects.create(employee=employee, course=course, source=source, due_at=due_at)
    except IntegrityError:
        # Two requests at once: the other one won; both see the same enrolment.
        return Enrollment.objects.get(employee=employee, course=course)


def _lessons_done(enrollment: Enrollment) -> list[tuple[int, bool]]:
    """The course's live lessons in order, each with whether the learner has done it: one query."""
    done = LessonProgress.objects.filter(enrollment=enrollment, lesson=OuterRef("pk"))
    return list(live_lessons(enrollment.course).annotate(done=Exists(done)).values_list("pk", "done"))


def _check_lesson_open(*, enrollment: Enrollment, lesson: LessonPage) -> list[tuple[int, bool]]:
    """Refuse a lesson that is not a live lesson of the course or comes before an earlier one is
    done; returns the course's live lessons in order, each with whether it is done."""
    rows = _lessons_done(enrollment)
    position = next((i for i, (pk, _done) in enumerate(rows) if pk == lesson.pk), None)
    if position is None:
        raise ValidationError(_("Pelajaran ini bukan bagian dari kursus Anda."), code="wrong_course")
    if not all(done for _pk, done in rows[:position]):
        raise ValidationError(_("Selesaikan pelajaran sebelumnya terlebih dahulu."), code="out_of_order")
    return rows


def lesson_done_in(rows: list[tuple[int, bool]], lesson: LessonPage) -> bool:
    return dict(rows)[lesson.pk]


def rows_with_done(rows: list[tuple[int, bool]], lesson: LessonPage) -> list[tuple[int, bool]]:
    """`rows` (from `_check_lesson_open`) once `lesson` is done."""
    return [(pk, done or pk == lesson.pk) for pk, done in rows]


@transaction.atomic
def lesson_mark_done(*, enrollment: Enrollment, lesson: LessonPage) -> LessonProgress:
    """Mark a lesson without a quiz as done (a lesson with a quiz is done when its quiz is passed)."""
    rows = _check_lesson_open(enrollment=enrollment, lesson=lesson)
    if lesson.has_quiz:
        raise ValidationError(_("Pelajaran ini selesai setelah kuisnya lulus."), code="quiz_required")
    if lesson.scorm_package_id:
        raise ValidationError(
            _("Pelajaran ini selesai saat materi SCORM-nya menyatakan selesai."), code="scorm_required"
        )
    progress = _progress_record(enrollment=enrollment, lesson=lesson, done=lesson_done_in(rows, lesson))
    enrollment_complete_if_done(enrollment=enrollment, rows=rows_with_done(rows, lesson))
    return progress


def _progress_record(*, enrollment: Enrollment, lesson: LessonPage, done: bool) -> LessonProgress:
    """The lesson's progress, recorded unless it was already (a double click, or two at once)."""
    if not done:
        try:
            with transaction.atomic():
                return LessonProgress.objects.create(enrollment=enrollment, lesson=lesson)
        except IntegrityError:
            pass
    return LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)


def enrollment_complete_if_done(*, enrollment: Enrollment, rows: list[tuple[int, bool]] | None = None) -> bool:
    """Record completion once all live lessons are done; returns True the one time it happens.

    `rows`: the course's lessons as the caller read them before it marked one done
    (`rows_with_done`), or None to read them now. A lesson opens only once those before it are done,
    so no other request can have done one of them between that read and this. The conditional
    UPDATE makes completion (and its JP) impossible to record twice, even from two requests at
    once. The certificate follows from a task, after commit.
    """
    if rows is None:
        rows = _lessons_done(enrollment)
    if not rows or not all(done for _pk, done in rows):
        return False
    best = list(
        QuizAttempt.objects.filter(enrollment=enrollment, passed=True, lesson_id__in=[pk for pk, _done in rows])
        .values("lesson_id")
        .annotate(best=Max("score"))
        .values_list("best", flat=True)
    )
    now = timezone.now()
    completion = {
        "completed_at": now,
        "final_score": round(sum(best) / len(best)) if best else None,
        "jp_awarded": enrollment.course.jp,
        "jp_year": timezone.localdate(now).year,
    }
    updated = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(**completion)
    if not updated:
        return False
    learners_changed([enrollment.employee_id])  # an UPDATE sends no signal
    for field, value in completion.items():  # as written (a refresh would drop the course read)
        setattr(enrollment, field, value)
    from ..tasks import certificate_issue_task
    from .competency import completion_record_competencies

    completion_record_competencies(enrollment=enrollment)
    enrollment_completed.send(sender=Enrollment, enrollment=enrollment)
    task_enqueue(certificate_issue_task, args=[enrollment.pk])
    return True
