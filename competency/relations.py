"""Competencies related to each other, as Moodle's frameworks relate them (“cross-referenced
competencies”): a behaviour indicator and the proficiency level it belongs to, for instance.

The relation has no direction; each pair is stored once, the lower id first.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class CompetencyRelation(models.Model):
    """Two related competencies (kept from an imported Moodle framework)."""

    competency = models.ForeignKey(
        "competency.Competency", verbose_name=_("kompetensi"), on_delete=models.CASCADE, related_name="+"
    )
    related = models.ForeignKey(
        "competency.Competency", verbose_name=_("kompetensi terkait"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        app_label = "competency"
        verbose_name = _("kompetensi terkait")
        verbose_name_plural = _("kompetensi terkait")
        constraints = [
            models.UniqueConstraint(fields=["competency", "related"], name="competency_relation_once"),
            models.CheckConstraint(condition=Q(competency__lt=F("related")), name="competency_relation_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.competency_id} ↔ {self.related_id}"


def related_codes(code: str) -> list[str]:
    """The codes of the competencies related to the one with `code`, sorted."""
    pairs = CompetencyRelation.objects.filter(Q(competency__code=code) | Q(related__code=code)).values_list(
        "competency__code", "related__code"
    )
    return sorted({left if right == code else right for left, right in pairs})
