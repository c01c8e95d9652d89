from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """Accounts, the organisation (units, positions, employees) and the access rules."""

    name = "portal.people"
    label = "people"
    verbose_name = _("Kepegawaian")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import employee_kept, learner_kept, roles_kept, user_kept
        from .language import language_restore
        from .middleware import idle_limit_start

        roles_kept.connect()
        employee_kept.connect()
        learner_kept.connect()
        user_kept.connect()

        user_logged_in.connect(idle_limit_start, dispatch_uid="kompeten_idle_limit_start")
        user_logged_in.connect(language_restore, dispatch_uid="kompeten_language_restore")
