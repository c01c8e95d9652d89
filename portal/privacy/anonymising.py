"""Anonymising a person who has left, across every app (UU 27/2022): the shell composes each part.

What stays: the employee row with unit, position and grade, appraisals with ratings, assessments,
gaps, enrolments, progress, quiz scores, JP, assignments and certificate rows with code and
fingerprint, so aggregate reports read the same before and after. What goes: name and NIP (replaced
everywhere they were copied), the account's names, addresses, password and second factors, free-text
notes, certificate PDFs, notifications, and import errors that quote them.
"""

import logging

from django.db import transaction

from appraisal_link.anonymising import appraisal_records_anonymise
from competency.anonymising import competency_records_anonymise
from courses.anonymising import certificates_anonymise
from courses.development.anonymising import development_records_anonymise
from courses.scorm.anonymising import scorm_records_anonymise
from portal.notifications.retention import notifications_delete_for
from portal.people.anonymising import employee_record_anonymise
from portal.people.models import Employee

logger = logging.getLogger(__name__)


@transaction.atomic
def employee_anonymise(*, employee: Employee, by) -> Employee:
    """Anonymise an employee who has left (is_active False), on `by`'s (HR's) request. All or nothing;
    raises ValidationError, changing nothing, for an active employee. Running it again is harmless."""
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    words = employee_record_anonymise(employee=employee)
    competency_records_anonymise(employee=employee)
    certificates_anonymise(employee=employee)
    development_records_anonymise(employee=employee)
    scorm_records_anonymise(employee=employee)
    appraisal_records_anonymise(employee=employee, words=words)
    if employee.user_id is not None:
        notifications_delete_for(user=employee.user)
    # Ids only: the log must not keep what was just removed.
    logger.info("employee %s anonymised by user %s", employee.pk, getattr(by, "pk", None))
    return employee
