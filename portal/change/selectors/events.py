"""Reads about sosialisasi events: seats, who registered, who may still register, attendance lists.

Every function runs a fixed number of queries, however many people registered.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.people.access import employee_for, is_hr
from portal.people.models import Employee

from ..models import ChangeEventPage, EventRegistration
from .targeting import OTHERS, audience_of


def active_registrations(event: ChangeEventPage) -> QuerySet[EventRegistration]:
    """The registrations of `event` that hold a seat (not cancelled)."""
    return EventRegistration.objects.filter(event=event, cancelled_at__isnull=True)


def event_seats_taken(event: ChangeEventPage) -> int:
    """How many seats of `event` are taken (one query; 0 for an event not saved yet, e.g. a preview)."""
    if event.pk is None:
        return 0
    return active_registrations(event).count()


def event_targets_employee(
    *,
    event: ChangeEventPage,
    employee: Employee,
    unit_ids: set[int] | None = None,
    position_ids: set[int] | None = None,
) -> bool:
    """Whether `event` is meant for `employee`: no target at all means everyone; otherwise their unit or
    their position must be among the targets. Pass the target ids when already read, to save the queries."""
    if unit_ids is None:
        unit_ids = {unit.pk for unit in event.target_units.all()}
    if position_ids is None:
        position_ids = {position.pk for position in event.target_positions.all()}
    # The hub's one targeting rule, so the page, the hub listing and the registration never disagree.
    return audience_of(unit_ids=unit_ids, position_ids=position_ids, employee=employee) != OTHERS


def event_refusal(
    *, event: ChangeEventPage, now: datetime.datetime, seats_taken: int, targeted: bool, employee_active: bool = True
) -> ValidationError | None:
    """Why an employee may not take a seat at `event` now, or None when they may.

    Shared by the page (to explain a disabled button) and the service (to refuse the request), so
    both give the same reason. The error's `code` names the reason, so callers and tests can tell
    the reasons apart without reading the words.
    """
    if not event.live:
        return ValidationError(_("Acara ini belum atau tidak lagi diterbitkan."), code="not_live")
    if now >= event.ends_at:
        return ValidationError(_("Acara ini sudah selesai."), code="ended")
    if now >= event.starts_at:
        return ValidationError(_("Pendaftaran ditutup karena acara sudah dimulai."), code="started")
    if not employee_active:
        return ValidationError(_("Data kepegawaian Anda tidak aktif, sehingga tidak dapat mendaftar."), code="inactive")
    if not targeted:
        return ValidationError(_("Acara ini diperuntukkan bagi unit kerja atau jabatan lain."), code="not_targeted")
    if seats_taken >= event.capacity:
        return ValidationError(_("Kuota acara sudah penuh."), code="full")
    return None


def event_context(*, event: ChangeEventPage, user, now: datetime.datetime | None = None) -> dict:
    """What the event page shows `user`: seats, their registration and whether they may register or cancel.

    A fixed number of queries: the user's employee record, seats, their registration, the target units
    and positions, and the user's roles (HR also sees a link to the attendance list).
    """
    now = now or timezone.now()
    target_units = list(event.target_units.all())
    target_positions = list(event.target_positions.all())
    seats_taken = event_seats_taken(event)
    employee = employee_for(user)
    registration = None
    if employee is not None and event.pk is not None:
        registration = active_registrations(event).filter(employee=employee).first()
    refusal = None
    if registration is None:
        if employee is None:
            refusal = (
                ValidationError(
                    _("Akun Anda belum terhubung dengan data pegawai, sehingga belum dapat mendaftar."),
                    code="no_employee",
                )
                if getattr(user, "is_authenticated", False)
                else None
            )
        else:
            targeted = event_targets_employee(
                event=event,
                employee=employee,
                unit_ids={unit.pk for unit in target_units},
                position_ids={position.pk for position in target_positions},
            )
            refusal = event_refusal(
                event=event, now=now, seats_taken=seats_taken, targeted=targeted, employee_active=employee.is_active
            )
    starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    return {
        "seats_taken": seats_taken,
        "seats_left": max(event.capacity - seats_taken, 0),
        "is_full": seats_taken >= event.capacity,
        "registration": registration,
        "is_registered": registration is not None,
        "can_register": employee is not None and registration is None and refusal is None,
        "register_refusal": refusal.message if refusal else None,
        "register_refusal_code": refusal.code if refusal else None,
        "can_cancel": registration is not None and now < event.starts_at,
        "has_started": now >= event.starts_at,
        "is_past": now >= event.ends_at,
        "starts_local": starts,
        "ends_local": ends,
        "same_day": starts.date() == ends.date(),
        "target_units": target_units,
        "target_positions": target_positions,
        "show_attendance_link": is_hr(user) and event.pk is not None,
    }


def attendance_list(*, event: ChangeEventPage) -> QuerySet[EventRegistration]:
    """The people holding a seat at `event`, with name, NIP, unit and position, by unit then name (one query)."""
    return (
        active_registrations(event)
        .select_related("employee__unit", "employee__position")
        .order_by("employee__unit__name", "employee__name", "pk")
    )


def events_for_admin(*, now: datetime.datetime | None = None, past_days: int = 60) -> QuerySet[ChangeEventPage]:
    """Events for HR's list: upcoming first, then those of the last `past_days` days, with seat and
    attendance counts (one query)."""
    now = now or timezone.now()
    active = Q(registrations__cancelled_at__isnull=True)
    return (
        ChangeEventPage.objects.filter(ends_at__gte=now - datetime.timedelta(days=past_days))
        .annotate(
            seats_taken=Count("registrations", filter=active),
            attended_count=Count("registrations", filter=active & Q(registrations__attended=True)),
        )
        .order_by("starts_at", "pk")
    )
