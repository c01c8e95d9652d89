from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from portal.audit.models import AuditAction
from portal.audit.rules import AuditRule, from_model

from . import admin_views
from .models import Certificate, CoursePage
from .reports import can_see_course_report


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("kursus/laporan/", admin_views.report_index_view, name="course_report_index"),
        path("kursus/<int:page_id>/laporan/", admin_views.course_report_view, name="course_report"),
        path("kursus/<int:page_id>/pelatih/", admin_views.course_trainers_view, name="course_trainers"),
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
    if page.specific_class is CoursePage and can_see_course_report(user, page.pk):
        yield Button(_("Laporan peserta"), reverse("course_report", args=[page.pk]), icon_name="table", priority=45)


@hooks.register("register_page_header_buttons")
def course_report_header_button(page, user, view_name, next_url=None):
    if page.specific_class is CoursePage and can_see_course_report(user, page.pk):
        yield Button(_("Laporan peserta"), reverse("course_report", args=[page.pk]), icon_name="table", priority=80)


@hooks.register("register_audited_views")
def audited_views():
    """The learner reports and their exports, and certificate downloads (portal.audit records them)."""
    return [
        AuditRule(
            "course_report",
            what="laporan.kursus",
            label=_("Laporan peserta kursus"),
            object_type="course",
            object_kwarg="page_id",
        ),
        AuditRule(
            "certificate_download",
            what="kursus.sertifikat",
            label=_("Sertifikat (PDF)"),
            action=AuditAction.DOWNLOAD,
            subject=from_model(Certificate.objects.all(), kwarg="certificate_id", field="enrollment__employee_id"),
            object_type="certificate",
            object_kwarg="certificate_id",
        ),
    ]
