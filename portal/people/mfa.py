"""Second factor at rest: allauth keeps TOTP secrets and the recovery-code seed in its
Authenticator rows; this adapter encrypts them with a key from the environment, so that a copy
of the database (a backup, a dump for support) does not hand over anyone's second factor.

MFA_ENCRYPTION_KEY holds one Fernet key, or several separated by commas: the first encrypts,
all decrypt, so a key is rotated by putting the new one first and re-saving (see
`manage.py migrate people` for the data migration that encrypts clear secrets). Production
refuses to start without it; development and tests derive one from SECRET_KEY.
"""

import base64
import hashlib
from functools import cache

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

__all__ = ["MFAAdapter", "fernet", "InvalidToken"]


def _keys(setting: str, secret_key: str) -> list[bytes]:
    keys = [key.strip() for key in setting.split(",") if key.strip()]
    if not keys:
        # Development and tests only: production.py requires MFA_ENCRYPTION_KEY.
        return [base64.urlsafe_b64encode(hashlib.sha256(f"mfa:{secret_key}".encode()).digest())]
    return [key.encode() for key in keys]


@cache
def _fernet(setting: str, secret_key: str) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in _keys(setting, secret_key)])
    except ValueError as error:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEY must be a Fernet key (32 url-safe base64-encoded bytes), "
            'e.g. from `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.'
        ) from error


def fernet() -> MultiFernet:
    """The cipher for the current settings (cached per key, so a test may override the setting)."""
    return _fernet(getattr(settings, "MFA_ENCRYPTION_KEY", "") or "", settings.SECRET_KEY)


class MFAAdapter(DefaultMFAAdapter):
    """allauth's MFA adapter, with its encrypt/decrypt hooks filled in."""

    def encrypt(self, text: str) -> str:
        return fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        # A secret that does not decrypt (wrong key, or left in clear) raises InvalidToken: the
        # login fails loudly rather than comparing codes against garbage.
        return fernet().decrypt(encrypted_text.encode()).decode()
