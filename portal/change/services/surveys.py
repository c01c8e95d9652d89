"""Writes about pulse surveys: an employee's answers, and a new round copied from an earlier one.

Answering writes two unlinked rows in one transaction: the participation (who, when) and the
response (the answers, the concern, the unit; no employee, no time). One response per employee per
round holds under concurrency: the participation's pair (survey, employee) is unique in the
database, and a second insert that loses the race is rolled back to its savepoint, response and
all, and answered with the participation that won.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.people.models import Employee

from ..models import PulseSurvey, SurveyAnswer, SurveyParticipation, SurveyQuestion, SurveyResponse

CONCERN_MAX_LENGTH = 2000
LIKERT_VALUES = range(1, 6)


def _existing_participation(*, survey: PulseSurvey, employee: Employee) -> SurveyParticipation | None:
    return SurveyParticipation.objects.filter(survey=survey, employee=employee).first()


def _closed_reason(survey: PulseSurvey, now: datetime.datetime) -> ValidationError | None:
    if now < survey.opens_at:
        return ValidationError(_("Survei ini belum dibuka."), code="not_open")
    if now >= survey.closes_at:
        return ValidationError(_("Survei ini sudah ditutup."), code="closed")
    return None


def _clean_answers(*, survey: PulseSurvey, answers: dict[int, int]) -> dict[int, int]:
    """Every question of `survey` with a score of 1–5; anything else (another survey's question, a
    missing one, a value off the scale) is refused as a whole."""
    question_ids = set(SurveyQuestion.objects.filter(survey=survey).values_list("pk", flat=True))
    if not question_ids:
        raise ValidationError(_("Survei ini belum memiliki pertanyaan."), code="empty")
    try:
        cleaned = {int(key): value for key, value in answers.items()}
    except (TypeError, ValueError):
        raise ValidationError(_("Jawaban yang dikirim tidak sah."), code="forged") from None
    if set(cleaned) - question_ids:
        raise ValidationError(_("Jawaban yang dikirim tidak sah."), code="forged")
    if question_ids - set(cleaned):
        raise ValidationError(_("Semua pernyataan harus dijawab."), code="unanswered")
    for value in cleaned.values():
        # bool is an int in Python; a True must not pass for a 1.
        if isinstance(value, bool) or not isinstance(value, int) or value not in LIKERT_VALUES:
            raise ValidationError(_("Setiap jawaban harus berupa nilai 1 sampai 5."), code="out_of_range")
    return cleaned


def survey_response_submit(
    *,
    employee: Employee,
    survey: PulseSurvey,
    answers: dict[int, int],
    concern: str = "",
    now: datetime.datetime | None = None,
) -> tuple[SurveyParticipation, bool]:
    """Record `employee`'s answers to `survey` (question id → score 1–5); returns the employee's
    participation (never the response: nothing handed out leads to the answers) and whether it was
    recorded now.

    A second submission, also one racing the first, returns the existing participation and False. Refused
    with a ValidationError when the employee is inactive, when the round is not open at `now`, when
    an answer is missing, belongs to another survey or is off the scale, or when the concern is
    longer than 2,000 characters. The response keeps the employee's unit of today, so a later move
    does not rewrite the unit's results.
    """
    now = now or timezone.now()
    existing = _existing_participation(survey=survey, employee=employee)
    if existing is not None:
        return existing, False
    if not employee.is_active:
        raise ValidationError(
            _("Data kepegawaian Anda tidak aktif, sehingga tidak dapat mengisi survei."), code="inactive"
        )
    reason = _closed_reason(survey, now)
    if reason is not None:
        raise reason
    cleaned = _clean_answers(survey=survey, answers=answers)
    concern = (concern or "").strip() if survey.ask_concerns else ""
    if len(concern) > CONCERN_MAX_LENGTH:
        raise ValidationError(
            _("Isian kekhawatiran paling banyak %(max)s karakter.") % {"max": CONCERN_MAX_LENGTH}, code="too_long"
        )
    try:
        with transaction.atomic():
            # The participation first: a racing second submission waits on its unique pair and
            # fails there, before it has written any answers.
            participation = SurveyParticipation.objects.create(survey=survey, employee=employee, answered_at=now)
            response = SurveyResponse.objects.create(survey=survey, unit_id=employee.unit_id, concern=concern)
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, question_id=question_id, value=value)
                for question_id, value in cleaned.items()
            )
    except IntegrityError:
        # Lost the race against the same employee's other submission: answer with the winner.
        winner = SurveyParticipation.objects.filter(survey=survey, employee=employee).first()
        if winner is None:
            raise
        return winner, False
    return participation, True


@transaction.atomic
def survey_copy(
    *,
    survey: PulseSurvey,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    title: str | None = None,
) -> PulseSurvey:
    """Start a new round from `survey`: the same introduction and statements (in order, with their
    dimensions), its own period, and no responses. Used by HR's "Salin sebagai putaran baru"."""
    if closes_at <= opens_at:
        raise ValidationError(_("Waktu tutup harus setelah waktu buka."), code="period")
    title = (title or "").strip() or survey.title
    copy = PulseSurvey.objects.create(
        title=title[:200],
        intro=survey.intro,
        opens_at=opens_at,
        closes_at=closes_at,
        ask_concerns=survey.ask_concerns,
    )
    SurveyQuestion.objects.bulk_create(
        SurveyQuestion(survey=copy, text=question.text, dimension=question.dimension, sort_order=question.sort_order)
        for question in SurveyQuestion.objects.filter(survey=survey).order_by("sort_order", "pk")
    )
    return copy
