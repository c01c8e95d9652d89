from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencyConfig(AppConfig):
    """The competency dictionary, levels, position standards, assessed levels and gaps."""

    name = "competency"
    verbose_name = _("Kompetensi")

    def ready(self):
        from portal.people import learner_kept

        from .models import Gap

        # The dashboard's gaps (portal.people.learner_kept); the gap engine's bulk writes say so themselves.
        learner_kept.watch(Gap, lambda gap: [gap.employee_id])
