from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Feedback from the public (SKM) and from colleagues, beside the supervisor's appraisal."""

    name = "appraisal_link.feedback"
    label = "feedback"
    verbose_name = _("Umpan balik publik dan rekan")
