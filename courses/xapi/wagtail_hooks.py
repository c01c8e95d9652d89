from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.people.admin_access import HRMenuItem


@hooks.register("register_admin_urls")
def register_xapi_urls():
    return [path("xapi/", include("courses.xapi.urls"))]


@hooks.register("register_admin_menu_item")
def register_xapi_menu():
    return HRMenuItem(_("Log xAPI"), reverse("xapi_log"), icon_name="history", order=262)
