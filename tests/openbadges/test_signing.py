"""The cryptosuite against 1EdTech's own signing test vector for Open Badges 3.0: the bundled contexts
and the algorithm give the very N-Quads, hashes and proofValue the specification prints."""

import hashlib
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from courses.openbadges.jsonld import CanonicalError, canonical
from courses.openbadges.multikey import base58btc, base58btc_decode, public_multikey
from courses.openbadges.proofs import hash_data, proof_add, proof_valid

VECTOR = json.loads((Path(__file__).parents[1] / "fixtures/openbadges/ob30-signing-test-vector.json").read_text())
CONTEXTS = Path(__file__).parents[2] / "courses/openbadges/contexts"


def vector_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(VECTOR["private_key_hex"])[:32])


def nquads(lines) -> str:
    return "".join(line + "\n" for line in lines)


def test_the_bundled_contexts_are_the_published_ones():
    """Their bytes are pinned: any edit shows here before it can change what is signed."""
    digests = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in CONTEXTS.iterdir()}
    assert digests == {
        "credentials-v2.jsonld": "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f",
        "ob-context-3.0.3.json": "01d87cc8b5357af557bfb09428f603c4691c49ef8a6089945a70bda1b96b1db2",
    }


def test_canonical_form_of_the_document_and_of_the_proof_options_are_the_vectors():
    assert canonical(VECTOR["credential"]) == nquads(VECTOR["document_normalized"])
    options = {**VECTOR["proof_options"], "@context": VECTOR["credential"]["@context"]}
    assert canonical(options) == nquads(VECTOR["proof_normalized"])


def test_the_signed_data_the_signature_and_the_proof_value_are_the_vectors():
    data = hash_data(VECTOR["credential"], VECTOR["proof_options"])
    assert data.hex() == VECTOR["proof_hash_hex"] + VECTOR["document_hash_hex"]
    signed = proof_add(
        VECTOR["credential"],
        vector_key(),
        verification_method=VECTOR["proof_options"]["verificationMethod"],
        created=VECTOR["proof_options"]["created"],
    )
    assert signed["proof"] == {**VECTOR["proof_options"], "proofValue": VECTOR["proof_value"]}
    assert base58btc_decode(VECTOR["proof_value"]).hex() == VECTOR["signature_hex"]
    assert proof_valid(signed, vector_key().public_key())


def test_the_public_key_as_multikey_is_the_vectors():
    assert public_multikey(bytes.fromhex(VECTOR["public_key_hex"])) == VECTOR["public_key_multibase"]


@pytest.mark.parametrize("data", [b"", b"\0", b"\0\0\x01", b"\xff" * 64, bytes(range(40))])
def test_base58btc_round_trip_keeps_leading_zeros(data):
    assert base58btc_decode(base58btc(data)) == data


def test_a_changed_value_breaks_the_signature():
    signed = proof_add(
        VECTOR["credential"], vector_key(), verification_method="https://x/#k", created="2010-01-01T00:00:00Z"
    )
    forged = json.loads(json.dumps(signed))
    forged["credentialSubject"]["achievement"]["name"] = "Leadership"
    assert proof_valid(signed, vector_key().public_key())
    assert not proof_valid(forged, vector_key().public_key())
    other = Ed25519PrivateKey.from_private_bytes(b"\1" * 32)
    assert not proof_valid(signed, other.public_key())


def test_a_term_no_context_defines_is_refused_not_dropped():
    """Dropped unsigned, it would ride along with a valid signature (the cryptosuite's safe mode)."""
    with pytest.raises(CanonicalError, match="tidak dikenal"):
        canonical({**VECTOR["credential"], "nilaiRahasia": "100"})


def test_a_context_that_is_not_bundled_is_never_fetched():
    document = {**VECTOR["credential"], "@context": [*VECTOR["credential"]["@context"], "https://example.com/ctx.json"]}
    with pytest.raises(CanonicalError, match="konteks"):
        canonical(document)
