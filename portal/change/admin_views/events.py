"""HR's event screens in the Wagtail admin: the list of events, each event's attendance list (mark who
came, export it) and the printable sign-in sheet. HR and superusers only; anyone else gets a 403."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.people.admin_access import hr_required
from portal.spreadsheets import table_response

from ..models import ChangeEventPage
from ..selectors import events as selectors
from ..services import events as services

BLANK_SIGN_IN_ROWS = 5  # for people who come without registering; they sign on the same sheet


def _event_or_404(event_id: int) -> ChangeEventPage:
    # Drafts too: HR may prepare the sheet of an event that is not published yet.
    return get_object_or_404(ChangeEventPage, pk=event_id)


def _local(value, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return timezone.localtime(value).strftime(fmt) if value else ""


@hr_required
def event_list_view(request):
    """Upcoming events first, then recent ones, with seats taken and attendance."""
    now = timezone.now()
    events = list(selectors.events_for_admin(now=now))
    return TemplateResponse(
        request,
        "change/admin/event_list.html",
        {
            "upcoming": [event for event in events if event.ends_at > now],
            "past": [event for event in events if event.ends_at <= now][::-1],
        },
    )


@hr_required
def event_attendance_view(request, event_id: int):
    """The registrants of one event with a "hadir" checkbox each; also exports them as CSV or XLSX."""
    event = _event_or_404(event_id)
    file_format = request.GET.get("format")
    if file_format in ("csv", "xlsx"):
        return _export(event, file_format)
    status = 200
    if request.method == "POST":
        try:
            ids = {int(value) for value in request.POST.getlist("hadir")}
            result = services.attendance_mark(event=event, registration_ids=ids, by_user=request.user)
        except (ValueError, ValidationError) as error:
            messages.error(
                request,
                error.messages[0] if isinstance(error, ValidationError) else _("Formulir kehadiran tidak sah."),
            )
            status = 400
        else:
            messages.success(
                request,
                _("Kehadiran disimpan: %(present)s hadir, %(absent)s tidak hadir.") % result,
            )
            return redirect(reverse("change_admin:event-attendance", args=[event.pk]))
    registrations = list(selectors.attendance_list(event=event))
    return TemplateResponse(
        request,
        "change/admin/event_attendance.html",
        {
            "event": event,
            "registrations": registrations,
            "attended_count": sum(1 for r in registrations if r.attended),
            "has_started": timezone.now() >= event.starts_at,
        },
        status=status,
    )


def _export(event: ChangeEventPage, file_format: str):
    header = [
        _("No."),
        _("NIP"),
        _("Nama"),
        _("Unit kerja"),
        _("Jabatan"),
        _("Waktu daftar"),
        _("Hadir"),
        _("Waktu pencatatan hadir"),
    ]
    rows = (
        [
            number,
            r.employee.nip,
            r.employee.name,
            r.employee.unit.name,
            r.employee.position.name,
            _local(r.registered_at),
            (_("Ya") if r.attended else _("Tidak")) if r.attendance_marked_at else "",
            _local(r.attendance_marked_at),
        ]
        for number, r in enumerate(selectors.attendance_list(event=event), start=1)
    )
    return table_response(filename=f"daftar-hadir-{event.slug}", header=header, rows=rows, file_format=file_format)


@hr_required
def event_sign_in_sheet_view(request, event_id: int):
    """The sheet people sign at the door: a standalone page made for printing (A4, no admin chrome)."""
    event = _event_or_404(event_id)
    registrations = list(selectors.attendance_list(event=event))
    starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    return TemplateResponse(
        request,
        "change/admin/event_sign_in_sheet.html",
        {
            "event": event,
            "registrations": registrations,
            "blank_rows": range(len(registrations) + 1, len(registrations) + 1 + BLANK_SIGN_IN_ROWS),
            "starts_local": starts,
            "ends_local": ends,
            "same_day": starts.date() == ends.date(),
        },
    )


urlpatterns = [
    path("", event_list_view, name="event-list"),
    path("<int:event_id>/", event_attendance_view, name="event-attendance"),
    path("<int:event_id>/cetak/", event_sign_in_sheet_view, name="event-sign-in-sheet"),
]
