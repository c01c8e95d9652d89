"""A certificate's Open Badges 3.0 credential (OpenBadgeCredential), from what the certificate froze."""

import datetime
import uuid

from django.urls import reverse

from ..models import Certificate
from . import keys
from .jsonld import CONTEXT
from .proofs import proof_add

ISSUER_NAME = "BKPSDM Kota Pangkalpinang (Kompeten)"
# The namespace of the achievements' ids: one course, one achievement, on every certificate.
NAMESPACE = uuid.UUID("6d0b3c52-3a55-4f0e-9a43-1f5b8e2d7c11")


def _instant(moment: datetime.datetime) -> str:
    """An xsd:dateTime in UTC, to the second."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def credential_id(certificate: Certificate) -> str:
    """The certificate's public verification page: the credential's id leads to its status."""
    return keys.home_page() + reverse("certificate_verify", args=[certificate.code])


def achievement_id(course_id: int) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{keys.home_page()}|kursus|{course_id}')}"


def issuer_profile() -> dict:
    return {"id": keys.issuer_id(), "type": ["Profile"], "name": ISSUER_NAME, "url": keys.home_page() + "/"}


def credential_unsigned(certificate: Certificate) -> dict:
    """The credential before its proof. The holder is named as on the certificate (no NIP, no e-mail)."""
    return {
        "@context": CONTEXT,
        "id": credential_id(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(),
        "validFrom": _instant(certificate.issued_at),
        "name": certificate.course_title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.holder_name,
                }
            ],
            "achievement": {
                "id": achievement_id(certificate.enrollment.course_id),
                "type": ["Achievement"],
                "achievementType": "Course",
                "name": certificate.course_title,
                "description": (
                    f"Kursus {certificate.course_title} ({certificate.jp} JP) di Kompeten, portal "
                    "pengembangan kompetensi ASN Pemerintah Kota Pangkalpinang."
                ),
                "criteria": {
                    "narrative": "Menyelesaikan semua pelajaran kursus dan lulus kuisnya di Kompeten.",
                },
            },
        },
    }


def credential_signed(certificate: Certificate) -> dict:
    """The credential with its proof, dated when the certificate was issued: the same every time."""
    return proof_add(
        credential_unsigned(certificate),
        keys.signing_key(),
        verification_method=keys.verification_method(),
        created=_instant(certificate.issued_at),
    )
