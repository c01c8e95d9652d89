"""One line of the audit trail: who, did what, to whose data, when, from where."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

APPEND_ONLY_MESSAGE = _("Jejak audit hanya dapat ditambah; entri yang ada tidak dapat diubah atau dihapus.")


class AuditAction(models.TextChoices):
    VIEW = "view", _("Melihat")
    EXPORT = "export", _("Mengekspor")
    API_WRITE = "api_write", _("Menulis lewat API")
    DOWNLOAD = "download", _("Mengunduh berkas")


class AuditEntryQuerySet(models.QuerySet):
    """Bulk changes are refused too: only services.audit_purge removes entries, past retention."""

    def update(self, **kwargs):
        raise PermissionDenied(APPEND_ONLY_MESSAGE)

    def delete(self):
        raise PermissionDenied(APPEND_ONLY_MESSAGE)

    update.queryset_only = True
    delete.queryset_only = True


class AuditEntry(models.Model):
    """A read or export of someone's personal data, kept so that HR (or a data-protection officer)
    can answer "who saw my appraisal?". Append-only: the model, the admin and, on PostgreSQL, a
    trigger refuse changes; the labels keep the entry readable after the user or employee is gone."""

    created_at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelaku"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(_("pelaku (saat itu)"), max_length=300, blank=True)
    action = models.CharField(_("tindakan"), max_length=20, choices=AuditAction.choices)
    what = models.CharField(_("data"), max_length=100, db_index=True)
    label = models.CharField(_("keterangan"), max_length=300, blank=True)
    subject_employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai yang datanya dibuka"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_label = models.CharField(_("pegawai (saat itu)"), max_length=300, blank=True)
    object_ref = models.CharField(_("objek"), max_length=100, blank=True)
    detail = models.JSONField(_("rincian"), default=dict, blank=True)
    token = models.CharField(_("token API"), max_length=40, blank=True)
    ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    path = models.CharField(_("alamat halaman"), max_length=500, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("entri jejak audit")
        verbose_name_plural = _("jejak audit")
        # Only "view": nobody, not even a superuser in an admin, holds a right to add, change or delete.
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["actor", "-created_at"], name="audit_actor_time"),
            models.Index(fields=["subject_employee", "-created_at"], name="audit_subject_time"),
            models.Index(fields=["action", "-created_at"], name="audit_action_time"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=[choice.value for choice in AuditAction]),
                name="audit_action_known",
            ),
        ]

    def __str__(self):
        return f"{self.actor_label or '-'} · {self.get_action_display()} · {self.what}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied(APPEND_ONLY_MESSAGE)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(APPEND_ONLY_MESSAGE)
