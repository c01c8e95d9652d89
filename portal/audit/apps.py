from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail of who viewed or exported other people's personal data."""

    name = "portal.audit"
    label = "audit"
    verbose_name = _("Jejak audit")
