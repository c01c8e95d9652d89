"""Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (W3C VC Data Integrity EdDSA, § 3.2).

The signed data is SHA-256(canonical proof options) followed by SHA-256(canonical document), the
proof options carrying the document's @context; the signature is multibase base58btc.
"""

import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .jsonld import canonical
from .multikey import base58btc, base58btc_decode

CRYPTOSUITE = "eddsa-rdfc-2022"


def proof_options(*, verification_method: str, created: str) -> dict:
    return {
        "type": "DataIntegrityProof",
        "created": created,
        "verificationMethod": verification_method,
        "cryptosuite": CRYPTOSUITE,
        "proofPurpose": "assertionMethod",
    }


def hash_data(document: dict, options: dict) -> bytes:
    """What is signed: the proof options' hash, then the unsigned document's."""
    unsigned = {key: value for key, value in document.items() if key != "proof"}
    config = {**options, "@context": unsigned["@context"]}
    config.pop("proofValue", None)
    proof_hash = hashlib.sha256(canonical(config).encode()).digest()
    document_hash = hashlib.sha256(canonical(unsigned).encode()).digest()
    return proof_hash + document_hash


def proof_add(document: dict, key: Ed25519PrivateKey, *, verification_method: str, created: str) -> dict:
    """The document with its proof."""
    options = proof_options(verification_method=verification_method, created=created)
    signature = key.sign(hash_data(document, options))
    return {**document, "proof": {**options, "proofValue": base58btc(signature)}}


def proof_valid(document: dict, public_key: Ed25519PublicKey) -> bool:
    """Whether the document's proof is an eddsa-rdfc-2022 signature of it by `public_key`. The
    proof's shape is the caller's to check (verification.py); CanonicalError passes through."""
    proof = document["proof"]
    try:
        signature = base58btc_decode(proof["proofValue"])
    except (KeyError, TypeError, ValueError):
        return False
    if len(signature) != 64:
        return False
    try:
        public_key.verify(signature, hash_data(document, proof))
    except InvalidSignature:
        return False
    return True
