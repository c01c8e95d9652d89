"""Service points of the public satisfaction survey, the people they serve, and citizens' answers."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel

from portal.people.choosers import employee_chooser

from . import skm

PERIOD_KEY = RegexValidator(
    r"^\d{4}(-(0[1-9]|1[0-2]|S[12]))?$",
    _("Tulis periode sebagai tahun (2026), semester (2026-S1) atau bulan (2026-05)."),
    code="period",
)


class ServicePoint(ClusterableModel):
    """A service a unit gives the public at a counter (e.g. Disdukcapil: KTP-el), with its own
    public address /survei-kepuasan/<code>/ printed on a poster."""

    unit = models.ForeignKey(
        "people.Unit", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="service_points"
    )
    name = models.CharField(_("nama layanan"), max_length=150)
    code = models.SlugField(
        _("kode singkat"),
        max_length=24,
        unique=True,
        help_text=_("Bagian alamat publik, mis. ktp-el → /survei-kepuasan/ktp-el/. Huruf kecil, angka, tanda hubung."),
    )
    description = models.CharField(_("keterangan"), max_length=300, blank=True)
    positions = models.ManyToManyField(
        "people.Position",
        verbose_name=_("jabatan pelaksana layanan"),
        blank=True,
        related_name="service_points",
        help_text=_("Jabatan garis depan di unit ini yang melayani di loket; hasil lemah membuka kesenjangan mereka."),
    )
    active = models.BooleanField(_("menerima tanggapan"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        ordering = ["unit__name", "name"]
        verbose_name = _("titik layanan")
        verbose_name_plural = _("titik layanan")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("skm_form", kwargs={"code": self.code})


class ServicePopulation(models.Model):
    """How many people a service point served in a period, which sets the sample it needs."""

    service_point = ParentalKey(ServicePoint, on_delete=models.CASCADE, related_name="populations")
    period = models.CharField(_("periode"), max_length=7, validators=[PERIOD_KEY], help_text=PERIOD_KEY.message)
    population = models.PositiveIntegerField(_("jumlah orang yang dilayani"))

    class Meta:
        ordering = ["-period"]
        verbose_name = _("populasi layanan")
        verbose_name_plural = _("populasi layanan")
        constraints = [
            models.UniqueConstraint(fields=["service_point", "period"], name="skm_population_once_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.period}: {self.population}"


class ServiceOfficer(models.Model):
    """The code an officer wears at a service point's counter (never their NIP): citizens may give it,
    and the officer's own results reach the officer and their supervisor alone."""

    service_point = ParentalKey(ServicePoint, on_delete=models.CASCADE, related_name="officers")
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("petugas"), on_delete=models.CASCADE, related_name="officer_codes"
    )
    code = models.CharField(
        _("kode petugas"),
        max_length=12,
        validators=[
            RegexValidator(
                r"^[A-Z0-9-]{1,12}$", _("Huruf besar, angka dan tanda hubung, paling banyak 12."), code="officer_code"
            )
        ],
        help_text=_("Tertera pada papan nama di loket, mis. DK-07. Bukan NIP."),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("employee", widget=employee_chooser.widget_class),
    ]

    class Meta:
        verbose_name = _("kode petugas")
        verbose_name_plural = _("kode petugas")
        constraints = [
            models.UniqueConstraint(fields=["service_point", "code"], name="skm_officer_code_once_per_point")
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.employee}"


def _score_field(element: skm.Element):
    return models.PositiveSmallIntegerField(element.label, validators=[MinValueValidator(1), MaxValueValidator(4)])


class SurveyResponse(models.Model):
    """One citizen's answers: the nine elements, an optional profile, officer code and suggestion.
    Nothing identifies the citizen: no address, no account, no device id."""

    class Suggestion(models.TextChoices):
        NONE = "none", _("Tanpa saran")
        PENDING = "pending", _("Menunggu moderasi")
        PUBLISHED = "published", _("Diterbitkan")
        HIDDEN = "hidden", _("Disembunyikan")

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("titik layanan"), on_delete=models.PROTECT, related_name="responses"
    )
    submitted_at = models.DateTimeField(_("dikirim"), db_index=True)
    u1 = _score_field(skm.ELEMENTS[0])
    u2 = _score_field(skm.ELEMENTS[1])
    u3 = _score_field(skm.ELEMENTS[2])
    u4 = _score_field(skm.ELEMENTS[3])
    u5 = _score_field(skm.ELEMENTS[4])
    u6 = _score_field(skm.ELEMENTS[5])
    u7 = _score_field(skm.ELEMENTS[6])
    u8 = _score_field(skm.ELEMENTS[7])
    u9 = _score_field(skm.ELEMENTS[8])
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=skm.GENDERS, blank=True)
    age_group = models.CharField(_("kelompok usia"), max_length=6, choices=skm.AGE_GROUPS, blank=True)
    education = models.CharField(_("pendidikan"), max_length=3, choices=skm.EDUCATION, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=10, choices=skm.OCCUPATIONS, blank=True)
    officer_code = models.CharField(_("kode petugas"), max_length=12, blank=True, db_index=True)
    suggestion = models.TextField(_("saran"), blank=True)
    suggestion_status = models.CharField(
        _("status saran"), max_length=10, choices=Suggestion.choices, default=Suggestion.NONE
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("tanggapan survei kepuasan")
        verbose_name_plural = _("tanggapan survei kepuasan")
        indexes = [models.Index(fields=["service_point", "submitted_at"], name="skm_response_point_time")]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{code}__gte": 1}) & Q(**{f"{code}__lte": 4}), name=f"skm_{code}_between_1_and_4"
            )
            for code in skm.CODES
        ]

    def __str__(self) -> str:
        return f"{self.service_point} · {self.submitted_at:%Y-%m-%d %H:%M}"


class PeerRound(models.Model):
    """A round of peer (360°) feedback HR opens for some units: colleagues rate each employee on the
    seven BerAKHLAK values, as input to the SKP dialogue."""

    name = models.CharField(_("nama putaran"), max_length=40, unique=True, help_text=_("Mis. 2026-1."))
    units = models.ManyToManyField(
        "people.Unit",
        verbose_name=_("unit kerja"),
        related_name="peer_rounds",
        help_text=_("Pegawai aktif di unit ini dan sub-unit langsungnya ikut putaran."),
    )
    opens_on = models.DateField(_("dibuka"))
    closes_on = models.DateField(_("ditutup"), help_text=_("Hari terakhir rekan dapat menilai."))
    results_published_at = models.DateTimeField(_("hasil diterbitkan"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        ordering = ["-opens_on"]
        verbose_name = _("putaran umpan balik rekan")
        verbose_name_plural = _("putaran umpan balik rekan")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="peer_round_dates")
        ]

    def __str__(self) -> str:
        return self.name

    def is_open(self, today) -> bool:
        return self.opens_on <= today <= self.closes_on and self.results_published_at is None


class PeerReview(models.Model):
    """One employee rated in a round."""

    round = models.ForeignKey(PeerRound, verbose_name=_("putaran"), on_delete=models.CASCADE, related_name="reviews")
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="peer_reviews"
    )
    proposed = models.ManyToManyField(
        "people.Employee",
        verbose_name=_("rekan yang diusulkan pegawai"),
        related_name="peer_proposed_for",
        blank=True,
        help_text=_("Usulan pegawai sendiri; atasan yang memutuskan siapa menilai."),
    )

    class Meta:
        verbose_name = _("pegawai yang dinilai rekan")
        verbose_name_plural = _("pegawai yang dinilai rekan")
        constraints = [models.UniqueConstraint(fields=["round", "employee"], name="peer_review_once_per_round")]

    def __str__(self) -> str:
        return f"{self.round} · {self.employee}"


class PeerRater(models.Model):
    """A colleague asked to rate someone in a round, and whether they have. Their answers are kept
    apart (PeerBallot), with nothing that leads back to them."""

    review = models.ForeignKey(PeerReview, verbose_name=_("penilaian"), on_delete=models.CASCADE, related_name="raters")
    rater = models.ForeignKey(
        "people.Employee", verbose_name=_("penilai"), on_delete=models.CASCADE, related_name="peer_rating_tasks"
    )
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)

    class Meta:
        verbose_name = _("rekan penilai")
        verbose_name_plural = _("rekan penilai")
        constraints = [models.UniqueConstraint(fields=["review", "rater"], name="peer_rater_once_per_review")]

    def __str__(self) -> str:
        return f"{self.rater} → {self.review}"


class PeerBallot(models.Model):
    """One colleague's answers, without who gave them: a random id (no sequence to line up with the
    raters' order) and no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    review = models.ForeignKey(
        PeerReview, verbose_name=_("penilaian"), on_delete=models.CASCADE, related_name="ballots"
    )
    ratings = models.JSONField(_("nilai"))  # BerAKHLAK value → Rating
    comment = models.TextField(_("komentar"), blank=True)

    class Meta:
        verbose_name = _("jawaban rekan")
        verbose_name_plural = _("jawaban rekan")

    def __str__(self) -> str:
        return f"{self.review} · {self.pk}"
