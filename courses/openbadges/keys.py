"""The portal's Ed25519 signing key and the issuer's addresses.

OPENBADGES_SIGNING_KEY is the key's 32-byte seed in hexadecimal (64 characters): production
requires it (portal/settings/production.py); development and tests derive one from SECRET_KEY.
"""

import hashlib
from functools import lru_cache

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.urls import reverse

from .multikey import public_multikey


def home_page() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@lru_cache(maxsize=4)
def _key(seed_hex: str, secret_key: str) -> Ed25519PrivateKey:
    if not seed_hex:
        # Development and tests only: production.py refuses to start without the setting.
        return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"openbadges|{secret_key}".encode()).digest())
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed_hex))


def signing_key() -> Ed25519PrivateKey:
    return _key(getattr(settings, "OPENBADGES_SIGNING_KEY", "") or "", settings.SECRET_KEY)


def public_key_multibase() -> str:
    return public_multikey(signing_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def issuer_id() -> str:
    """The issuer's Profile, published at this address with its key (views.issuer_profile_view)."""
    return home_page() + reverse("openbadge_issuer")


def verification_method() -> str:
    """The key's id: the issuer's address and, as fragment, the key itself (so a new key is a new id)."""
    return f"{issuer_id()}#{public_key_multibase()}"
