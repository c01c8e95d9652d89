from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One xAPI statement of one learning event, and what became of sending it."""

    class Status(models.TextChoices):
        WAITING = "menunggu", _("Menunggu dikirim")
        SENT = "terkirim", _("Terkirim")
        FAILED = "gagal", _("Gagal")

    id = models.UUIDField(primary_key=True, editable=False)
    event = models.CharField(_("peristiwa"), max_length=80, unique=True)
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="+"
    )
    verb = models.CharField(_("kata kerja"), max_length=20)
    object_name = models.CharField(_("objek"), max_length=255)
    body = models.JSONField(_("pernyataan"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    attempts = models.PositiveSmallIntegerField(_("percobaan kirim"), default=0)
    last_error = models.CharField(_("galat terakhir"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("dikirim"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pernyataan xAPI")
        verbose_name_plural = _("pernyataan xAPI")
        indexes = [models.Index(fields=["status", "-created_at"], name="xapi_status_created")]

    def __str__(self) -> str:
        return f"{self.verb} · {self.object_name}"

    @property
    def verb_label(self) -> str:
        """The verb as the statement displays it in Indonesian ("menyelesaikan", "lulus")."""
        return self.body.get("verb", {}).get("display", {}).get("id-ID", self.verb)
