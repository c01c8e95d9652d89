from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    """xAPI statements of learning events, sent to a Learning Record Store (see the package)."""

    name = "courses.xapi"
    label = "xapi"
    verbose_name = _("Pernyataan xAPI")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the receivers
