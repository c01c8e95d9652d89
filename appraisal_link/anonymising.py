"""Anonymising a person who has left: the appraisal part.

The appraisals and assignments stay with their ratings and dates (the reports count them); the free
text that may name or describe the person goes, and so do the rows of import error lists that quote
their name or NIP.
"""

from portal.people.models import Employee

from .models import Appraisal
from .services.retention import import_errors_scrub


def appraisal_records_anonymise(*, employee: Employee, words: list[str]) -> None:
    """Blank the notes of the employee's appraisals, and drop every import problem that quotes one of
    `words` (their old name and NIP)."""
    Appraisal.objects.filter(employee=employee).exclude(notes="").update(notes="")
    import_errors_scrub(words=words)
