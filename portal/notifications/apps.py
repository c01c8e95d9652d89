from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Messages to people: e-mail now; in-app notifications build on it."""

    name = "portal.notifications"
    label = "notifications"
    verbose_name = _("Notifikasi")
