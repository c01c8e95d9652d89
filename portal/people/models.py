"""Accounts and the city's organisation: units (OPD), positions (jabatan) and employees."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .nip import validate_nip


class User(AbstractUser):
    """A login. Custom from the first migration so that accounts can grow without a rewrite.

    An employee's record links to it once the employee claims their NIP (or HR creates it).
    """

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Unit(index.Indexed, models.Model):
    """A unit of the city government (OPD), or a sub-unit of one (bidang, seksi)."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("unit induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="unit_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name


class Position(index.Indexed, models.Model):
    """A position (jabatan); its competency standard is kept by the competency app."""

    class Kind(models.TextChoices):
        STRUKTURAL = "struktural", _("Struktural")
        FUNGSIONAL = "fungsional", _("Fungsional")
        PELAKSANA = "pelaksana", _("Pelaksana")

    code = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama jabatan"), max_length=200)
    kind = models.CharField(_("jenis jabatan"), max_length=20, choices=Kind.choices)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["struktural", "fungsional", "pelaksana"]), name="position_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Grade(models.TextChoices):
    """Golongan/ruang of a PNS."""

    I_A, I_B, I_C, I_D = "I/a", "I/b", "I/c", "I/d"
    II_A, II_B, II_C, II_D = "II/a", "II/b", "II/c", "II/d"
    III_A, III_B, III_C, III_D = "III/a", "III/b", "III/c", "III/d"
    IV_A, IV_B, IV_C, IV_D, IV_E = "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"


class Employee(index.Indexed, models.Model):
    """A civil servant in the register. Exists before any account; claimed by NIP at sign-up."""

    nip = models.CharField(_("NIP"), max_length=18, unique=True, validators=[validate_nip])
    name = models.CharField(_("nama"), max_length=200)
    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="employees")
    position = models.ForeignKey(
        Position, verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="employees"
    )
    grade = models.CharField(_("golongan/ruang"), max_length=6, choices=Grade.choices, blank=True)
    supervisor = models.ForeignKey(
        "self",
        verbose_name=_("atasan langsung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subordinates",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
    )
    email = models.EmailField(
        _("e-mail di data pegawai"),
        blank=True,
        help_text=_(
            "Alamat yang dicatat BKPSDM. Pegawai yang mendaftar sendiri membuktikan dirinya dengan alamat ini."
        ),
    )
    is_active = models.BooleanField(
        _("aktif"),
        default=True,
        help_text=_("Pegawai nonaktif tidak dapat masuk lagi; sesinya berakhir saat itu juga."),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("nip"),
        index.FilterField("unit_id"),
        index.FilterField("position_id"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        constraints = [
            models.CheckConstraint(condition=Q(nip__regex=r"^[0-9]{18}$"), name="employee_nip_18_digits"),
            models.CheckConstraint(condition=~Q(supervisor=models.F("id")), name="employee_not_own_supervisor"),
            # Sign-up compares addresses without regard to case: stored lower-case, a plain = suffices.
            models.CheckConstraint(condition=Q(email=Lower("email")), name="employee_email_lower_case"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.nip})"

    def clean(self) -> None:
        # Stored lower-case (a constraint says so): sign-up compares addresses without case.
        self.email = (self.email or "").strip().lower()

    @property
    def is_claimed(self) -> bool:
        return self.user_id is not None


class ActivationCode(models.Model):
    """A one-time code HR hands an employee (printed or read out) so that they can claim their
    record at sign-up without an e-mail address in the register. Only a hash is kept; a new code
    replaces the employee's unused one, and a code works once, until it expires."""

    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="activation_codes"
    )
    code_hash = models.CharField(_("sidik kode"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    expires_at = models.DateTimeField(_("berlaku sampai"))
    used_at = models.DateTimeField(_("dipakai"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kode aktivasi")
        verbose_name_plural = _("kode aktivasi")
        constraints = [
            models.UniqueConstraint(
                fields=["employee"], condition=Q(used_at__isnull=True), name="activation_code_one_open_per_employee"
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")), name="activation_code_expires_later"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee} ({self.expires_at:%Y-%m-%d})"
