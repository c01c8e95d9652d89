from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .audit.rules import AuditRule
from .privacy.admin_views import employee_anonymise_view


@hooks.register("register_admin_urls")
def register_anonymise_url():
    return [path("pegawai/<int:pk>/anonimkan/", employee_anonymise_view, name="people_employee_anonymise")]


@hooks.register("register_audited_views")
def audited_views():
    # Who opened the confirm page (name, NIP, unit) of a person who left. The trail has no "write"
    # action, and the POST answers with a redirect, which it does not record: the anonymisation
    # itself is logged by portal.privacy.anonymising (ids only).
    return [
        AuditRule(
            "people_employee_anonymise",
            what="pegawai.anonimkan",
            label=_("Anonimkan pegawai yang sudah keluar"),
            subject="pk",
        )
    ]
