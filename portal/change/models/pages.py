"""The hub's page tree at /perubahan/: articles, FAQ, stories, events and guides, all moderated.

Every page below the hub may be aimed at units and positions; an empty target means everyone.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.page_routing import KeptRoutingMixin
from portal.pages.blocks import BaseStreamBlock

from ..blocks import FAQStreamBlock

HUB_CHILDREN = [
    "change.ChangeArticlePage",
    "change.FAQPage",
    "change.StoryPage",
    "change.ChangeEventPage",
    "change.GuidePage",
]


class ChangeHubPage(KeptRoutingMixin, Page):
    """The hub at /perubahan/: each employee sees what is meant for them first."""

    intro = models.TextField(_("pengantar"), max_length=800, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi"), blank=True)
    featured_course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("kursus mikro perubahan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kursus di katalog yang melengkapi materi ini (dihitung JP)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        # Named as a string: the hub does not import the courses app.
        PageChooserPanel("featured_course", page_type="courses.CoursePage"),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = HUB_CHILDREN
    max_count = 1

    class Meta:
        verbose_name = _("pusat perubahan")

    def get_context(self, request, *args, **kwargs):
        from ..selectors.hub import hub_context

        context = super().get_context(request, *args, **kwargs)
        context.update(hub_context(hub=self, user=request.user, params=request.GET))
        return context


class TargetedPage(KeptRoutingMixin, Page):
    """A hub page that may be aimed at some units and positions (none chosen: everyone)."""

    target_units = ParentalManyToManyField("people.Unit", verbose_name=_("unit sasaran"), blank=True, related_name="+")
    target_positions = ParentalManyToManyField(
        "people.Position", verbose_name=_("jabatan sasaran"), blank=True, related_name="+"
    )

    targeting_panels = [
        MultiFieldPanel(
            [FieldPanel("target_units"), FieldPanel("target_positions")],
            heading=_("Sasaran"),
            help_text=_("Kosongkan untuk semua pegawai."),
        )
    ]
    parent_page_types = ["change.ChangeHubPage"]
    subpage_types = []

    class Meta:
        abstract = True


class ChangeArticlePage(TargetedPage):
    """An explanation of the reform; may be a must-read that employees confirm by a deadline."""

    class Topic(models.TextChoices):
        WHY = "mengapa", _("Mengapa SKP baru")
        WHAT_CHANGES = "perubahan", _("Apa yang berubah bagi saya")
        LINKS = "keterkaitan", _("Penilaian, pelatihan dan penghargaan")
        OTHER = "lainnya", _("Lainnya")

    intro = models.TextField(_("ringkasan"), max_length=600)
    topic = models.CharField(_("topik"), max_length=20, choices=Topic.choices, default=Topic.WHY)
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi"))
    must_read = models.BooleanField(
        _("wajib dibaca"), default=False, help_text=_("Pegawai sasaran harus mengonfirmasi sudah membaca.")
    )
    must_read_deadline = models.DateField(_("batas waktu membaca"), null=True, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("topic"), FieldPanel("body")]
    settings_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("must_read"), FieldPanel("must_read_deadline")])],
            heading=_("Wajib dibaca"),
        ),
        *TargetedPage.targeting_panels,
        *Page.settings_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("artikel perubahan")
        verbose_name_plural = _("artikel perubahan")

    def get_context(self, request, *args, **kwargs):
        from ..selectors.hub import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(article=self, user=request.user))
        return context


class FAQPage(TargetedPage):
    """Questions staff actually ask about the new system, searchable on the page."""

    intro = models.TextField(_("pengantar"), max_length=600, blank=True)
    body = StreamField(FAQStreamBlock(), verbose_name=_("pertanyaan"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    settings_panels = [*TargetedPage.targeting_panels, *Page.settings_panels]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQ")

    def get_context(self, request, *args, **kwargs):
        from ..selectors.hub import faq_context

        context = super().get_context(request, *args, **kwargs)
        context.update(faq_context(page=self, query=request.GET.get("q", "")))
        return context


class StoryPage(TargetedPage):
    """A colleague's story of the change: a testimonial with a photo carries more than a circular."""

    person_name = models.CharField(_("nama"), max_length=120)
    person_role = models.CharField(_("jabatan dan unit"), max_length=200)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quote = models.TextField(_("kutipan"), max_length=400)
    body = StreamField(BaseStreamBlock(), verbose_name=_("cerita"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("person_name"), FieldPanel("person_role")]),
        FieldPanel("photo"),
        FieldPanel("quote"),
        FieldPanel("body"),
    ]
    settings_panels = [*TargetedPage.targeting_panels, *Page.settings_panels]
    search_fields = [*Page.search_fields, index.SearchField("quote"), index.SearchField("person_name")]

    class Meta:
        verbose_name = _("cerita rekan")
        verbose_name_plural = _("cerita rekan")


class ChangeEventPage(TargetedPage):
    """A sosialisasi session: a place or an online link, limited seats, registration until it starts."""

    intro = models.TextField(_("ringkasan"), max_length=600)
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(pgettext_lazy("waktu acara", "selesai"))
    location = models.CharField(_("tempat"), max_length=200, blank=True)
    online_url = models.URLField(_("tautan daring"), blank=True)
    capacity = models.PositiveIntegerField(_("kapasitas"), validators=[MinValueValidator(1)])
    body = StreamField(BaseStreamBlock(), verbose_name=_("uraian"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("online_url")]),
        FieldPanel("capacity"),
        FieldPanel("body"),
    ]
    settings_panels = [*TargetedPage.targeting_panels, *Page.settings_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.FilterField("starts_at")]

    class Meta:
        verbose_name = _("acara sosialisasi")
        verbose_name_plural = _("acara sosialisasi")
        constraints = [
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="change_event_capacity_positive"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="change_event_ends_after"
            ),
        ]

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if not self.location and not self.online_url:
            raise ValidationError({"location": _("Isi tempat atau tautan daring.")})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Waktu selesai harus setelah waktu mulai.")})

    def get_context(self, request, *args, **kwargs):
        from ..selectors.events import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(event=self, user=request.user))
        return context


class GuidePage(TargetedPage):
    """A downloadable guide (PDF or slides) with a short description of who it is for."""

    intro = models.TextField(_("ringkasan"), max_length=600)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("berkas"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("uraian"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("document"), FieldPanel("body")]
    settings_panels = [*TargetedPage.targeting_panels, *Page.settings_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("panduan")
        verbose_name_plural = _("panduan")
