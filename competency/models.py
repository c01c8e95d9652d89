"""The competency dictionary (Kamus Kompetensi, PermenPANRB 38/2017): what can be developed."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from portal import stored_text

LEVELS = [(level, str(level)) for level in range(1, 6)]


class Competency(index.Indexed, models.Model):
    """A competency with a behavioural indicator per proficiency level 1–5."""

    class Kind(models.TextChoices):
        MANAJERIAL = "manajerial", _("Manajerial")
        SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")
        TEKNIS = "teknis", _("Teknis")

    code = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.TextField(_("definisi"), blank=True)
    indicator_1 = models.TextField(_("indikator level 1"), blank=True)
    indicator_2 = models.TextField(_("indikator level 2"), blank=True)
    indicator_3 = models.TextField(_("indikator level 3"), blank=True)
    indicator_4 = models.TextField(_("indikator level 4"), blank=True)
    indicator_5 = models.TextField(_("indikator level 5"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind")]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["manajerial", "sosial_kultural", "teknis"]), name="competency_kind_valid"
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="competency_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def indicator(self, level: int) -> str:
        return getattr(self, f"indicator_{level}", "")


class PositionStandard(models.Model):
    """The level of a competency that a position (jabatan) requires."""

    position = models.ForeignKey(
        "people.Position", verbose_name=_("jabatan"), on_delete=models.CASCADE, related_name="competency_standards"
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="standards"
    )
    required_level = models.PositiveSmallIntegerField(_("level yang disyaratkan"), choices=LEVELS)

    class Meta:
        ordering = ["position", "competency"]
        verbose_name = _("standar kompetensi jabatan")
        verbose_name_plural = _("standar kompetensi jabatan")
        constraints = [
            models.UniqueConstraint(fields=["position", "competency"], name="standard_once_per_position"),
            models.CheckConstraint(
                condition=Q(required_level__gte=1, required_level__lte=5), name="standard_level_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position_id}: {self.competency_id} ≥ {self.required_level}"


class Assessment(models.Model):
    """An assessed level of one employee in one competency; the employee's current level is the latest."""

    class Source(models.TextChoices):
        ASSESSMENT_CENTRE = "assessment_centre", _("Assessment center")
        SUPERVISOR = "atasan", _("Penilaian atasan")
        APPRAISAL = "penilaian", _("Diturunkan dari penilaian SKP")
        COURSE = "kursus", _("Penyelesaian kursus")
        EXTERNAL = "pengembangan", _("Pengembangan di luar portal (diverifikasi)")

    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="assessments"
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="assessments"
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=LEVELS)
    source = models.CharField(_("sumber"), max_length=20, choices=Source.choices)
    assessed_on = models.DateField(_("tanggal"))
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-created_at"]
        verbose_name = _("asesmen kompetensi")
        verbose_name_plural = _("asesmen kompetensi")
        indexes = [models.Index(fields=["employee", "competency", "-assessed_on", "-created_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="assessment_level_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}: {self.competency_id} = {self.level}"


class Gap(models.Model):
    """A competency an employee should develop, and where that need came from.

    From the standard: the position requires more than the current level. From an appraisal: a
    weak area (a value rated below expectation, or a weak predikat) points at the competency. From
    the public satisfaction survey: a service point's front-line element scored low.
    """

    class Source(models.TextChoices):
        STANDARD = "standar", _("Standar jabatan")
        APPRAISAL = "penilaian", _("Penilaian SKP")
        PUBLIC_SURVEY = "skm", _("Survei kepuasan masyarakat")
        PEER = "rekan", _("Umpan balik rekan")

    # Gaps raised by what others observed (the supervisor's appraisal, the public's survey, the
    # colleagues' feedback): training closes them. Standard gaps follow the assessed level instead.
    OBSERVED = (Source.APPRAISAL, Source.PUBLIC_SURVEY, Source.PEER)

    class Status(models.TextChoices):
        OPEN = "terbuka", _("Terbuka")
        CLOSED = "tertutup", _("Tertutup")

    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="gaps"
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="gaps"
    )
    source = models.CharField(_("asal"), max_length=12, choices=Source.choices)
    # What raised it, for idempotency: "standar", or "penilaian:<year>:<period>:<area>".
    origin = models.CharField(_("rujukan"), max_length=80)
    reason = models.CharField(_("alasan"), max_length=300)
    # The reason's message and parameters, to show it in the reader's language (portal.stored_text).
    reason_source = models.JSONField(_("sumber alasan"), default=dict, blank=True)
    required_level = models.PositiveSmallIntegerField(_("level dibutuhkan"))
    current_level = models.PositiveSmallIntegerField(_("level saat ini"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(_("dibuka"), auto_now_add=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    closed_reason = models.CharField(_("alasan ditutup"), max_length=300, blank=True)
    closed_reason_source = models.JSONField(_("sumber alasan ditutup"), default=dict, blank=True)

    class Meta:
        ordering = ["employee", "competency"]
        verbose_name = _("kesenjangan kompetensi")
        verbose_name_plural = _("kesenjangan kompetensi")
        constraints = [
            models.UniqueConstraint(fields=["employee", "competency", "origin"], name="gap_once_per_origin"),
            models.CheckConstraint(
                condition=Q(status="terbuka", closed_at__isnull=True) | Q(status="tertutup", closed_at__isnull=False),
                name="gap_closed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "competency"]), models.Index(fields=["employee", "status"])]

    def __str__(self) -> str:
        return f"{self.employee_id}: {self.competency_id} ({self.source})"

    @property
    def size(self) -> int:
        return max(self.required_level - self.current_level, 0)

    def reason_display(self) -> str:
        return stored_text.show(self.reason, self.reason_source)

    def closed_reason_display(self) -> str:
        return stored_text.show(self.closed_reason, self.closed_reason_source)


from .relations import CompetencyRelation  # noqa: E402, F401  (a model of this app, in its own module)
