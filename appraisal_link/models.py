"""Appraisal results (SKP, PermenPANRB 6/2022), their imports, weak-area mapping and HR assignments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.storage import private_storage

BERAKHLAK = [
    ("berorientasi_pelayanan", _("Berorientasi Pelayanan")),
    ("akuntabel", _("Akuntabel")),
    ("kompeten", _("Kompeten")),
    ("harmonis", _("Harmonis")),
    ("loyal", _("Loyal")),
    ("adaptif", _("Adaptif")),
    ("kolaboratif", _("Kolaboratif")),
]
AREAS = [("hasil_kerja", _("Hasil kerja")), *BERAKHLAK]
# Weak areas the public satisfaction survey finds at a service point: its front-line elements.
SURVEY_AREAS = [
    ("skm_kompetensi", _("SKM: kompetensi pelaksana")),
    ("skm_perilaku", _("SKM: perilaku pelaksana")),
    ("skm_pengaduan", _("SKM: penanganan pengaduan")),
]


class Rating(models.TextChoices):
    ABOVE = "di_atas", _("Di atas ekspektasi")
    MEETS = "sesuai", _("Sesuai ekspektasi")
    BELOW = "di_bawah", _("Di bawah ekspektasi")


class Predikat(models.TextChoices):
    SANGAT_BAIK = "sangat_baik", _("Sangat Baik")
    BAIK = "baik", _("Baik")
    BUTUH_PERBAIKAN = "butuh_perbaikan", _("Butuh Perbaikan")
    KURANG = "kurang", _("Kurang")
    SANGAT_KURANG = "sangat_kurang", _("Sangat Kurang")


WEAK_PREDIKAT = {Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG}


class Appraisal(models.Model):
    """One employee's SKP appraisal for a year and period (annual, or quarter I–IV)."""

    class Period(models.TextChoices):
        ANNUAL = "tahunan", _("Tahunan")
        Q1 = "I", _("Triwulan I")
        Q2 = "II", _("Triwulan II")
        Q3 = "III", _("Triwulan III")
        Q4 = "IV", _("Triwulan IV")

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="appraisals")
    year = models.PositiveSmallIntegerField(_("tahun"))
    period = models.CharField(_("periode"), max_length=8, choices=Period.choices)
    hasil_kerja = models.CharField(_("hasil kerja"), max_length=10, choices=Rating.choices)
    perilaku_kerja = models.CharField(_("perilaku kerja"), max_length=10, choices=Rating.choices)
    predikat = models.CharField(_("predikat kinerja"), max_length=20, choices=Predikat.choices)
    berorientasi_pelayanan = models.CharField(
        _("Berorientasi Pelayanan"), max_length=10, choices=Rating.choices, blank=True
    )
    akuntabel = models.CharField(_("Akuntabel"), max_length=10, choices=Rating.choices, blank=True)
    kompeten = models.CharField(_("Kompeten"), max_length=10, choices=Rating.choices, blank=True)
    harmonis = models.CharField(_("Harmonis"), max_length=10, choices=Rating.choices, blank=True)
    loyal = models.CharField(_("Loyal"), max_length=10, choices=Rating.choices, blank=True)
    adaptif = models.CharField(_("Adaptif"), max_length=10, choices=Rating.choices, blank=True)
    kolaboratif = models.CharField(_("Kolaboratif"), max_length=10, choices=Rating.choices, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    source = models.CharField(_("sumber"), max_length=255, blank=True, help_text=_("Nama berkas impor, atau 'api'."))
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "period"]
        verbose_name = _("penilaian SKP")
        verbose_name_plural = _("penilaian SKP")
        constraints = [
            models.UniqueConstraint(fields=["employee", "year", "period"], name="appraisal_once_per_period"),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="appraisal_year_range"),
        ]
        indexes = [models.Index(fields=["year", "period"])]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.year}/{self.period}"


class AppraisalImport(models.Model):
    """One upload of an appraisal file, processed all or nothing (by a task when large)."""

    class Status(models.TextChoices):
        PENDING = "menunggu", _("Menunggu")
        RUNNING = "berjalan", _("Diproses")
        DONE = "berhasil", _("Berhasil")
        FAILED = "gagal", _("Gagal (tidak ada yang disimpan)")

    # Private (a whole unit's appraisals): HR downloads it through a view, never by a media URL.
    file = models.FileField(_("berkas"), upload_to="impor-penilaian/", storage=private_storage)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    dry_run = models.BooleanField(_("uji coba saja"), default=False)
    # HR checked the new NIPs that look like registered employees' (importing.lookalikes).
    new_nips_confirmed = models.BooleanField(_("NIP baru sudah diperiksa"), default=False)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Set by the retention purge (appraisal_link.services.retention): the row and its counts stay.
    file_removed_at = models.DateTimeField(_("berkas dihapus"), null=True, blank=True)
    errors_removed_at = models.DateTimeField(_("daftar kesalahan dihapus"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("impor penilaian")
        verbose_name_plural = _("impor penilaian")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.status})"


class WeakAreaMapping(models.Model):
    """Which competencies develop a weak appraisal area (or a weak front-line element of the public
    survey); HR may change the seeded default."""

    area = models.CharField(_("area penilaian"), max_length=30, choices=[*AREAS, *SURVEY_AREAS])
    competency = models.ForeignKey(
        "competency.Competency",
        verbose_name=_("kompetensi"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="weak_area_mappings",
    )
    position_technical = models.BooleanField(
        _("kompetensi teknis jabatan"),
        default=False,
        help_text=_("Juga kompetensi teknis dalam standar jabatan pegawai."),
    )

    class Meta:
        ordering = ["area"]
        verbose_name = _("pemetaan area lemah")
        verbose_name_plural = _("pemetaan area lemah")
        constraints = [
            models.UniqueConstraint(fields=["area", "competency"], name="mapping_once_per_area_competency"),
            models.CheckConstraint(
                condition=Q(competency__isnull=False) | Q(position_technical=True), name="mapping_points_somewhere"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area} → {self.competency_id or 'teknis jabatan'}"


class Assignment(models.Model):
    """HR assigns a course to an employee, with a due date and the reason the employee will see."""

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="assignments")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="assignments")
    enrollment = models.ForeignKey(
        "courses.Enrollment", null=True, blank=True, on_delete=models.SET_NULL, related_name="assignments"
    )
    gap = models.ForeignKey(
        "competency.Gap", null=True, blank=True, on_delete=models.SET_NULL, related_name="assignments"
    )
    reason = models.CharField(_("alasan"), max_length=300)
    # The system's reason (a gap, a unit), to show in the reader's language (portal.stored_text);
    # empty for a reason HR typed, shown as typed.
    reason_source = models.JSONField(default=dict, blank=True)
    due_date = models.DateField(_("tenggat"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    assigned_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date"]
        verbose_name = _("penugasan pelatihan")
        verbose_name_plural = _("penugasan pelatihan")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "course"], condition=Q(cancelled_at__isnull=True), name="assignment_active_once"
            ),
        ]
        indexes = [models.Index(fields=["due_date", "cancelled_at"])]

    def __str__(self) -> str:
        return f"{self.employee_id} → {self.course_id}"

    def reason_display(self) -> str:
        from portal import stored_text

        return stored_text.show(self.reason, self.reason_source)


# The group of service accounts: its members may only push appraisals through the API (no admin
# access, no site data). Created with no permissions by migration 0007.
API_SERVICE_GROUP = "layanan-api"


class ApiToken(models.Model):
    """A key with which a system (e.g. the regional HR system) pushes appraisals through the API.

    Only the SHA-256 of the key is stored: the key is shown once, when HR creates it. `prefix` (its
    first 8 characters) is not secret: it finds the row, names the token in lists and in the audit,
    and the hash is then compared in constant time. Every token expires; HR may revoke it earlier.
    """

    name = models.CharField(_("nama"), max_length=100)
    prefix = models.CharField(_("awalan kunci"), max_length=8, db_index=True)
    key_hash = models.CharField(_("sidik kunci (SHA-256)"), max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("akun layanan"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    expires_at = models.DateTimeField(_("berlaku sampai"))
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        constraints = [
            models.CheckConstraint(condition=Q(expires_at__gt=models.F("created_at")), name="api_token_expires_later"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_expired(self, now=None) -> bool:
        return self.expires_at <= (now or timezone.now())

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_active(self) -> bool:
        return not self.is_revoked and not self.is_expired()
