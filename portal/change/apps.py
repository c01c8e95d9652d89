from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangeConfig(AppConfig):
    """The change-management hub: material that wins staff over, and whether it works, unit by unit."""

    name = "portal.change"
    label = "change"
    verbose_name = _("Manajemen Perubahan")

    def ready(self):
        from wagtail.signals import page_published

        from . import kept
        from .handlers import must_read_published
        from .models import ChangeArticlePage

        page_published.connect(must_read_published, sender=ChangeArticlePage, dispatch_uid="change_must_read_published")
        kept.connect()
