from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppraisalLinkConfig(AppConfig):
    """Appraisals in, weak areas to competencies, gaps to courses, HR assignment and reports."""

    name = "appraisal_link"
    verbose_name = _("Penilaian dan pelatihan")
