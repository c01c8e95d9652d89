"""Pulse surveys on readiness: short Likert questionnaires by ADKAR dimension, one answer per employee.

Answers are kept per response, never shown per person; results are reported only for groups of at
least `PRIVACY_THRESHOLD` respondents.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

PRIVACY_THRESHOLD = 5
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


class SurveyResponse(models.Model):
    """One employee's answers to one round; the unit is kept as it was when they answered."""

    survey = models.ForeignKey(
        PulseSurvey, verbose_name=_("survei"), on_delete=models.CASCADE, related_name="responses"
    )
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="survey_responses"
    )
    unit = models.ForeignKey("people.Unit", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="+")
    concern = models.TextField(_("kekhawatiran"), max_length=2000, blank=True)
    submitted_at = models.DateTimeField(_("waktu kirim"), default=timezone.now)

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        constraints = [models.UniqueConstraint(fields=["survey", "employee"], name="change_survey_answer_once")]
        indexes = [models.Index(fields=["survey", "unit"], name="change_response_survey_unit")]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.pk}"


class SurveyAnswer(models.Model):
    """The score (1–5) one response gives one question."""

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
