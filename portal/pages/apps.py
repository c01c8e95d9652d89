from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The site's own Wagtail pages and the StreamField blocks other apps reuse."""

    name = "portal.pages"
    label = "pages"
    verbose_name = _("Halaman")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from portal.rules import settings_changed

        from .models import PortalSettings
        from .search_index import sections_index
        from .sites import site_follows_base_url

        post_migrate.connect(site_follows_base_url, sender=self, dispatch_uid="pages_site_follows_base_url")
        post_migrate.connect(sections_index, sender=self, dispatch_uid="pages_sections_index")
        post_save.connect(settings_changed, sender=PortalSettings, dispatch_uid="pages_portal_settings_changed")
