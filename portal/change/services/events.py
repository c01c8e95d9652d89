"""Writes about sosialisasi events: taking and giving back a seat, recording who came.

Capacity holds under concurrency because every change of seats first locks the event's row: two
people asking for the last seat are served one after the other, and the second finds it taken.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.people.models import Employee

from ..models import ChangeEventPage, EventRegistration
from ..selectors.events import active_registrations, event_refusal, event_targets_employee

ATTENDANCE_LOG_ACTION = "change.event_attendance"


def _lock_event(event: ChangeEventPage) -> ChangeEventPage:
    """The event re-read under a row lock on its own table, so capacity, times and `live` are current.

    Only the event's row is locked (`of=("self",)`), not Wagtail's page row, so editors are not held up.
    """
    try:
        return ChangeEventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)
    except ChangeEventPage.DoesNotExist:
        raise ValidationError(_("Acara tidak ditemukan."), code="not_found") from None


def registration_create(
    *, employee: Employee, event: ChangeEventPage, now: datetime.datetime | None = None
) -> tuple[EventRegistration, bool]:
    """Give `employee` a seat at `event`; returns the registration and whether a seat was taken now.

    A second submission returns the existing active registration and False. Someone who cancelled
    gets the same row back (the pair is unique), if a seat is free. Refused with a ValidationError
    when the event is not live, has started or ended, is full, or is meant for other units/positions.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_event(event)
        existing = EventRegistration.objects.select_for_update().filter(event=locked, employee=employee).first()
        if existing is not None and existing.is_active:
            return existing, False
        refusal = event_refusal(
            event=locked,
            now=now,
            seats_taken=active_registrations(locked).count(),
            targeted=event_targets_employee(event=locked, employee=employee),
            employee_active=employee.is_active,
        )
        if refusal is not None:
            raise refusal
        if existing is not None:
            existing.cancelled_at = None
            existing.registered_at = now
            existing.attended = False
            existing.attendance_marked_at = None
            existing.save(update_fields=["cancelled_at", "registered_at", "attended", "attendance_marked_at"])
            return existing, True
        try:
            # Where row locks do nothing (SQLite), the unique pair is the last guard against a double submit.
            with transaction.atomic():
                return EventRegistration.objects.create(event=locked, employee=employee, registered_at=now), True
        except IntegrityError:
            return EventRegistration.objects.get(event=locked, employee=employee), False


def registration_cancel(
    *, employee: Employee, event: ChangeEventPage, now: datetime.datetime | None = None
) -> tuple[EventRegistration | None, bool]:
    """Give back `employee`'s seat at `event`; returns the registration (None if there never was one) and
    whether it was cancelled now. Cancelling twice is harmless. Refused once the event has started,
    since the seat can no longer go to someone else."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_event(event)
        registration = EventRegistration.objects.select_for_update().filter(event=locked, employee=employee).first()
        if registration is None or not registration.is_active:
            return registration, False
        if now >= locked.starts_at:
            raise ValidationError(_("Pendaftaran tidak dapat dibatalkan karena acara sudah dimulai."), code="started")
        registration.cancelled_at = now
        registration.attended = False
        registration.attendance_marked_at = None
        registration.save(update_fields=["cancelled_at", "attended", "attendance_marked_at"])
        return registration, True


def attendance_mark(
    *, event: ChangeEventPage, registration_ids: set[int], by_user, now: datetime.datetime | None = None
) -> dict[str, int]:
    """Record who came to `event`: exactly the registrations in `registration_ids` attended, every other
    active registration of the event did not. Returns how many are marked present and absent.

    All or nothing: an id that is not an active registration of THIS event (another event's, a
    cancelled one, a forged one) refuses the whole request with a ValidationError, so a tampered
    form never changes another event's list. `attendance_marked_at` is set where the answer is new
    or changed, so it keeps the time each person's attendance was actually recorded. The save is
    written to the page's history with `by_user`.
    """
    from wagtail.log_actions import log

    now = now or timezone.now()
    ids = {int(pk) for pk in registration_ids}
    with transaction.atomic():
        locked = _lock_event(event)
        active = active_registrations(locked)
        known = set(active.filter(pk__in=ids).values_list("pk", flat=True))
        if ids - known:
            raise ValidationError(
                _("Sebagian pendaftaran tidak termasuk acara ini. Muat ulang halaman dan coba lagi."),
                code="foreign_registration",
            )
        present = active.filter(pk__in=ids).exclude(attended=True, attendance_marked_at__isnull=False)
        absent = active.exclude(pk__in=ids).exclude(attended=False, attendance_marked_at__isnull=False)
        present.update(attended=True, attendance_marked_at=now)
        absent.update(attended=False, attendance_marked_at=now)
        result = {"present": len(ids), "absent": active.count() - len(ids)}
        log(instance=locked, action=ATTENDANCE_LOG_ACTION, user=by_user, data=result)
    return result
