"""HR assigns training: to one employee, or in bulk to a unit or to everyone with a given gap."""

import datetime
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from competency.models import Competency, Gap
from courses.models import CoursePage, Enrollment
from courses.services import enrollment_create
from portal import rules, stored_text
from portal.people.models import Employee, Unit
from portal.people.nip import normalise_nip

from ..models import Assignment
from .notifying import assignment_cancelled_notify, assignments_created_notify


def _due_at(due_date: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(due_date, rules.DUE_TIME))


def assignment_create(
    *,
    employee: Employee,
    course: CoursePage,
    due_date: datetime.date,
    reason: str,
    gap: Gap | None = None,
    assigned_by=None,
    reason_source: dict | None = None,
) -> Assignment:
    """Assign a course with a due date and the reason the employee will read on their dashboard.

    Assigning again what is already assigned returns the existing assignment. A new assignment
    notifies the employee (if they have an account) in the same transaction. `reason_source`
    (portal.stored_text) is given for a reason the system wrote; HR's typed reason has none.
    """
    with transaction.atomic():
        assignment, created = _assign(
            employee=employee,
            course=course,
            due_date=due_date,
            reason=reason,
            gap=gap,
            assigned_by=assigned_by,
            reason_source=reason_source,
        )
        if created:
            assignments_created_notify(assignments=[assignment])
    return assignment


def _assign(
    *,
    employee: Employee,
    course: CoursePage,
    due_date: datetime.date,
    reason: str,
    gap: Gap | None,
    assigned_by,
    reason_source: dict | None = None,
) -> tuple[Assignment, bool]:
    """The assignment, and whether this call created it (only a new one is notified)."""
    if due_date < timezone.localdate():
        raise ValidationError(_("Tenggat tidak boleh di masa lalu."), code="due_past")
    existing = Assignment.objects.filter(employee=employee, course=course, cancelled_at__isnull=True).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        enrollment = enrollment_create(
            employee=employee, course=course, source=Enrollment.Source.ASSIGNED, due_at=_due_at(due_date)
        )
        if enrollment.completed_at is None and (enrollment.due_at is None or enrollment.due_at > _due_at(due_date)):
            enrollment.due_at = _due_at(due_date)
            enrollment.save(update_fields=["due_at"])
        try:
            with transaction.atomic():
                assignment = Assignment.objects.create(
                    employee=employee,
                    course=course,
                    enrollment=enrollment,
                    gap=gap,
                    reason=reason[:300],
                    reason_source=reason_source or {},
                    due_date=due_date,
                    assigned_by=assigned_by,
                )
                return assignment, True
        except IntegrityError:
            # The same assignment posted twice at once: the other request made it (and notified).
            return Assignment.objects.get(employee=employee, course=course, cancelled_at__isnull=True), False


class Target(NamedTuple):
    employee: Employee
    reason: str
    reason_source: dict
    gap: Gap | None


def assignment_targets(*, unit: Unit | None = None, competency: Competency | None = None) -> list[Target]:
    """Who a bulk assignment reaches: everyone in a unit (and its sub-units); everyone with an open
    gap in a competency (each with that gap's reason); or both: those of the unit with that gap.
    One query. The same list is shown to HR before confirming and used to assign."""
    if unit is None and competency is None:
        raise ValidationError(_("Pilih unit kerja atau kompetensi."), code="target")
    unit_ids = None
    if unit is not None:
        unit_ids = [unit.pk, *Unit.objects.filter(parent=unit).values_list("pk", flat=True)]
    if competency is None:
        source = stored_text.source(gettext_noop("Ditugaskan BKPSDM untuk %(unit)s"), unit=unit.name)
        reason = stored_text.render(source)
        employees = Employee.objects.filter(unit_id__in=unit_ids, is_active=True).select_related("unit")
        return [Target(e, reason, source, None) for e in employees.order_by("name")]
    gaps = Gap.objects.filter(competency=competency, status=Gap.Status.OPEN, employee__is_active=True)
    if unit_ids is not None:
        gaps = gaps.filter(employee__unit_id__in=unit_ids)
    targets, seen = [], set()
    for gap in gaps.select_related("employee__unit").order_by("employee__name", "employee_id", "-required_level"):
        if gap.employee_id not in seen:
            seen.add(gap.employee_id)
            targets.append(Target(gap.employee, gap.reason, getattr(gap, "reason_source", None) or {}, gap))
    return targets


def assignments_bulk_create(
    *,
    course: CoursePage,
    due_date: datetime.date,
    assigned_by=None,
    unit: Unit | None = None,
    competency: Competency | None = None,
) -> dict:
    """Assign a course to the people assignment_targets names. Returns how many were assigned and
    who was skipped (see `_assign_targets`)."""
    targets = assignment_targets(unit=unit, competency=competency)
    return _assign_targets(targets, course=course, due_date=due_date, assigned_by=assigned_by)


def _assign_targets(targets: list[Target], *, course: CoursePage, due_date: datetime.date, assigned_by) -> dict:
    """One transaction: each person's assignment has its own savepoint (a refused one is skipped,
    with the reason), and the new assignments are notified together at the end, in bulk."""
    assigned, skipped, created = 0, [], []
    with transaction.atomic():
        for target in targets:
            try:
                with transaction.atomic():
                    assignment, is_new = _assign(
                        employee=target.employee,
                        course=course,
                        due_date=due_date,
                        reason=target.reason,
                        reason_source=target.reason_source,
                        gap=target.gap,
                        assigned_by=assigned_by,
                    )
                assigned += 1
                if is_new:
                    created.append(assignment)
            except ValidationError as error:
                skipped.append(f"{target.employee.name}: {error.messages[0]}")
        assignments_created_notify(assignments=created)
    return {"assigned": assigned, "skipped": skipped}


def assignments_by_nip_create(
    *, course: CoursePage, nips: list[str], due_date: datetime.date, assigned_by=None
) -> dict:
    """Assign a course to the employees HR lists by NIP (the course report's form), as any other
    assignment: a reason on their dashboard ("Ditugaskan BKPSDM"), a notification and reminders.
    A NIP not in the register refuses the whole list (ValidationError, code "unknown_nip"); someone
    who cannot be enrolled is skipped with the reason. Returns how many were assigned and who was
    skipped."""
    wanted = list(dict.fromkeys(normalise_nip(nip) for nip in nips if nip.strip()))
    if not wanted:
        raise ValidationError(_("Tulis paling sedikit satu NIP."), code="no_nip")
    employees = {e.nip: e for e in Employee.objects.filter(nip__in=wanted)}
    unknown = [nip for nip in wanted if nip not in employees]
    if unknown:
        raise ValidationError(
            _("NIP tidak ditemukan: %(nips)s. Tidak ada yang didaftarkan.") % {"nips": ", ".join(unknown[:20])},
            code="unknown_nip",
        )
    source = stored_text.source(gettext_noop("Ditugaskan BKPSDM"))
    targets = [Target(employees[nip], stored_text.render(source), source, None) for nip in wanted]
    return _assign_targets(targets, course=course, due_date=due_date, assigned_by=assigned_by)


def assignment_change_due_date(*, assignment: Assignment, due_date: datetime.date) -> Assignment:
    """Move an active assignment's due date (not into the past); the enrollment's due date follows
    unless the course is already completed."""
    if assignment.cancelled_at is not None:
        raise ValidationError(_("Penugasan ini sudah dibatalkan."), code="cancelled")
    if due_date < timezone.localdate():
        raise ValidationError(_("Tenggat tidak boleh di masa lalu."), code="due_past")
    with transaction.atomic():
        assignment.due_date = due_date
        assignment.save(update_fields=["due_date"])
        if assignment.enrollment_id:
            Enrollment.objects.filter(pk=assignment.enrollment_id, completed_at__isnull=True).update(
                due_at=_due_at(due_date)
            )
    return assignment


def assignment_cancel(*, assignment: Assignment) -> Assignment:
    """Withdraw an assignment and tell the employee: it leaves their dashboard and reminders, and
    the due date it put on an unfinished enrollment is lifted (the learning done so far is kept)."""
    if assignment.cancelled_at is None:
        with transaction.atomic():
            assignment.cancelled_at = timezone.now()
            assignment.save(update_fields=["cancelled_at"])
            if assignment.enrollment_id:
                Enrollment.objects.filter(pk=assignment.enrollment_id, completed_at__isnull=True).update(due_at=None)
            assignment_cancelled_notify(assignment=assignment)
    return assignment
