"""Thin views for taking and giving back a seat at a sosialisasi event; both go back to the event page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.people.access import employee_for

from ..models import ChangeEventPage
from ..services import events as services


def _event_and_employee(request, event_id: int):
    """The live event (404 otherwise) and the user's employee record (None, with a message, if unclaimed)."""
    event = get_object_or_404(ChangeEventPage.objects.live(), pk=event_id)
    employee = employee_for(request.user)
    if employee is None:
        messages.error(
            request, _("Akun Anda belum terhubung dengan data pegawai, sehingga belum dapat mendaftar acara.")
        )
    return event, employee


@login_required
@require_POST
def event_register_view(request, event_id: int):
    """Take a seat; a second click says "already registered" rather than booking twice."""
    event, employee = _event_and_employee(request, event_id)
    if employee is not None:
        try:
            _registration, created = services.registration_create(employee=employee, event=event)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            if created:
                messages.success(request, _("Anda terdaftar di acara %(title)s.") % {"title": event.title})
            else:
                messages.info(request, _("Anda sudah terdaftar di acara ini."))
    return redirect(event.get_url(request))


@login_required
@require_POST
def event_cancel_view(request, event_id: int):
    """Give the seat back (only before the event starts)."""
    event, employee = _event_and_employee(request, event_id)
    if employee is not None:
        try:
            _registration, cancelled = services.registration_cancel(employee=employee, event=event)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            if cancelled:
                messages.success(request, _("Pendaftaran Anda dibatalkan. Kursi Anda kini tersedia bagi rekan lain."))
            else:
                messages.info(request, _("Anda tidak sedang terdaftar di acara ini."))
    return redirect(event.get_url(request))


urlpatterns = [
    path("perubahan/aksi/acara/<int:event_id>/daftar/", event_register_view, name="event-register"),
    path("perubahan/aksi/acara/<int:event_id>/batal/", event_cancel_view, name="event-cancel"),
]
