from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExternalConfig(AppConfig):
    """Competency development outside the portal (a bimtek, coaching, a course elsewhere): recorded,
    verified, and counted toward the year's JP beside the portal's own courses."""

    name = "courses.external"
    label = "external"
    verbose_name = _("Pengembangan di luar portal")
