from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from portal.audit.rules import AuditRule
from portal.people.admin_access import HRMenuItem

from .peer_viewsets import PeerRoundViewSet
from .viewsets import ServicePointViewSet

service_points = ServicePointViewSet()
peer_rounds = PeerRoundViewSet()


@hooks.register("register_admin_viewset")
def register_service_points():
    return service_points


@hooks.register("register_admin_urls")
def register_survey_urls():
    return [path("survei-kepuasan/", include("appraisal_link.feedback.admin_urls"))]


@hooks.register("register_admin_menu_item")
def register_survey_menu():
    menu = Menu(
        items=[
            HRMenuItem(_("Indeks kepuasan (IKM)"), reverse("skm_report"), icon_name="table", order=10),
            HRMenuItem(_("Moderasi saran"), reverse("skm_suggestions"), icon_name="comment", order=20),
            HRMenuItem(_("Titik layanan"), reverse("titik-layanan:index"), icon_name="site", order=30),
        ]
    )
    return SubmenuMenuItem(_("Survei kepuasan"), menu, icon_name="pick", order=265)


@hooks.register("register_admin_viewset")
def register_peer_rounds():
    return peer_rounds


@hooks.register("register_admin_urls")
def register_peer_round_urls():
    return [path("umpan-balik-rekan/", include("appraisal_link.feedback.peer_admin_urls"))]


@hooks.register("register_admin_menu_item")
def register_peer_menu():
    return HRMenuItem(_("Umpan balik rekan"), reverse("putaran-rekan:index"), icon_name="group", order=266)


@hooks.register("register_audited_views")
def audited_views():
    """Suggestions are citizens' free text: who read them is recorded (the index is aggregates only)."""
    return [
        AuditRule("skm_suggestions", what="skm.saran", label=_("Saran survei kepuasan (moderasi)")),
    ]
