from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangeConfig(AppConfig):
    """The change-management hub: material that wins staff over, and whether it works, unit by unit."""

    name = "portal.change"
    label = "change"
    verbose_name = _("Manajemen Perubahan")
