from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    """Competency development beyond the portal's courses: learning outside the portal (a bimtek,
    coaching, a course elsewhere), recorded and verified, and each employee's yearly development
    plan agreed with their supervisor. It sits above courses, since plans and the JP ledger read both."""

    name = "courses.development"
    label = "development"
    verbose_name = _("Pengembangan kompetensi")

    def ready(self):
        from portal.people import learner_kept

        from .models import DevelopmentPlan, ExternalActivity, PlanItem

        # The dashboard's JP and plan (portal.people.learner_kept).
        learner_kept.watch(ExternalActivity, lambda activity: [activity.employee_id])
        learner_kept.watch(DevelopmentPlan, lambda plan: [plan.employee_id])
        learner_kept.watch(PlanItem, learner_kept.via("plan", DevelopmentPlan))
