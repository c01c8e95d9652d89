from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from portal.people.access import is_hr

from .viewsets import AppraisalViewSetGroup


class HRMenuItem(MenuItem):
    def is_shown(self, request):
        return is_hr(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("sdm/", include("appraisal_link.reports.urls"))]


@hooks.register("register_admin_menu_item")
def register_hr_reports_menu():
    menu = Menu(
        items=[
            HRMenuItem(_("Peta kesenjangan"), reverse("appraisal_heatmap"), icon_name="table", order=10),
            HRMenuItem(_("Kepatuhan 20 JP"), reverse("appraisal_jp"), icon_name="time", order=20),
            HRMenuItem(_("Penutupan kesenjangan"), reverse("appraisal_closure"), icon_name="success", order=30),
            HRMenuItem(_("Tugaskan pelatihan"), reverse("appraisal_assign"), icon_name="date", order=40),
        ]
    )
    return SubmenuMenuItem(_("Laporan SDM"), menu, icon_name="folder-open-inverse", order=260)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("penilaian/", include("appraisal_link.admin_views.urls"))]


@hooks.register("register_admin_menu_item")
def register_import_menu():
    return HRMenuItem(_("Impor penilaian"), reverse("appraisal_import"), icon_name="upload", order=255)


@hooks.register("register_admin_viewset")
def register_appraisal_viewsets():
    return AppraisalViewSetGroup()
