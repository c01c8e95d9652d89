from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppraisalLinkConfig(AppConfig):
    """Appraisals in, weak areas to competencies, gaps to courses, HR assignment and reports."""

    name = "appraisal_link"
    verbose_name = _("Penilaian dan pelatihan")

    def ready(self):
        from courses.signals import enrollment_completed
        from portal.people import learner_kept

        from .handlers import close_gaps_of_completed_assignment
        from .models import Assignment

        # The dashboard's assignments (portal.people.learner_kept).
        learner_kept.watch(Assignment, lambda assignment: [assignment.employee_id])

        enrollment_completed.connect(close_gaps_of_completed_assignment, dispatch_uid="appraisal_link_close_gaps")
