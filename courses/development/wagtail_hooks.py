from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from portal.people.admin_access import HRMenuItem

from .viewsets import ExternalActivityViewSet

activities = ExternalActivityViewSet()


@hooks.register("register_admin_viewset")
def register_activities():
    return activities


@hooks.register("register_admin_urls")
def register_attendance_urls():
    return [path("pengembangan-luar-portal/", include("courses.development.admin_urls"))]


@hooks.register("register_admin_menu_item")
def register_menu():
    menu = Menu(
        items=[
            HRMenuItem(_("Rencana pengembangan"), reverse("development_plans"), icon_name="list-ol", order=10),
            HRMenuItem(_("Kebutuhan pengembangan"), reverse("development_needs"), icon_name="table", order=20),
            HRMenuItem(_("Catatan di luar portal"), reverse("pengembangan-luar:index"), icon_name="list-ul", order=30),
            HRMenuItem(_("Menunggu verifikasi"), reverse("external_verify_list"), icon_name="tick", order=40),
            HRMenuItem(_("Impor daftar hadir"), reverse("external_attendance_import"), icon_name="upload", order=50),
        ]
    )
    return SubmenuMenuItem(_("Pengembangan kompetensi"), menu, icon_name="date", order=262)
