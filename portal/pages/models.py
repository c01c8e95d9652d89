"""The site's own pages: the home page and plain content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock


class HomePage(Page):
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


class StandardPage(Page):
    """A plain content page (about, privacy, help), written in the admin."""

    introduction = models.TextField(_("pengantar"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("halaman standar")
