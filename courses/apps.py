from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """The catalog and learning: courses, lessons, quizzes, enrolments, JP and certificates."""

    name = "courses"
    verbose_name = _("Kursus")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the receivers
