"""Canonical N-Quads (RDFC-1.0) of a credential, with the contexts kept here and nothing else.

contexts/credentials-v2.jsonld is https://www.w3.org/ns/credentials/v2 (the W3C Recommendation of
2025, as pyld vendors it); contexts/ob-context-3.0.3.json is 1EdTech's
https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json, verbatim. tests/openbadges prove both
against 1EdTech's signing test vector. A term a context does not define is refused (the "safe mode"
eddsa-rdfc-2022 requires): unsigned, it would ride along with a valid signature.
"""

from pathlib import Path

from pyld.documentloader.frozen import FrozenDocumentLoader
from pyld.jsonld import JsonLdError, JsonLdProcessor

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CONTEXT = [CREDENTIALS_V2, OPEN_BADGES_V3]
_HERE = Path(__file__).resolve().parent / "contexts"
_LOADER = FrozenDocumentLoader(
    documents={
        CREDENTIALS_V2: _HERE / "credentials-v2.jsonld",
        OPEN_BADGES_V3: _HERE / "ob-context-3.0.3.json",
    }
)


class CanonicalError(ValueError):
    """The document cannot be canonicalised safely; the message is for the person who sent it."""


def _refuse(term):
    raise CanonicalError(f"Kredensial memuat istilah yang tidak dikenal konteksnya: {term or '(kosong)'}.")


def canonical(document: dict) -> str:
    """The document's canonical N-Quads (RDFC-1.0, which is URDNA2015)."""
    try:
        return JsonLdProcessor(on_property_dropped=_refuse).normalize(
            document, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": _LOADER}
        )
    except JsonLdError as error:
        cause = error
        while cause is not None and not isinstance(cause, CanonicalError):
            cause = cause.__cause__
        if cause is not None:
            raise cause from None
        raise CanonicalError("Kredensial memakai konteks JSON-LD yang tidak dikenal atau tidak sah.") from error
