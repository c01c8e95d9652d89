"""Competency development beyond the portal's courses: an activity outside the portal and its
verification; an employee's yearly development plan and its items."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from portal.storage import private_storage

from . import kinds
from .folding import folded


class ExternalActivity(models.Model):
    """A bimtek, a workshop, coaching, a course elsewhere...: what the employee (or HR's import of an
    attendance list) says they did, with the proof. Only a verified activity counts toward JP and
    may close a gap. The same activity (title, organiser and dates, ignoring case and spacing) is
    recorded once per employee; a rejected record does not block recording it again."""

    class Status(models.TextChoices):
        PENDING = "menunggu", _("Menunggu verifikasi")
        VERIFIED = "diverifikasi", _("Diverifikasi")
        REJECTED = "ditolak", _("Ditolak")

    class Source(models.TextChoices):
        EMPLOYEE = "pegawai", _("Dicatat pegawai")
        IMPORT = "impor", _("Impor daftar hadir BKPSDM")

    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="external_activities"
    )
    kind = models.CharField(_("bentuk pengembangan"), max_length=20, choices=kinds.CHOICES)
    title = models.CharField(_("nama kegiatan"), max_length=200)
    organiser = models.CharField(_("penyelenggara"), max_length=200)
    starts_on = models.DateField(_("tanggal mulai"))
    ends_on = models.DateField(_("tanggal selesai"))
    jp = models.PositiveSmallIntegerField(_("JP"))
    minutes = models.PositiveIntegerField(_("durasi (menit)"), null=True, blank=True)
    competencies = models.ManyToManyField(
        "competency.Competency", verbose_name=_("kompetensi yang dikembangkan"), blank=True, related_name="+"
    )
    proof = models.FileField(_("sertifikat atau bukti"), storage=private_storage, upload_to="pengembangan/", blank=True)
    certificate_number = models.CharField(_("nomor sertifikat"), max_length=100, blank=True)
    certificate_date = models.DateField(_("tanggal sertifikat"), null=True, blank=True)
    source = models.CharField(_("asal"), max_length=10, choices=Source.choices, default=Source.EMPLOYEE)
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    rejection_reason = models.CharField(_("alasan penolakan"), max_length=500, blank=True)
    plan_item = models.ForeignKey(
        "development.PlanItem",
        verbose_name=_("bagian dari rencana"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    title_key = models.CharField(max_length=200, editable=False)
    organiser_key = models.CharField(max_length=200, editable=False)
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        ordering = ["-ends_on", "-created_at"]
        verbose_name = _("pengembangan di luar portal")
        verbose_name_plural = _("pengembangan di luar portal")
        indexes = [models.Index(fields=["employee", "status", "ends_on"], name="external_employee_status")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="external_dates_in_order"),
            models.CheckConstraint(condition=Q(jp__gte=1) & Q(jp__lte=500), name="external_jp_1_500"),
            models.CheckConstraint(
                condition=~Q(status="ditolak") | ~Q(rejection_reason=""), name="external_rejection_has_reason"
            ),
            models.UniqueConstraint(
                fields=["employee", "title_key", "organiser_key", "starts_on", "ends_on"],
                condition=~Q(status="ditolak"),
                name="external_activity_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.employee})"

    @property
    def jp_year(self) -> int:
        """The year whose JP it counts toward: the year it ended."""
        return self.ends_on.year

    @property
    def kind_label(self) -> str:
        return str(kinds.LABELS.get(self.kind, self.kind))


class DevelopmentPlan(models.Model):
    """An employee's plan of competency development for a year (UU 5/2014 art. 70): what they intend,
    for which gap or goal, when, and how many JP; agreed with their direct supervisor. Progress is not
    stored: it follows completed courses and verified activities (see selectors.plans_progress)."""

    class Status(models.TextChoices):
        DRAFT = "draf", _("Draf")
        SUBMITTED = "diajukan", _("Diajukan ke atasan")
        CHANGES = "perbaikan", _("Perlu perbaikan")
        APPROVED = "disetujui", _("Disetujui")

    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="development_plans"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submissions = models.PositiveSmallIntegerField(_("kali diajukan"), default=0)
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    supervisor_note = models.CharField(_("catatan atasan"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        ordering = ["-year", "employee__name"]
        verbose_name = _("rencana pengembangan kompetensi")
        verbose_name_plural = _("rencana pengembangan kompetensi")
        constraints = [models.UniqueConstraint(fields=["employee", "year"], name="development_plan_once_a_year")]

    def __str__(self) -> str:
        return f"{self.employee} · {self.year}"

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.CHANGES)


class PlanItem(models.Model):
    """One intended activity: a portal course or an activity outside the portal, for a competency (of
    an open gap, or the employee's own goal), in a quarter, worth some JP."""

    plan = models.ForeignKey(DevelopmentPlan, verbose_name=_("rencana"), on_delete=models.CASCADE, related_name="items")
    competency = models.ForeignKey(
        "competency.Competency",
        verbose_name=_("kompetensi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    gap = models.ForeignKey(
        "competency.Gap",
        verbose_name=_("kesenjangan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    goal = models.CharField(_("tujuan"), max_length=200, blank=True)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("kursus portal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    activity_kind = models.CharField(_("bentuk kegiatan"), max_length=20, choices=kinds.CHOICES, blank=True)
    activity_title = models.CharField(_("kegiatan di luar portal"), max_length=200, blank=True)
    # The title as a verified activity's title_key matches it (folding.folded), set on every save.
    activity_title_key = models.CharField(max_length=200, blank=True, default="", editable=False)
    quarter = models.PositiveSmallIntegerField(_("triwulan"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    jp = models.PositiveSmallIntegerField(_("JP"), validators=[MinValueValidator(1), MaxValueValidator(500)])

    class Meta:
        ordering = ["quarter", "pk"]
        verbose_name = _("kegiatan rencana")
        verbose_name_plural = _("kegiatan rencana")
        constraints = [
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="plan_item_quarter_1_4"),
            models.CheckConstraint(condition=Q(jp__gte=1, jp__lte=500), name="plan_item_jp_1_500"),
            # A course or an outside activity, never both (a deleted course leaves neither).
            models.CheckConstraint(
                condition=Q(course__isnull=True) | Q(activity_title=""), name="plan_item_course_or_activity"
            ),
        ]

    def __str__(self) -> str:
        return self.activity_title or (self.course.title if self.course_id else self.goal)

    def save(self, *args, **kwargs):
        self.activity_title_key = folded(self.activity_title)
        if kwargs.get("update_fields") is not None and "activity_title" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "activity_title_key"}
        super().save(*args, **kwargs)

    @classmethod
    def keyed(cls, items: list) -> list:
        """`items` with their title keys set, for bulk_create (which calls no save)."""
        for item in items:
            item.activity_title_key = folded(item.activity_title)
        return items

    @property
    def is_course(self) -> bool:
        return self.course_id is not None

    @property
    def kind_label(self) -> str:
        return str(kinds.LABELS.get(self.activity_kind, self.activity_kind))
