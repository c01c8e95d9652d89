"""What employees do with the hub's material: confirm a must-read, take a seat at an event."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Acknowledgement(models.Model):
    """An employee's "saya sudah membaca dan memahami" on a must-read article, with its time."""

    article = models.ForeignKey(
        "change.ChangeArticlePage", verbose_name=_("artikel"), on_delete=models.CASCADE, related_name="acknowledgements"
    )
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="acknowledgements"
    )
    acknowledged_at = models.DateTimeField(_("waktu konfirmasi"), default=timezone.now)

    class Meta:
        verbose_name = _("konfirmasi membaca")
        verbose_name_plural = _("konfirmasi membaca")
        constraints = [models.UniqueConstraint(fields=["article", "employee"], name="change_acknowledge_once")]

    def __str__(self) -> str:
        return f"{self.employee_id} ✓ {self.article_id}"


class EventRegistration(models.Model):
    """A seat at a sosialisasi event. Cancelling keeps the row, so a seat is counted only once."""

    event = models.ForeignKey(
        "change.ChangeEventPage", verbose_name=_("acara"), on_delete=models.CASCADE, related_name="registrations"
    )
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="event_registrations"
    )
    registered_at = models.DateTimeField(_("waktu daftar"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("waktu batal"), null=True, blank=True)
    attended = models.BooleanField(_("hadir"), default=False)
    attendance_marked_at = models.DateTimeField(_("waktu pencatatan hadir"), null=True, blank=True)

    class Meta:
        verbose_name = _("pendaftaran acara")
        verbose_name_plural = _("pendaftaran acara")
        constraints = [models.UniqueConstraint(fields=["event", "employee"], name="change_register_once")]
        indexes = [models.Index(fields=["event", "cancelled_at"], name="change_reg_event_active")]

    def __str__(self) -> str:
        return f"{self.employee_id} @ {self.event_id}"

    @property
    def is_active(self) -> bool:
        return self.cancelled_at is None
