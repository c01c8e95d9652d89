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
