"""The training history HR records in SIASN (the national civil-service system's "riwayat
kursus/diklat"): every portal course completed and every development outside the portal that was
verified, in a period, for one employee, a unit (with its sub-units) or everyone.

Each record carries what SIASN's form asks for: the course's name, its kind, the organiser, the
first and last day, the hours (JP) and the certificate's number and date. A completion whose
certificate HR revoked is left out. Two queries, streamed in NIP order, however many records there
are.
"""

import datetime
import heapq
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.people.models import Employee, Unit

from .development import kinds
from .development.models import ExternalActivity
from .models import Enrollment

CHUNK = 2000


@dataclass(frozen=True)
class TrainingRecord:
    nip: str
    name: str
    unit: str
    title: str
    kind: str
    organiser: str
    starts_on: datetime.date
    ends_on: datetime.date
    jp: int
    certificate_number: str
    certificate_date: datetime.date | None


@dataclass(frozen=True)
class Scope:
    """Whose history: one employee, a unit with its direct sub-units, or everyone (both None)."""

    employee: Employee | None = None
    unit: Unit | None = None

    def of(self, prefix: str) -> Q:
        if self.employee is not None:
            return Q(**{f"{prefix}": self.employee})
        if self.unit is not None:
            return Q(**{f"{prefix}__unit": self.unit}) | Q(**{f"{prefix}__unit__parent": self.unit})
        return Q()


def training_history(*, start: datetime.date, end: datetime.date, scope: Scope) -> Iterator[TrainingRecord]:
    """The records ending between `start` and `end` (both included, dates in WIB), by NIP then
    end date: portal completions and verified outside activities merged."""
    portal = _portal_courses(start=start, end=end, scope=scope)
    outside = _outside(start=start, end=end, scope=scope)
    return heapq.merge(portal, outside, key=lambda record: (record.nip, record.ends_on))


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _portal_courses(*, start, end, scope: Scope) -> Iterator[TrainingRecord]:
    completions = (
        Enrollment.objects.filter(
            scope.of("employee"),
            completed_at__gte=_day_start(start),
            completed_at__lt=_day_start(end + datetime.timedelta(days=1)),
        )
        .exclude(certificate__revoked_at__isnull=False)  # HR revoked it: not a record for SIASN
        .select_related("employee__unit", "course", "certificate")
        .only(
            "enrolled_at",
            "completed_at",
            "jp_awarded",
            "employee__nip",
            "employee__name",
            "employee__unit__name",
            "course__title",
            "certificate__code",
            "certificate__issued_at",
        )
        .order_by("employee__nip", "completed_at", "pk")
    )
    kind, organiser = _("E-learning (portal Kompeten)"), settings.KOMPETEN_TRAINING_ORGANISER
    for enrollment in completions.iterator(chunk_size=CHUNK):
        employee = enrollment.employee
        certificate = getattr(enrollment, "certificate", None)
        yield TrainingRecord(
            nip=employee.nip,
            name=employee.name,
            unit=employee.unit.name,
            title=enrollment.course.title,
            kind=kind,
            organiser=organiser,
            starts_on=timezone.localdate(enrollment.enrolled_at),
            ends_on=timezone.localdate(enrollment.completed_at),
            jp=enrollment.jp_awarded,
            certificate_number=certificate.code if certificate else "",
            certificate_date=timezone.localdate(certificate.issued_at) if certificate else None,
        )


def _outside(*, start, end, scope: Scope) -> Iterator[TrainingRecord]:
    activities = (
        ExternalActivity.objects.filter(
            scope.of("employee"), status=ExternalActivity.Status.VERIFIED, ends_on__range=(start, end)
        )
        .select_related("employee__unit")
        .only(
            "kind",
            "title",
            "organiser",
            "starts_on",
            "ends_on",
            "jp",
            "certificate_number",
            "certificate_date",
            "employee__nip",
            "employee__name",
            "employee__unit__name",
        )
        .order_by("employee__nip", "ends_on", "pk")
    )
    for activity in activities.iterator(chunk_size=CHUNK):
        employee = activity.employee
        yield TrainingRecord(
            nip=employee.nip,
            name=employee.name,
            unit=employee.unit.name,
            title=activity.title,
            kind=str(kinds.LABELS.get(activity.kind, activity.kind)),
            organiser=activity.organiser,
            starts_on=activity.starts_on,
            ends_on=activity.ends_on,
            jp=activity.jp,
            certificate_number=activity.certificate_number,
            certificate_date=activity.certificate_date,
        )
