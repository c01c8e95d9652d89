from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """Accounts, the organisation (units, positions, employees) and the access rules."""

    name = "portal.people"
    label = "people"
    verbose_name = _("Kepegawaian")
