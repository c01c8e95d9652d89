"""Notifications: what happened to a person, kept in the app and, if they want it, e-mailed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from portal import stored_text


def site_path(url: str) -> str:
    """`url` if it is a path on this site ("/dasbor/"), else "": a notification never links away."""
    if url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=set(), require_https=False):
        return url
    return ""


class Kind(models.TextChoices):
    """Every event that tells someone something. Preferences for e-mail are kept per kind."""

    ASSIGNMENT_CREATED = "assignment_created", _("Pelatihan ditugaskan")
    ASSIGNMENT_CANCELLED = "assignment_cancelled", _("Penugasan dibatalkan")
    DEADLINE_7D = "deadline_7d", _("Tenggat 7 hari lagi")
    DEADLINE_1D = "deadline_1d", _("Tenggat besok")
    OVERDUE = "overdue", _("Pelatihan terlambat")
    OVERDUE_SUPERVISOR = "overdue_supervisor", _("Pelatihan anggota tim terlambat")
    CERTIFICATE_ISSUED = "certificate_issued", _("Sertifikat terbit")
    MUST_READ_PUBLISHED = "must_read_published", _("Bacaan wajib baru")
    EVENT_TOMORROW = "event_tomorrow", _("Sosialisasi besok")
    SURVEY_OPEN = "survey_open", _("Survei dibuka")
    SURVEY_CLOSING = "survey_closing", _("Survei segera ditutup")
    IMPORT_SUMMARY = "import_summary", _("Ringkasan impor penilaian")
    APPRAISAL_UPDATED = "appraisal_updated", _("Penilaian diperbarui")
    SUPERVISOR_DIGEST = "supervisor_digest", _("Ringkasan mingguan tim")
    EXTERNAL_PENDING = "external_pending", _("Pengembangan menunggu verifikasi")
    EXTERNAL_VERIFIED = "external_verified", _("Pengembangan diverifikasi")
    EXTERNAL_REJECTED = "external_rejected", _("Pengembangan ditolak")
    PLAN_SUBMITTED = "plan_submitted", _("Rencana pengembangan diajukan")
    PLAN_APPROVED = "plan_approved", _("Rencana pengembangan disetujui")
    PLAN_CHANGES = "plan_changes", _("Rencana pengembangan perlu perbaikan")
    PEER_ROUND_OPENED = "peer_round_opened", _("Putaran umpan balik rekan dibuka")
    PEER_PROPOSED = "peer_proposed", _("Usulan rekan penilai")
    PEER_INVITED = "peer_invited", _("Diminta menilai rekan")
    PEER_DEADLINE = "peer_deadline", _("Penilaian rekan segera ditutup")
    PEER_RESULTS = "peer_results", _("Hasil umpan balik rekan")


class EmailStatus(models.TextChoices):
    NONE = "none", _("Tidak dikirim")
    PENDING = "pending", _("Menunggu dikirim")
    SENT = "sent", _("Terkirim")
    FAILED = "failed", _("Gagal")


class Notification(models.Model):
    """One thing that happened to one person, shown under the bell and perhaps e-mailed.

    `key` names the event (e.g. "assignment:42"), so that (user, kind, key) is unique in the
    database: a reminder run that is repeated, retried or raced cannot tell anyone twice. The
    in-app row is the record; e-mail is a copy whose delivery state lives beside it, so an SMTP
    outage never loses the notification.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("jenis"), max_length=40, choices=Kind.choices)
    key = models.CharField(_("kunci"), max_length=200)
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"), blank=True)
    # The title's and body's message and parameters, to show them in the reader's language
    # (portal.stored_text); empty for texts written before, or by a creator that has none.
    title_source = models.JSONField(_("sumber judul"), default=dict, blank=True)
    body_source = models.JSONField(_("sumber isi"), default=dict, blank=True)
    # A site-relative path ("/dasbor/"): the e-mail makes it absolute, the list follows it.
    url = models.CharField(_("tautan"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    email_status = models.CharField(
        _("status e-mail"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.NONE
    )
    emailed_at = models.DateTimeField(_("dikirim lewat e-mail"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="notification_once"),
        ]
        # The bell counts a user's unread rows on every page.
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self) -> str:
        return self.title

    def title_display(self) -> str:
        return stored_text.show(self.title, self.title_source)

    def body_display(self) -> str:
        return stored_text.show(self.body, self.body_source)

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def safe_url(self) -> str:
        return site_path(self.url)


class EmailPreference(models.Model):
    """A person's choice to get (or not) an e-mail for one kind of notification.

    Only choices that differ from the default need a row: without one, e-mail is on.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="notification_email_preferences",
    )
    kind = models.CharField(_("jenis"), max_length=40, choices=Kind.choices)
    email = models.BooleanField(_("kirim lewat e-mail"), default=True)

    class Meta:
        verbose_name = _("preferensi e-mail")
        verbose_name_plural = _("preferensi e-mail")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_email_preference_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}: {self.email}"
