"""Whether a credential someone hands over is one of this portal's, unaltered and still in force."""

import json
from dataclasses import dataclass, field

from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from ..models import Certificate
from ..selectors import certificate_public_facts
from . import keys
from .jsonld import CONTEXT, CanonicalError
from .proofs import CRYPTOSUITE, proof_valid

MAX_BYTES = 64 * 1024
# Canonicalisation (RDFC-1.0) is exponential in blank nodes that look alike: a stranger's document is
# bounded before it is canonicalised. This portal's credentials hold 7 objects, none of them twice in
# an array, and no blank node identifiers.
MAX_OBJECTS = 24
MAX_OBJECTS_PER_ARRAY = 2
MAX_DEPTH = 12


class CredentialRefused(ValueError):
    """Not a credential that can be checked; the message says why, for the person who sent it."""


@dataclass
class Verdict:
    genuine: bool
    message: str
    revoked: bool = False
    certificate: dict | None = field(default=None)


def credential_parse(raw: bytes) -> dict:
    """The credential in `raw` (JSON, UTF-8, at most MAX_BYTES)."""
    if len(raw) > MAX_BYTES:
        raise CredentialRefused(_("Berkas terlalu besar: kredensial Open Badges paling besar 64 KB."))
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise CredentialRefused(
            _("Isi berkas bukan JSON yang sah. Unggah berkas .json kredensial apa adanya.")
        ) from None
    if not isinstance(document, dict):
        raise CredentialRefused(_("Isi berkas bukan kredensial: JSON-nya harus berupa objek."))
    return document


def _too_complex(value, counted: list[int], depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return True
    if isinstance(value, dict):
        counted[0] += 1
        if counted[0] > MAX_OBJECTS:
            return True
        return any(_too_complex(item, counted, depth + 1) for item in value.values())
    if isinstance(value, list):
        if sum(isinstance(item, dict) for item in value) > MAX_OBJECTS_PER_ARRAY:
            return True
        return any(_too_complex(item, counted, depth + 1) for item in value)
    return isinstance(value, str) and value.startswith("_:")


def _certificate_of(document: dict) -> Certificate | None:
    """The certificate named by the credential's id (its verification page on this portal)."""
    credential_id = document.get("id")
    home = keys.home_page()
    if not isinstance(credential_id, str) or not credential_id.startswith(home + "/"):
        return None
    try:
        match = resolve(credential_id[len(home) :])
    except Resolver404:
        return None
    if match.url_name != "certificate_verify":
        return None
    return Certificate.objects.filter(code=match.kwargs["code"]).first()


def credential_check(document: dict) -> Verdict:
    """The verdict on a parsed credential: its proof, its issuer's key, then the certificate's status."""
    proof = document.get("proof")
    if (
        not isinstance(proof, dict)
        or proof.get("type") != "DataIntegrityProof"
        or proof.get("cryptosuite") != CRYPTOSUITE
    ):
        return Verdict(False, _("Kredensial ini tidak bertanda tangan Data Integrity eddsa-rdfc-2022."))
    if proof.get("proofPurpose") != "assertionMethod" or proof.get("verificationMethod") != keys.verification_method():
        return Verdict(False, _("Kredensial ini tidak ditandatangani dengan kunci Kompeten."))
    if document.get("@context") != CONTEXT:
        return Verdict(False, _("Kredensial ini tidak memakai konteks Open Badges 3.0 yang diterbitkan Kompeten."))
    if _too_complex(document, [0]):
        return Verdict(False, _("Kredensial ini tidak berbentuk kredensial yang diterbitkan Kompeten."))
    try:
        valid = proof_valid(document, keys.signing_key().public_key())
    except CanonicalError as error:
        return Verdict(False, str(error))
    if not valid:
        return Verdict(False, _("Tanda tangan tidak cocok: isi kredensial ini telah diubah."))
    certificate = _certificate_of(document)
    if certificate is None:
        return Verdict(False, _("Tanda tangan sah, tetapi sertifikatnya tidak ada lagi di Kompeten."))
    facts = certificate_public_facts(certificate)
    if certificate.is_revoked:
        return Verdict(
            True, _("Tanda tangan sah, tetapi sertifikat ini telah DICABUT."), revoked=True, certificate=facts
        )
    return Verdict(True, _("SAH: kredensial ini diterbitkan Kompeten dan tidak diubah."), certificate=facts)
