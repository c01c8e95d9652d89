"""Reads about pulse surveys: what an employee may still answer, their own receipts, and results.

Results of a round are given only once it has closed: while it is open, each new respondent would
move the figures by exactly their own answers. They are never given for a group of fewer than
`PRIVACY_THRESHOLD` respondents: the caller gets `suppressed=True` and no numbers at all, not even
the number of respondents. A concern word is shown only when at least `PRIVACY_THRESHOLD` people
wrote it.
"""

import datetime
import re
from collections import Counter

from django.db.models import Avg, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.people.models import Employee, Unit

from ..models import Dimension, PulseSurvey, SurveyAnswer, SurveyParticipation, SurveyQuestion, SurveyResponse
from ..models.surveys import PRIVACY_THRESHOLD

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"
STATUS_LABELS = {UPCOMING: _("Akan dibuka"), OPEN: _("Dibuka"), CLOSED: _("Ditutup")}

# Common Indonesian function words (and a few filler words of informal writing), dropped from the
# concern word counts so that what remains says what people worry about.
STOP_WORDS = frozenset(
    """
    ada adalah agar akan aku akhirnya amat anda antara apa apakah apalagi atas atau bagai bagaimana bagi bahkan
    bahwa baik banyak barangkali beberapa begini begitu belum benar berapa berbagai bersama beserta betul biar
    biasanya bila bisa boleh bukan bukankah cukup dalam dan dapat dari daripada dengan di dia dilakukan diri
    dong dulu engkau gimana hal hampir hanya harus hingga ia ialah ini itu jadi jangan jika juga justru kalau
    kalian kami kamu kan kapan karena kata ke kecuali kemudian kenapa kepada ketika kira kita kok lagi lah
    lain lalu lebih maka makin malah mana masih masing mau melainkan memang mengapa menjadi menurut mereka
    merupakan meski misalnya mungkin nah namun nanti nya oleh pada padahal para per perlu pula pun punya
    rasanya saat saja sama sambil sampai sangat saya se seakan sebab sebagai sebagian sebelum sebenarnya
    secara sedang sedangkan sedikit segala sehingga sejak sekali sekarang selain selalu seluruh semakin
    sementara semua sendiri seolah seperti sepertinya serta sesuatu setelah setiap sih siapa sini situ suatu
    sudah supaya tak tanpa tapi telah tentang tentu terhadap terlalu termasuk tersebut tetapi tidak toh
    untuk walau walaupun ya yaitu yakni yang
    """.split()
)
WORD = re.compile(r"[^\W\d_]+")
MIN_WORD_LENGTH = 3


def survey_status(survey: PulseSurvey, *, now: datetime.datetime | None = None) -> str:
    """ "upcoming", "open" or "closed" at `now`."""
    now = now or timezone.now()
    if now < survey.opens_at:
        return UPCOMING
    return OPEN if now < survey.closes_at else CLOSED


def open_surveys_for(*, employee: Employee | None, now: datetime.datetime | None = None) -> list[PulseSurvey]:
    """The rounds open now that `employee` has not answered yet, closing soonest first (one query)."""
    if employee is None:
        return []
    now = now or timezone.now()
    return list(
        PulseSurvey.objects.filter(opens_at__lte=now, closes_at__gt=now)
        .exclude(participations__employee=employee)
        .order_by("closes_at", "pk")
    )


def participations_of(*, employee: Employee | None) -> list[SurveyParticipation]:
    """The rounds the employee answered, with when, newest first (one query)."""
    if employee is None:
        return []
    return list(
        SurveyParticipation.objects.filter(employee=employee).select_related("survey").order_by("-answered_at", "-pk")
    )


def participation_for(*, employee: Employee, survey: PulseSurvey) -> SurveyParticipation | None:
    """The employee's participation in `survey`, if they answered it."""
    return SurveyParticipation.objects.filter(employee=employee, survey=survey).first()


def survey_questions(*, survey: PulseSurvey) -> list[SurveyQuestion]:
    """The survey's statements in the order HR arranged them."""
    return list(SurveyQuestion.objects.filter(survey=survey).order_by("sort_order", "pk"))


def own_participation_or_404(*, employee: Employee | None, survey_id: int) -> SurveyParticipation:
    """The employee's receipt for a round: that they answered it, and when (one query). A round they
    did not answer is a 404. The answers are not part of it: nothing links them to anyone."""
    participation = (
        SurveyParticipation.objects.select_related("survey").filter(survey_id=survey_id, employee=employee).first()
        if employee is not None
        else None
    )
    if participation is None:
        raise Http404
    return participation


def _responses(*, survey: PulseSurvey, unit: Unit | None) -> QuerySet[SurveyResponse]:
    responses = SurveyResponse.objects.filter(survey=survey)
    return responses.filter(unit=unit) if unit is not None else responses


def survey_results(*, survey: PulseSurvey, unit: Unit | None = None, now: datetime.datetime | None = None) -> dict:
    """Mean score per ADKAR dimension and overall, for the whole round or one unit (two queries).

    While the round is not closed at `now`, and under `PRIVACY_THRESHOLD` respondents, the result
    is `{"suppressed": True}` with every number None (`pending` says which of the two). The overall
    mean weighs the five dimensions equally.
    """
    pending = not survey.is_closed(now)
    respondents = 0 if pending else _responses(survey=survey, unit=unit).count()
    suppressed = pending or respondents < PRIVACY_THRESHOLD
    means = {}
    if not suppressed:
        answers = SurveyAnswer.objects.filter(response__survey=survey)
        if unit is not None:
            answers = answers.filter(response__unit=unit)
        means = {
            row["question__dimension"]: row["mean"]
            for row in answers.values("question__dimension").annotate(mean=Avg("value")).order_by()
        }
    dimensions = [
        {"key": key, "label": label, "mean": None if suppressed else _rounded(means.get(key))}
        for key, label in Dimension.choices
    ]
    return {
        "survey": survey,
        "unit": unit,
        "suppressed": suppressed,
        "pending": pending,
        "respondents": None if suppressed else respondents,
        "dimensions": dimensions,
        "overall": None if suppressed else overall_mean(means),
    }


def overall_mean(means: dict[str, float | None]) -> float | None:
    """The mean of the dimension means that have answers (dimensions weigh equally), to 2 decimals."""
    values = [value for value in means.values() if value is not None]
    return _rounded(sum(values) / len(values)) if values else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def words_of(text: str) -> set[str]:
    """The distinct content words of a text: lower case, letters only, no stop words or short words."""
    return {word for word in WORD.findall(text.lower()) if len(word) >= MIN_WORD_LENGTH and word not in STOP_WORDS}


def concern_word_counts(
    *, survey: PulseSurvey, unit: Unit | None = None, top: int = 15, now: datetime.datetime | None = None
) -> list[tuple[str, int]] | None:
    """The commonest words of the free-text concerns, as (word, number of people who wrote it),
    commonest first; None while the round is not closed at `now` or when the group has fewer than
    `PRIVACY_THRESHOLD` respondents (two queries).

    A word counts once per writer (each response is one person), so one long answer cannot
    outweigh many short ones; and a word fewer than `PRIVACY_THRESHOLD` people wrote is left out,
    since it would be one person's own words.
    """
    if not survey.is_closed(now):
        return None
    responses = _responses(survey=survey, unit=unit)
    if responses.count() < PRIVACY_THRESHOLD:
        return None
    writers: Counter[str] = Counter()
    for concern in responses.exclude(concern="").values_list("concern", flat=True):
        writers.update(words_of(concern))
    shared = [(word, count) for word, count in writers.items() if count >= PRIVACY_THRESHOLD]
    return sorted(shared, key=lambda item: (-item[1], item[0]))[:top]
