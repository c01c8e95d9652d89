from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The site's own Wagtail pages and the StreamField blocks other apps reuse."""

    name = "portal.pages"
    label = "pages"
    verbose_name = _("Halaman")
