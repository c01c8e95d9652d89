"""Quiz submission: graded on the server, every attempt kept, limits and deadline honoured."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Enrollment, LessonPage, LessonProgress, QuizAttempt
from .enrollment import _check_lesson_open, enrollment_complete_if_done, lesson_done_in, rows_with_done


def _parse_answers(lesson: LessonPage, answers: dict[str, list[str]]) -> dict[str, set[int]]:
    """Map each question's block id to the chosen option indexes; anything forged is refused."""
    parsed: dict[str, set[int]] = {}
    for child in lesson.questions:
        raw = answers.get(child.id) or []
        if not raw:
            raise ValidationError(_("Semua pertanyaan harus dijawab sebelum dikirim."), code="unanswered")
        options = len(child.block.options(child.value))
        try:
            chosen = {int(value) for value in raw}
        except (TypeError, ValueError):
            raise ValidationError(_("Jawaban yang dikirim tidak sah."), code="forged") from None
        if not all(0 <= index < options for index in chosen) or (not child.block.multiple and len(chosen) != 1):
            raise ValidationError(_("Jawaban yang dikirim tidak sah."), code="forged")
        parsed[child.id] = chosen
    unknown = set(answers) - set(parsed)
    if unknown:
        raise ValidationError(_("Jawaban yang dikirim tidak sah."), code="forged")
    return parsed


def quiz_submit(
    *, enrollment: Enrollment, lesson: LessonPage, answers: dict[str, list[str]], number: int
) -> QuizAttempt:
    """Grade one submission as attempt `number` (the form carries it, so a double post is refused).

    A passed attempt marks the lesson done and may complete the course; a failed one does not.
    """
    if not lesson.has_quiz:
        raise ValidationError(_("Pelajaran ini tidak memiliki kuis."), code="no_quiz")
    rows = _check_lesson_open(enrollment=enrollment, lesson=lesson)
    passed_before = lesson_done_in(rows, lesson)
    if enrollment.due_at and timezone.now() > enrollment.due_at and not enrollment.is_completed:
        raise ValidationError(_("Tenggat kursus ini sudah lewat; kuis tidak dapat dikirim lagi."), code="late")
    if passed_before:
        raise ValidationError(_("Kuis ini sudah Anda lulusi."), code="already_passed")
    previous = QuizAttempt.objects.filter(enrollment=enrollment, lesson=lesson).count()
    if number != previous + 1:
        raise ValidationError(_("Jawaban ini sudah dikirim sebelumnya; tidak dihitung dua kali."), code="duplicate")
    limit = enrollment.course.max_quiz_attempts
    if limit and previous >= limit:
        raise ValidationError(_("Batas %(limit)s kali percobaan kuis sudah habis.") % {"limit": limit}, code="limit")

    chosen = _parse_answers(lesson, answers)
    results = []
    for child in lesson.questions:
        correct = child.block.grade(child.value, chosen[child.id])
        results.append({"id": child.id, "correct": correct})
    score = round(100 * sum(r["correct"] for r in results) / len(results))
    passed = score >= enrollment.course.pass_mark
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                enrollment=enrollment,
                lesson=lesson,
                number=number,
                answers={key: sorted(value) for key, value in chosen.items()},
                results=results,
                score=score,
                passed=passed,
            )
            if passed:
                LessonProgress.objects.create(enrollment=enrollment, lesson=lesson)  # not done before
                enrollment_complete_if_done(enrollment=enrollment, rows=rows_with_done(rows, lesson))
    except IntegrityError:
        raise ValidationError(
            _("Jawaban ini sudah dikirim sebelumnya; tidak dihitung dua kali."), code="duplicate"
        ) from None
    return attempt
