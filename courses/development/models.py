"""An activity of competency development outside the portal, and its verification."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from portal.storage import private_storage

from . import kinds


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
