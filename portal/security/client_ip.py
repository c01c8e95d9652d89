"""The client's address behind the TLS proxy, by the same rule allauth's rate limits use."""

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """Return the client's IP address, or None when the request carries none that parses.

    With ``KOMPETEN_TRUSTED_PROXY_COUNT`` = n (> 0) it is the n-th X-Forwarded-For entry from the
    right, the one the outermost trusted proxy appended; otherwise REMOTE_ADDR. One rule for
    allauth's rate limits and anything else that records or limits by address.
    """
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None
