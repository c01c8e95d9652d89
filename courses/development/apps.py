from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    """Competency development beyond the portal's courses: learning outside the portal (a bimtek,
    coaching, a course elsewhere), recorded and verified, and each employee's yearly development
    plan agreed with their supervisor. It sits above courses, since plans and the JP ledger read both."""

    name = "courses.development"
    label = "development"
    verbose_name = _("Pengembangan kompetensi")
