"""Anonymising a person who has left: the competency part.

Assessed levels and gaps stay (the heatmap and gap-closure reports count them); only the free-text
note of an assessment, which may describe the person, goes.
"""

from portal.people.models import Employee

from .models import Assessment


def competency_records_anonymise(*, employee: Employee) -> int:
    """Blank the notes of the employee's assessments; returns how many changed."""
    return Assessment.objects.filter(employee=employee).exclude(note="").update(note="")
