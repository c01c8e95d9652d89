"""Encrypt the second-factor secrets that allauth stored in clear before MFA_ADAPTER encrypted
them: TOTP secrets, recovery-code seeds and migrated recovery codes.

Idempotent: a value that already decrypts with the key is left alone, so running it again (or
after new authenticators were made encrypted) changes nothing. The key derivation is frozen
here on purpose, the same as portal.people.mfa at the time of writing.
"""

import base64
import hashlib

from django.conf import settings
from django.db import migrations


def _cipher():
    from cryptography.fernet import Fernet, MultiFernet

    setting = getattr(settings, "MFA_ENCRYPTION_KEY", "") or ""
    keys = [key.strip().encode() for key in setting.split(",") if key.strip()]
    if not keys:
        keys = [base64.urlsafe_b64encode(hashlib.sha256(f"mfa:{settings.SECRET_KEY}".encode()).digest())]
    return MultiFernet([Fernet(key) for key in keys])


def _encrypted(cipher, value: str) -> str:
    from cryptography.fernet import InvalidToken

    try:
        cipher.decrypt(value.encode())
    except InvalidToken:
        return cipher.encrypt(value.encode()).decode()
    return value


def encrypt_secrets(apps, schema_editor):
    authenticator_model = apps.get_model("mfa", "Authenticator")
    cipher = _cipher()
    for authenticator in authenticator_model.objects.filter(type__in=["totp", "recovery_codes"]).iterator():
        data = dict(authenticator.data or {})
        for key in ("secret", "seed"):
            if isinstance(data.get(key), str):
                data[key] = _encrypted(cipher, data[key])
        if isinstance(data.get("migrated_codes"), list):
            data["migrated_codes"] = [_encrypted(cipher, code) for code in data["migrated_codes"]]
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_employee_email_activation_codes"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    # No way back: decrypting every secret into the database again is not something to automate.
    operations = [migrations.RunPython(encrypt_secrets, migrations.RunPython.noop)]
