from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from . import admin_views
from .models import CoursePage


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("kursus/laporan/", admin_views.report_index_view, name="course_report_index"),
        path("kursus/<int:page_id>/laporan/", admin_views.course_report_view, name="course_report"),
        path(
            "kursus/sertifikat/<int:certificate_id>/cabut/",
            admin_views.certificate_revoke_view,
            name="certificate_revoke",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_report_menu():
    return MenuItem(_("Laporan kursus"), reverse("course_report_index"), icon_name="table", order=250)


@hooks.register("register_page_listing_more_buttons")
def course_report_listing_button(page, user, next_url=None):
    if page.specific_class is CoursePage:
        yield Button(_("Laporan peserta"), reverse("course_report", args=[page.pk]), icon_name="table", priority=45)


@hooks.register("register_page_header_buttons")
def course_report_header_button(page, user, view_name, next_url=None):
    if page.specific_class is CoursePage:
        yield Button(_("Laporan peserta"), reverse("course_report", args=[page.pk]), icon_name="table", priority=80)
