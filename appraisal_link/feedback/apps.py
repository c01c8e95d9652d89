from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Feedback from the public (SKM) and from colleagues, beside the supervisor's appraisal."""

    name = "appraisal_link.feedback"
    label = "feedback"
    verbose_name = _("Umpan balik publik dan rekan")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import ServicePoint, ServicePopulation
        from .selectors import published_changed

        for model in (ServicePoint, ServicePopulation):
            post_save.connect(published_changed, sender=model, dispatch_uid=f"skm_published_{model.__name__}_save")
            post_delete.connect(published_changed, sender=model, dispatch_uid=f"skm_published_{model.__name__}_del")
