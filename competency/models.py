"""The competency dictionary (Kamus Kompetensi, PermenPANRB 38/2017): what can be developed."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

LEVELS = [(level, str(level)) for level in range(1, 6)]


class Competency(index.Indexed, models.Model):
    """A competency with a behavioural indicator per proficiency level 1–5."""

    class Kind(models.TextChoices):
        MANAJERIAL = "manajerial", _("Manajerial")
        SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")
        TEKNIS = "teknis", _("Teknis")

    code = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.TextField(_("definisi"), blank=True)
    indicator_1 = models.TextField(_("indikator level 1"), blank=True)
    indicator_2 = models.TextField(_("indikator level 2"), blank=True)
    indicator_3 = models.TextField(_("indikator level 3"), blank=True)
    indicator_4 = models.TextField(_("indikator level 4"), blank=True)
    indicator_5 = models.TextField(_("indikator level 5"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind")]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["manajerial", "sosial_kultural", "teknis"]), name="competency_kind_valid"
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="competency_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def indicator(self, level: int) -> str:
        return getattr(self, f"indicator_{level}", "")
