from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from portal.audit.models import AuditAction
from portal.audit.rules import AuditRule, from_model
from portal.people.admin_access import HRMenuItem
from portal.people.models import Employee

from .models import Appraisal
from .viewsets import AppraisalViewSetGroup


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("sdm/", include("appraisal_link.reports.urls"))]


@hooks.register("register_admin_menu_item")
def register_hr_reports_menu():
    menu = Menu(
        items=[
            HRMenuItem(_("Peta kesenjangan"), reverse("appraisal_heatmap"), icon_name="table", order=10),
            HRMenuItem(_("Kepatuhan JP"), reverse("appraisal_jp"), icon_name="time", order=20),
            HRMenuItem(_("Penutupan kesenjangan"), reverse("appraisal_closure"), icon_name="success", order=30),
            HRMenuItem(
                _("Riwayat diklat (SIASN)"), reverse("appraisal_training_history"), icon_name="doc-full", order=35
            ),
            HRMenuItem(_("Tugaskan pelatihan"), reverse("appraisal_assign"), icon_name="date", order=40),
            HRMenuItem(_("Daftar penugasan"), reverse("appraisal_assignments"), icon_name="list-ul", order=45),
        ]
    )
    return SubmenuMenuItem(_("Laporan SDM"), menu, icon_name="folder-open-inverse", order=260)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("penilaian/", include("appraisal_link.admin_views.urls"))]


@hooks.register("register_admin_urls")
def register_assignment_urls():
    return [path("penugasan-pelatihan/", include("appraisal_link.admin_views.assignment_urls"))]


@hooks.register("register_admin_menu_item")
def register_import_menu():
    return HRMenuItem(_("Impor penilaian"), reverse("appraisal_import"), icon_name="upload", order=255)


@hooks.register("register_admin_viewset")
def register_appraisal_viewsets():
    return AppraisalViewSetGroup()


@hooks.register("register_audited_views")
def audited_views():
    """The views that show or export other people's appraisals and gaps (portal.audit records them)."""

    def api_rows(response):
        data = getattr(response, "data", None) or {}
        return {"rows": data.get("jumlah"), "dry_run": data.get("uji_coba")}

    appraisal = from_model(Appraisal.objects.all(), kwarg="pk")

    def history_subject(request, kwargs):
        nip = request.GET.get("nip", "").replace(" ", "")
        return Employee.objects.filter(nip=nip).values("pk")[:1] if nip else None

    return [
        AuditRule("team", what="tim.daftar", label=_("Daftar tim")),
        AuditRule("team_member", what="tim.anggota", label=_("Kesenjangan anggota tim"), subject="employee_id"),
        AuditRule("appraisal_heatmap", what="laporan.peta_kesenjangan", label=_("Laporan peta kesenjangan")),
        AuditRule(
            "appraisal_heatmap_cell",
            what="laporan.peta_kesenjangan.pegawai",
            label=_("Pegawai dengan kesenjangan (per unit dan kompetensi)"),
            object_type="unit",
            object_kwarg="unit_id",
        ),
        AuditRule("appraisal_jp", what="laporan.jp", label=_("Laporan kepatuhan JP")),
        AuditRule("appraisal_closure", what="laporan.penutupan", label=_("Laporan penutupan kesenjangan")),
        AuditRule(
            "appraisal_training_history",
            what="laporan.riwayat_diklat",
            label=_("Riwayat diklat untuk SIASN"),
            subject=history_subject,
        ),
        AuditRule("appraisal_assign", what="penugasan", label=_("Penugasan pelatihan")),
        AuditRule("appraisal_assignments", what="penugasan.daftar", label=_("Daftar penugasan pelatihan")),
        AuditRule("penilaian-skp:index", what="penilaian.daftar", label=_("Daftar penilaian SKP")),
        AuditRule("penilaian-skp:index_results", what="penilaian.daftar", label=_("Daftar penilaian SKP")),
        AuditRule(
            "penilaian-skp:edit",
            what="penilaian.data",
            label=_("Penilaian SKP"),
            subject=appraisal,
            object_type="appraisal",
            object_kwarg="pk",
        ),
        AuditRule(
            "penilaian-skp:history",
            what="penilaian.riwayat",
            label=_("Riwayat penilaian SKP"),
            subject=appraisal,
            object_type="appraisal",
            object_kwarg="pk",
        ),
        AuditRule(
            "appraisal_import_job",
            what="impor.hasil",
            label=_("Hasil impor penilaian"),
            object_type="import",
            object_kwarg="pk",
        ),
        AuditRule(
            "appraisal_import_errors",
            what="impor.kesalahan",
            label=_("Berkas kesalahan impor"),
            export=True,
            object_type="import",
            object_kwarg="pk",
        ),
        AuditRule(
            "appraisal_import_file",
            what="impor.berkas",
            label=_("Berkas impor penilaian"),
            export=True,
            object_type="import",
            object_kwarg="pk",
        ),
        AuditRule(
            "api_appraisals",
            what="api.penilaian",
            label=_("Penilaian dikirim lewat API"),
            action=AuditAction.API_WRITE,
            methods=("POST",),
            reauthenticate=False,
            response_detail=api_rows,
        ),
    ]
