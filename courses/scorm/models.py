import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScormPackage(models.Model):
    """One uploaded SCORM package. Its files are in the private storage under `folder`."""

    class Version(models.TextChoices):
        SCORM_12 = "1.2", "SCORM 1.2"
        SCORM_2004 = "2004", "SCORM 2004"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("judul"), max_length=255)
    version = models.CharField(_("versi"), max_length=4, choices=Version.choices)
    launch = models.CharField(_("berkas peluncur"), max_length=500)
    parameters = models.CharField(_("parameter peluncuran"), max_length=500, blank=True)
    mastery_score = models.PositiveSmallIntegerField(_("nilai lulus (SCORM 1.2)"), null=True, blank=True)
    file_count = models.PositiveIntegerField(_("jumlah berkas"))
    unpacked_bytes = models.PositiveBigIntegerField(_("ukuran setelah dibuka"))
    original_name = models.CharField(_("nama berkas"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("diunggah"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("paket SCORM")
        verbose_name_plural = _("paket SCORM")

    def __str__(self) -> str:
        return f"{self.title} ({self.get_version_display()})"

    @property
    def folder(self) -> str:
        return f"scorm/{self.pk}"


class ScormAttempt(models.Model):
    """A learner's run of a lesson's package: the CMI data the package keeps on the server (status,
    score, where they were, their suspend data, time spent), one per enrolment and lesson."""

    enrollment = models.ForeignKey("courses.Enrollment", on_delete=models.CASCADE, related_name="scorm_attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    package = models.ForeignKey(ScormPackage, on_delete=models.PROTECT, related_name="attempts")
    # SCORM 1.2's cmi.core.lesson_status, or SCORM 2004's completion_status and success_status.
    lesson_status = models.CharField(_("status pelajaran (1.2)"), max_length=20, blank=True)
    completion_status = models.CharField(_("status penyelesaian (2004)"), max_length=20, blank=True)
    success_status = models.CharField(_("status kelulusan (2004)"), max_length=20, blank=True)
    score_raw = models.FloatField(_("nilai"), null=True, blank=True)
    score_min = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    location = models.CharField(_("lokasi"), max_length=1000, blank=True)
    suspend_data = models.TextField(_("data lanjutan"), blank=True)
    total_seconds = models.PositiveIntegerField(_("total waktu (detik)"), default=0)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("percobaan SCORM")
        verbose_name_plural = _("percobaan SCORM")
        constraints = [models.UniqueConstraint(fields=["enrollment", "lesson"], name="scorm_attempt_once")]

    def __str__(self) -> str:
        return f"{self.enrollment_id} · {self.lesson_id}"
