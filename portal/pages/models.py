"""The site's own pages: the home page and plain content pages; and the portal's settings."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import rules
from portal.page_routing import KeptRoutingMixin

from .blocks import BaseStreamBlock


class HomePage(KeptRoutingMixin, Page):
    """The front door: what Kompeten is, and the way to log in, learn and read about the reform."""

    hero_title = models.CharField(_("judul utama"), max_length=120)
    hero_intro = models.TextField(_("pengantar"), max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("hero_intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("hero_intro")]

    parent_page_types = ["wagtailcore.Page"]
    # Named as strings: the core does not import the apps that hang their sections here.
    subpage_types = ["pages.StandardPage", "courses.CourseIndexPage", "change.ChangeHubPage"]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")


class StandardPage(KeptRoutingMixin, Page):
    """A plain content page (about, privacy, help), written in the admin."""

    introduction = models.TextField(_("pengantar"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("halaman standar")


@register_setting(icon="cog")
class PortalSettings(BaseGenericSetting):
    """The numbers of the portal's rules that HR may change, in the admin's Settings menu (one row).
    Read through portal.rules, never directly. Numbers HR may not change (a survey's privacy
    threshold, the hour a due date ends) live in portal.rules as constants."""

    jp_target_per_year = models.PositiveSmallIntegerField(
        _("target JP per tahun"),
        default=rules.DEFAULTS["jp"],
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("Jam pelajaran pengembangan kompetensi yang menjadi hak setiap PNS per tahun (ketentuan: 20)."),
    )
    quiet_start = models.PositiveSmallIntegerField(
        _("jam tenang mulai (WIB)"),
        default=rules.DEFAULTS["quiet"][0],
        validators=[MaxValueValidator(23)],
        help_text=_("E-mail notifikasi yang muncul sejak jam ini ditahan sampai jam tenang berakhir."),
    )
    quiet_end = models.PositiveSmallIntegerField(
        _("jam tenang berakhir (WIB)"), default=rules.DEFAULTS["quiet"][1], validators=[MaxValueValidator(23)]
    )

    skm_weak_below = models.DecimalField(
        _("batas unsur SKM lemah"),
        max_digits=3,
        decimal_places=2,
        default=rules.DEFAULTS["skm_weak"],
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_(
            "Unsur kompetensi pelaksana, perilaku pelaksana atau penanganan pengaduan yang nilai rata-ratanya "
            "(1–4) di bawah angka ini, dengan sampel representatif, membuka kesenjangan jabatan garis depan."
        ),
    )
    skm_officer_min_responses = models.PositiveSmallIntegerField(
        _("responden minimal hasil per petugas"),
        default=rules.DEFAULTS["skm_officer_min"],
        validators=[MinValueValidator(rules.SURVEY_PRIVACY_THRESHOLD), MaxValueValidator(1000)],
        help_text=_("Hasil survei per kode petugas ditampilkan kepada petugas dan atasannya sejak jumlah ini."),
    )

    panels = [
        FieldPanel("jp_target_per_year"),
        FieldPanel("quiet_start"),
        FieldPanel("quiet_end"),
        FieldPanel("skm_weak_below"),
        FieldPanel("skm_officer_min_responses"),
    ]

    class Meta:
        verbose_name = _("aturan portal")
