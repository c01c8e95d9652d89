from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Messages to people: in-app notifications (the bell, /notifikasi/) and their e-mail copies."""

    name = "portal.notifications"
    label = "notifications"
    verbose_name = _("Notifikasi")
