from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencyConfig(AppConfig):
    """The competency dictionary, levels, position standards, assessed levels and gaps."""

    name = "competency"
    verbose_name = _("Kompetensi")
