"""HR assigns training: to one employee, or in bulk to a unit or to everyone with a given gap."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competency.models import Competency, Gap
from courses.models import CoursePage, Enrollment
from courses.services import enrollment_create
from portal.people.models import Employee, Unit

from ..models import Assignment
from .notifying import assignments_created_notify


def _due_at(due_date: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(due_date, datetime.time(23, 59)))


def assignment_create(
    *,
    employee: Employee,
    course: CoursePage,
    due_date: datetime.date,
    reason: str,
    gap: Gap | None = None,
    assigned_by=None,
) -> Assignment:
    """Assign a course with a due date and the reason the employee will read on their dashboard.

    Assigning again what is already assigned returns the existing assignment. A new assignment
    notifies the employee (if they have an account) in the same transaction.
    """
    with transaction.atomic():
        assignment, created = _assign(
            employee=employee, course=course, due_date=due_date, reason=reason, gap=gap, assigned_by=assigned_by
        )
        if created:
            assignments_created_notify(assignments=[assignment])
    return assignment


def _assign(
    *, employee: Employee, course: CoursePage, due_date: datetime.date, reason: str, gap: Gap | None, assigned_by
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
                    due_date=due_date,
                    assigned_by=assigned_by,
                )
                return assignment, True
        except IntegrityError:
            # The same assignment posted twice at once: the other request made it (and notified).
            return Assignment.objects.get(employee=employee, course=course, cancelled_at__isnull=True), False


def assignments_bulk_create(
    *,
    course: CoursePage,
    due_date: datetime.date,
    assigned_by=None,
    unit: Unit | None = None,
    competency: Competency | None = None,
) -> dict:
    """Assign a course to everyone in a unit (and its sub-units), or with an open gap in a
    competency (each with that gap's reason). Returns how many were assigned and who was skipped.

    One transaction: each person's assignment has its own savepoint (a refused one is skipped), and
    the new assignments are notified together at the end, in bulk."""
    if (unit is None) == (competency is None):
        raise ValidationError(_("Pilih unit kerja atau kompetensi, salah satu."), code="target")
    targets: list[tuple[Employee, str, Gap | None]] = []
    if unit is not None:
        unit_ids = [unit.pk, *Unit.objects.filter(parent=unit).values_list("pk", flat=True)]
        reason = _("Ditugaskan BKPSDM untuk %(unit)s") % {"unit": unit.name}
        targets = [(e, reason, None) for e in Employee.objects.filter(unit_id__in=unit_ids, is_active=True)]
    else:
        gaps = Gap.objects.filter(competency=competency, status=Gap.Status.OPEN).select_related("employee")
        seen = set()
        for gap in gaps.order_by("employee_id", "-required_level"):
            if gap.employee_id not in seen:
                seen.add(gap.employee_id)
                targets.append((gap.employee, gap.reason, gap))
    assigned, skipped, created = 0, [], []
    with transaction.atomic():
        for employee, reason, gap in targets:
            try:
                with transaction.atomic():
                    assignment, is_new = _assign(
                        employee=employee,
                        course=course,
                        due_date=due_date,
                        reason=reason,
                        gap=gap,
                        assigned_by=assigned_by,
                    )
                assigned += 1
                if is_new:
                    created.append(assignment)
            except ValidationError as error:
                skipped.append(f"{employee.name}: {error.messages[0]}")
        assignments_created_notify(assignments=created)
    return {"assigned": assigned, "skipped": skipped}


def assignment_cancel(*, assignment: Assignment) -> Assignment:
    if assignment.cancelled_at is None:
        assignment.cancelled_at = timezone.now()
        assignment.save(update_fields=["cancelled_at"])
    return assignment
