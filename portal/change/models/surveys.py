"""Pulse surveys on readiness: short Likert questionnaires by ADKAR dimension, one answer per employee.

Who has answered and what was answered are kept apart: a `SurveyParticipation` names the employee
and says when they answered; a `SurveyResponse` holds the answers, the free-text concern and the
unit the answers are grouped by, with no employee, no time and a random key, so that no screen,
export or receipt can lead from a person to their answers. Results are reported only once a round
has closed, and only for groups of at least `PRIVACY_THRESHOLD` respondents.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from portal import rules

PRIVACY_THRESHOLD = rules.SURVEY_PRIVACY_THRESHOLD  # see portal.rules
LIKERT = [
    (1, _("Sangat tidak setuju")),
    (2, _("Tidak setuju")),
    (3, _("Ragu-ragu")),
    (4, _("Setuju")),
    (5, _("Sangat setuju")),
]


class Dimension(models.TextChoices):
    """The ADKAR model of individual change."""

    AWARENESS = "awareness", _("Kesadaran (Awareness)")
    DESIRE = "desire", _("Keinginan (Desire)")
    KNOWLEDGE = "knowledge", _("Pengetahuan (Knowledge)")
    ABILITY = "ability", _("Kemampuan (Ability)")
    REINFORCEMENT = "reinforcement", _("Penguatan (Reinforcement)")


class PulseSurvey(ClusterableModel):
    """One round of the readiness survey, open for a period; rounds are compared to show a trend."""

    title = models.CharField(_("judul"), max_length=200)
    intro = models.TextField(_("pengantar"), max_length=800, blank=True)
    opens_at = models.DateTimeField(_("dibuka"))
    closes_at = models.DateTimeField(_("ditutup"))
    ask_concerns = models.BooleanField(
        _("tanyakan kekhawatiran"), default=True, help_text=_("Tambahkan isian bebas yang tidak wajib.")
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("ask_concerns"),
        InlinePanel("questions", label=_("Pertanyaan"), heading=_("Pertanyaan"), min_num=1),
    ]

    class Meta:
        verbose_name = _("survei denyut")
        verbose_name_plural = _("survei denyut")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")), name="change_survey_period"),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        """Closed rounds take no more answers, so their results can no longer move by one person."""
        return (now or timezone.now()) >= self.closes_at


class SurveyQuestion(Orderable):
    """A Likert statement, read as a measure of one ADKAR dimension."""

    survey = ParentalKey(PulseSurvey, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("pernyataan"), max_length=300)
    dimension = models.CharField(_("dimensi"), max_length=20, choices=Dimension.choices)

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("dimension")])]

    class Meta(Orderable.Meta):
        verbose_name = _("pertanyaan survei")
        verbose_name_plural = _("pertanyaan survei")

    def __str__(self) -> str:
        return self.text


class SurveyParticipation(models.Model):
    """That an employee answered a round, and when: what reminders, the employee's list and their
    receipt need. It says nothing of the answers, and nothing leads from it to them."""

    survey = models.ForeignKey(
        PulseSurvey, verbose_name=_("survei"), on_delete=models.CASCADE, related_name="participations"
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="survey_participations",
    )
    answered_at = models.DateTimeField(_("waktu mengisi"), default=timezone.now)

    class Meta:
        verbose_name = _("keikutsertaan survei")
        verbose_name_plural = _("keikutsertaan survei")
        # One response per employee per round rests on this constraint, under concurrency too.
        constraints = [models.UniqueConstraint(fields=["survey", "employee"], name="change_survey_answer_once")]

    def __str__(self) -> str:
        return f"{self.employee_id} → {self.survey_id}"


class SurveyResponse(models.Model):
    """One person's answers to one round, without the person: the unit (as it was when they answered)
    is what results are grouped by. The key is random, so that the order of the rows' keys does not
    follow the order of the participations."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        PulseSurvey, verbose_name=_("survei"), on_delete=models.CASCADE, related_name="responses"
    )
    unit = models.ForeignKey("people.Unit", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="+")
    concern = models.TextField(_("kekhawatiran"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        indexes = [models.Index(fields=["survey", "unit"], name="change_response_survey_unit")]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.pk}"


class SurveyAnswer(models.Model):
    """The score (1–5) one response gives one question (a random key, as for the response)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    value = models.PositiveSmallIntegerField(
        _("nilai"), choices=LIKERT, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("skor jawaban")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="change_answer_once"),
            models.CheckConstraint(condition=models.Q(value__gte=1, value__lte=5), name="change_answer_likert"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}={self.value}"
