"""Registration only: the hub's admin screens, buttons and menu items (logic lives in admin_views)."""

from django.urls import NoReverseMatch, include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets.button import Button

from portal.audit.rules import AuditRule
from portal.people.access import is_hr
from portal.people.admin_access import HRMenuItem

from .admin_views import adoption as adoption_admin_views
from .admin_views import events as event_admin_views
from .admin_views.surveys import PulseSurveyViewSet
from .models import ChangeEventPage
from .services.events import ATTENDANCE_LOG_ACTION

# --- Sosialisasi events: attendance lists -------------------------------------------------------


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [path("perubahan/acara/", include((event_admin_views.urlpatterns, "change_admin")))]


@hooks.register("register_page_listing_more_buttons")
def event_attendance_listing_button(page, user, next_url=None):
    if page.specific_class is ChangeEventPage and is_hr(user):
        yield Button(
            _("Daftar hadir"),
            reverse("change_admin:event-attendance", args=[page.pk]),
            icon_name="list-ul",
            priority=45,
        )


@hooks.register("register_page_header_buttons")
def event_attendance_header_button(page, user, view_name, next_url=None):
    if page.specific_class is ChangeEventPage and is_hr(user):
        yield Button(
            _("Daftar hadir"),
            reverse("change_admin:event-attendance", args=[page.pk]),
            icon_name="list-ul",
            priority=80,
        )


@hooks.register("register_log_actions")
def register_event_log_actions(actions):
    actions.register_action(ATTENDANCE_LOG_ACTION, _("Catat kehadiran acara"), _("Kehadiran acara dicatat"))


# --- Pulse surveys and the adoption dashboard -----------------------------------------------------


survey_viewset = PulseSurveyViewSet()


@hooks.register("register_admin_viewset")
def register_survey_viewset():
    return survey_viewset


@hooks.register("register_admin_urls")
def register_adoption_urls():
    return [path("perubahan/adopsi/", include((adoption_admin_views.urlpatterns, "change_adoption")))]


# --- The "Perubahan" submenu: every admin screen of the hub, in one place ------------------------


def change_menu_items() -> list[MenuItem]:
    """The entries of the "Perubahan" submenu, in order (each screen checks access again itself).
    Add a screen here rather than as a top-level menu item."""
    items = [
        HRMenuItem(_("Survei denyut"), reverse("survei-denyut:index"), icon_name="clipboard-list", order=10),
        HRMenuItem(_("Dasbor adopsi"), reverse("change_adoption:dashboard"), icon_name="table", order=20),
    ]
    try:
        event_list = reverse("change_admin:event-list")
    except NoReverseMatch:  # the events screens are not registered
        pass
    else:
        items.append(HRMenuItem(_("Daftar hadir acara"), event_list, icon_name="date", order=30))
    return items


@hooks.register("register_admin_menu_item")
def register_change_menu():
    return SubmenuMenuItem(_("Perubahan"), Menu(items=change_menu_items()), icon_name="resubmit", order=265)


@hooks.register("register_audited_views")
def audited_views():
    """Who registered for and attended events, and the adoption exports (portal.audit records them)."""
    return [
        AuditRule(
            "change_admin:event-attendance",
            what="perubahan.daftar_hadir",
            label=_("Daftar hadir acara"),
            object_type="event",
            object_kwarg="event_id",
        ),
        AuditRule(
            "change_admin:event-sign-in-sheet",
            what="perubahan.lembar_hadir",
            label=_("Lembar hadir acara (cetak)"),
            object_type="event",
            object_kwarg="event_id",
        ),
        AuditRule("change_adoption:dashboard", what="perubahan.adopsi", label=_("Dasbor adopsi perubahan")),
    ]
