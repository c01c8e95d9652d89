"""Registration only: the "Jejak audit" screen, and the audited views of the people app and of the
trail itself (the people app is core and registers nothing of the audit's)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .rules import AuditRule
from .viewsets import AuditEntryViewSet


@hooks.register("register_admin_viewset")
def register_audit_viewset():
    return AuditEntryViewSet()


@hooks.register("register_audited_views")
def audited_people_views():
    return [
        AuditRule("pegawai:index", what="pegawai.daftar", label=_("Daftar pegawai")),
        AuditRule("pegawai:index_results", what="pegawai.daftar", label=_("Daftar pegawai")),
        AuditRule(
            "pegawai:edit",
            what="pegawai.data",
            label=_("Data pegawai"),
            subject="pk",
            object_type="employee",
            object_kwarg="pk",
        ),
        AuditRule(
            "pegawai:history",
            what="pegawai.riwayat",
            label=_("Riwayat data pegawai"),
            subject="pk",
            object_type="employee",
            object_kwarg="pk",
        ),
        # Reading the trail shows who looked at whom: that is recorded too.
        AuditRule("jejak-audit:index", what="audit.jejak", label=_("Jejak audit")),
        AuditRule("jejak-audit:index_results", what="audit.jejak", label=_("Jejak audit")),
        AuditRule(
            "jejak-audit:inspect", what="audit.jejak", label=_("Jejak audit"), object_type="audit", object_kwarg="pk"
        ),
    ]
