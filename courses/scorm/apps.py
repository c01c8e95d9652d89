from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    """SCORM packages: checked, unpacked and kept (see the package)."""

    name = "courses.scorm"
    label = "scorm"
    verbose_name = _("Paket SCORM")
