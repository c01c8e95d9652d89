"""A certificate's OpenBadgeCredential: what it says, that it is signed, and what checking it says."""

import copy
import json
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from courses import services
from courses.openbadges import keys
from courses.openbadges.credentials import credential_signed
from courses.openbadges.jsonld import CONTEXT
from courses.openbadges.proofs import proof_add, proof_valid
from courses.openbadges.verification import CredentialRefused, credential_check, credential_parse

pytestmark = pytest.mark.django_db


def test_the_credential_states_the_certificate_and_is_signed_by_the_portal(certificate, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kompeten.example"
    credential = credential_signed(certificate)
    assert credential["@context"] == CONTEXT
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == f"https://kompeten.example/sertifikat/{certificate.code}/"
    assert credential["issuer"]["id"] == "https://kompeten.example/open-badges/penerbit/"
    subject = credential["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == certificate.holder_name
    assert subject["achievement"]["name"] == certificate.course_title == credential["name"]
    # No activityEndDate: the 3.0.3 context types it xsd:date where OB's JSON schema asks a date-time.
    assert "activityEndDate" not in subject
    # No NIP, no e-mail, no score in what the holder hands around.
    text = json.dumps(credential)
    assert certificate.holder_nip not in text and "@" not in text.replace('"@context"', "")
    proof = credential["proof"]
    assert proof["verificationMethod"] == f"{keys.issuer_id()}#{keys.public_key_multibase()}"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022" and proof["proofValue"].startswith("z")
    assert proof_valid(credential, keys.signing_key().public_key())


def test_the_credential_is_the_same_each_time(certificate):
    assert credential_signed(certificate) == credential_signed(certificate)


def test_the_key_comes_from_the_environment(certificate, settings):
    derived = credential_signed(certificate)
    settings.OPENBADGES_SIGNING_KEY = "11" * 32
    configured = credential_signed(certificate)
    assert configured["proof"]["proofValue"] != derived["proof"]["proofValue"]
    expected = Ed25519PrivateKey.from_private_bytes(b"\x11" * 32).public_key()
    assert proof_valid(configured, expected)


def test_a_genuine_credential_is_declared_genuine(certificate):
    verdict = credential_check(credential_signed(certificate))
    assert verdict.genuine and not verdict.revoked
    assert verdict.certificate["code"] == certificate.code
    assert verdict.certificate["holder_nip"] != certificate.holder_nip  # masked, as on the public page


def test_a_revoked_certificate_shows_through_its_credential(certificate):
    credential = credential_signed(certificate)
    services.certificate_revoke(certificate=certificate, reason="Data kursus keliru")
    verdict = credential_check(credential)
    assert verdict.genuine and verdict.revoked
    assert "DICABUT" in verdict.message


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="Orang Lain"), "telah diubah"),
        (lambda c: c.update(name="Kursus Lain"), "telah diubah"),
        (lambda c: c.update(validFrom="2030-01-01T00:00:00Z"), "telah diubah"),
        (lambda c: c["proof"].update(proofValue="z" + "1" * 80), "telah diubah"),
        (lambda c: c["proof"].update(proofValue="bukan-base58"), "telah diubah"),
        (lambda c: c.update(nilai=100), "tidak dikenal"),
        (lambda c: c["proof"].update(verificationMethod="https://lain.example/#k"), "kunci Kompeten"),
        (lambda c: c["proof"].update(cryptosuite="ecdsa-rdfc-2019"), "eddsa-rdfc-2022"),
        (lambda c: c.pop("proof"), "eddsa-rdfc-2022"),
        (lambda c: c.update({"@context": [*CONTEXT, "https://example.com/x.json"]}), "konteks"),
    ],
)
def test_an_altered_credential_is_refused_with_the_reason(certificate, change, message):
    credential = copy.deepcopy(credential_signed(certificate))
    change(credential)
    verdict = credential_check(credential)
    assert not verdict.genuine and verdict.certificate is None
    assert message in verdict.message


def test_a_credential_signed_by_another_key_in_the_portals_name_is_refused(certificate):
    genuine = credential_signed(certificate)
    unsigned = {key: value for key, value in genuine.items() if key != "proof"}
    forged = proof_add(
        unsigned,
        Ed25519PrivateKey.from_private_bytes(b"\2" * 32),
        verification_method=genuine["proof"]["verificationMethod"],
        created=genuine["proof"]["created"],
    )
    assert not credential_check(forged).genuine


def test_a_document_built_to_exhaust_canonicalisation_is_refused_at_once(certificate):
    """Twelve look-alike blank nodes would cost 12! permutations in RDFC-1.0."""
    credential = copy.deepcopy(credential_signed(certificate))
    credential["credentialSubject"]["identifier"] = [
        copy.deepcopy(credential["credentialSubject"]["identifier"][0])
    ] * 12
    started = time.monotonic()
    verdict = credential_check(credential)
    assert not verdict.genuine and time.monotonic() - started < 1


def test_a_deeply_nested_credential_is_refused_not_crashed_on(certificate):
    credential = copy.deepcopy(credential_signed(certificate))
    nested = "x"
    for _ in range(500):
        nested = [nested]
    credential["credentialSubject"]["achievement"]["criteria"]["narrative"] = nested
    verdict = credential_check(credential)
    assert not verdict.genuine and "tidak berbentuk" in verdict.message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{bukan json", "bukan JSON"),
        (b"\xff\xfe", "bukan JSON"),
        (b"[1, 2]", "berupa objek"),
        (b" " * (64 * 1024 + 1), "terlalu besar"),
        (b"[" * 30000 + b"]" * 30000, "bukan JSON"),
    ],
)
def test_what_is_not_a_credential_is_refused_in_indonesian(raw, message):
    with pytest.raises(CredentialRefused, match=message):
        credential_parse(raw)
