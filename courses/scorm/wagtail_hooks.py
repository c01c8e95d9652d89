from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .access import may_manage


class TrainersAndHRMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage(request.user)


@hooks.register("register_admin_urls")
def register_scorm_urls():
    return [path("paket-scorm/", include("courses.scorm.urls"))]


@hooks.register("register_admin_menu_item")
def register_scorm_menu():
    return TrainersAndHRMenuItem(_("Paket SCORM"), reverse("scorm_packages"), icon_name="upload", order=215)
