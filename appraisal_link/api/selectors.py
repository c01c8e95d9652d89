"""Reads of the API's tokens and service accounts: for HR's admin page and for authentication."""

import hmac

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from ..models import API_SERVICE_GROUP, ApiToken
from .services import PREFIX_LENGTH, api_key_hash


def api_tokens() -> QuerySet[ApiToken]:
    """Every API token with its service account and its maker, newest first (one query)."""
    return ApiToken.objects.select_related("user", "created_by").order_by("-created_at")


def api_service_accounts() -> QuerySet:
    """The active service accounts (members of "layanan-api"), by name."""
    return (
        get_user_model()
        .objects.filter(groups__name=API_SERVICE_GROUP, is_active=True)
        .order_by("first_name", "username")
        .distinct()
    )


def api_token_for_key(key: str) -> ApiToken | None:
    """The token whose key this is (revoked and expired ones too: the caller tells them apart), or
    None. The row is found by the key's public prefix; the hashes are compared in constant time."""
    if len(key) < PREFIX_LENGTH or len(key) > 200:
        return None
    digest = api_key_hash(key)
    candidates = ApiToken.objects.select_related("user").filter(prefix=key[:PREFIX_LENGTH])
    return next((token for token in candidates if hmac.compare_digest(token.key_hash, digest)), None)
