"""Reads of the API's tokens, for HR's admin page."""

from django.db.models import QuerySet
from rest_framework.authtoken.models import Token


def api_tokens() -> QuerySet[Token]:
    """Every API token with its owner, newest first (one query)."""
    return Token.objects.select_related("user").order_by("-created")
