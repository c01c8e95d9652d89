"""Anonymising a person who has left: the courses part.

Enrolments, progress, attempts and JP stay (course reports and JP compliance count them); each
certificate row stays with its code and SHA-256 fingerprint, so a copy already handed out can still
be checked, but the PDF that printed the person's name and NIP is deleted and the row's frozen name
and NIP are replaced with the anonymous ones.
"""

from django.db import transaction

from portal.people.models import Employee

from .models import Certificate


def certificates_anonymise(*, employee: Employee) -> int:
    """Give the employee's certificates their (already anonymised) name and NIP and delete their PDF
    files once the transaction commits. Returns how many certificates changed."""
    certificates = list(Certificate.objects.filter(enrollment__employee=employee))
    for certificate in certificates:
        if certificate.pdf:
            # After commit: a rolled-back anonymisation must not have lost the files.
            transaction.on_commit(lambda pdf=certificate.pdf: pdf.delete(save=False))
    return Certificate.objects.filter(pk__in=[c.pk for c in certificates]).update(
        holder_name=employee.name, holder_nip=employee.nip, pdf=""
    )
