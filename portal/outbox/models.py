"""A task that was asked for, kept until it is done (see the package's docstring)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QueuedTask(models.Model):
    task = models.CharField(_("tugas"), max_length=200)
    args = models.JSONField(_("argumen"), default=list, blank=True)
    kwargs = models.JSONField(_("argumen bernama"), default=dict, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    not_before = models.DateTimeField(_("tidak sebelum"), null=True, blank=True)
    published_at = models.DateTimeField(_("dikirim ke antrean"), null=True, blank=True)
    started_at = models.DateTimeField(_("mulai dikerjakan"), null=True, blank=True)
    worker = models.CharField(_("pekerja"), max_length=200, blank=True)
    attempts = models.PositiveIntegerField(_("percobaan"), default=0)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    failed = models.BooleanField(_("gagal"), default=False)

    class Meta:
        verbose_name = _("tugas latar")
        verbose_name_plural = _("tugas latar")
        indexes = [
            models.Index(
                fields=["published_at"], condition=models.Q(finished_at__isnull=True), name="outbox_unfinished"
            ),
            models.Index(
                fields=["worker"], condition=models.Q(finished_at__isnull=True), name="outbox_unfinished_worker"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task} #{self.pk}"
