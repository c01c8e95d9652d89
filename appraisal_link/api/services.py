"""Writes of the API: the service accounts of the systems that push appraisals, and their tokens.

A key is made here, shown once to HR, and only its SHA-256 is kept (ApiToken.key_hash).
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models import API_SERVICE_GROUP, ApiToken

USERNAME_PREFIX = "api-"
PREFIX_LENGTH = 8
MAX_DAYS = 365
# last_used_at is written at most this often per token, so that a busy client does not write a row
# on every request.
TOUCH_INTERVAL = datetime.timedelta(minutes=1)


def api_key_hash(key: str) -> str:
    """The SHA-256 (hex) under which a key is stored and looked up."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _free_username(name: str) -> str:
    User = get_user_model()
    base = USERNAME_PREFIX + (slugify(name)[:100] or "klien")
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


@transaction.atomic
def api_service_account_create(*, name: str):
    """A service account for a system that pushes appraisals: in the "layanan-api" group only (no
    admin access, no site data), with no usable password and no e-mail, so it cannot log in."""
    name = name.strip()
    if not name:
        raise ValidationError(_("Nama sistem klien wajib diisi."), code="name_required")
    user = get_user_model()(username=_free_username(name), first_name=name[:150])
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get_or_create(name=API_SERVICE_GROUP)[0])
    return user


@dataclass(frozen=True)
class NewToken:
    """A token just made, with its key: the only moment the key exists outside the client."""

    token: ApiToken
    key: str

    @property
    def user(self):
        return self.token.user


def api_token_create(*, user, name: str, created_by=None, days: int | None = None) -> NewToken:
    """A new token for a service account, with its key, which exists nowhere else afterwards (only
    its hash is stored). It expires after `days` (default KOMPETEN_API_TOKEN_DAYS)."""
    days = settings.KOMPETEN_API_TOKEN_DAYS if days is None else days
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            _("Masa berlaku token 1 sampai %(max)s hari.") % {"max": MAX_DAYS}, code="days_out_of_range"
        )
    if not user.is_active or not user.groups.filter(name=API_SERVICE_GROUP).exists():
        raise ValidationError(_("Token hanya dapat dibuat untuk akun layanan API yang aktif."), code="not_service")
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name.strip()[:100] or user.first_name or user.username,
        prefix=key[:PREFIX_LENGTH],
        key_hash=api_key_hash(key),
        user=user,
        created_by=created_by,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    return NewToken(token=token, key=key)


@transaction.atomic
def api_client_create(*, name: str, created_by=None, days: int | None = None) -> NewToken:
    """A new system in one step: its service account and its first token."""
    user = api_service_account_create(name=name)
    return api_token_create(user=user, name=name, created_by=created_by, days=days)


def api_token_revoke(*, token_id: int) -> bool:
    """Revoke a token at once (its key gets a 401 from the next request). True if it was in force."""
    return bool(ApiToken.objects.filter(pk=token_id, revoked_at__isnull=True).update(revoked_at=timezone.now()))


def api_token_touch(*, token: ApiToken) -> None:
    """Record that the token was used now; written at most once a minute per token."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_INTERVAL:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
