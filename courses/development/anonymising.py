"""Anonymising a person who has left: the development part.

Activities and plans stay (JP and the agency's needs count them); the proofs (certificates that name
the person) are deleted with their numbers, and the free text written about or by the person is cleared: a rejection's
reason, the supervisor's note, a plan item's own goal."""

from django.db import transaction

from portal.people.models import Employee

from .models import DevelopmentPlan, ExternalActivity, PlanItem

REMOVED = "—"


def development_records_anonymise(*, employee: Employee) -> int:
    """Returns how many proofs were removed."""
    activities = list(ExternalActivity.objects.filter(employee=employee).exclude(proof=""))
    for activity in activities:
        # After commit: a rolled-back anonymisation must not have lost the files.
        transaction.on_commit(lambda proof=activity.proof: proof.delete(save=False))
    records = ExternalActivity.objects.filter(employee=employee)
    records.update(proof="", certificate_number="")  # a certificate's number leads to the person's name
    # A rejection keeps having a reason (a database rule), but no longer the words written about them.
    records.exclude(rejection_reason="").update(rejection_reason=REMOVED)
    DevelopmentPlan.objects.filter(employee=employee).update(supervisor_note="")
    PlanItem.objects.filter(plan__employee=employee).update(goal="")
    return len(activities)
