"""Registration only: the competency screens live in viewsets.py and admin_views.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.audit.rules import AuditRule, from_model

from .models import Assessment, Gap
from .viewsets import CompetencyViewSetGroup


@hooks.register("register_admin_viewset")
def register_competency_admin():
    return CompetencyViewSetGroup()


@hooks.register("register_audited_views")
def audited_views():
    """The listings (and exports) of employees' gaps and assessments (portal.audit records them)."""
    gap, assessment = from_model(Gap.objects.all(), kwarg="pk"), from_model(Assessment.objects.all(), kwarg="pk")
    return [
        AuditRule("kesenjangan-kompetensi:index", what="kesenjangan.daftar", label=_("Daftar kesenjangan kompetensi")),
        AuditRule(
            "kesenjangan-kompetensi:index_results", what="kesenjangan.daftar", label=_("Daftar kesenjangan kompetensi")
        ),
        AuditRule(
            "kesenjangan-kompetensi:inspect",
            what="kesenjangan.data",
            label=_("Kesenjangan kompetensi"),
            subject=gap,
            object_type="gap",
            object_kwarg="pk",
        ),
        AuditRule("asesmen-kompetensi:index", what="asesmen.daftar", label=_("Daftar asesmen kompetensi")),
        AuditRule("asesmen-kompetensi:index_results", what="asesmen.daftar", label=_("Daftar asesmen kompetensi")),
        AuditRule(
            "asesmen-kompetensi:edit",
            what="asesmen.data",
            label=_("Asesmen kompetensi"),
            subject=assessment,
            object_type="assessment",
            object_kwarg="pk",
        ),
    ]
