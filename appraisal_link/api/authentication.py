"""Who may call the API, and how often: the key of an ApiToken in force, held by a service account
of the "layanan-api" group, at most KOMPETEN_API_RATE requests per token. Messages in Indonesian.

request.auth is the ApiToken (its `prefix` names it in logs and the audit; the key is never kept).
"""

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission
from rest_framework.throttling import SimpleRateThrottle

from portal.people.access import has_role

from ..models import API_SERVICE_GROUP, ApiToken
from .selectors import api_token_for_key
from .services import api_token_touch


class ApiTokenAuthentication(BaseAuthentication):
    """`Authorization: Token <key>`. An unknown, revoked or expired key is a 401 that says which."""

    keyword = "Token"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Header Authorization harus berbentuk: Token <kunci>."))
        try:
            key = parts[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Token API tidak dikenal.")) from None
        token = api_token_for_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Token API tidak dikenal."))
        if token.is_revoked or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Token API ini sudah dicabut. Minta token baru ke BKPSDM."))
        if token.is_expired():
            raise exceptions.AuthenticationFailed(
                _("Token API ini kedaluwarsa sejak %(date)s. Minta token baru ke BKPSDM.")
                % {"date": formats.date_format(timezone.localtime(token.expires_at), "j F Y H:i")}
            )
        api_token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class IsApiService(BasePermission):
    """The token's account is a service account ("layanan-api"): HR's own accounts hold no tokens,
    and a service account can do nothing else."""

    message = gettext_lazy("Token ini bukan milik akun layanan API; minta token yang benar ke BKPSDM.")

    def has_permission(self, request, view):
        user = request.user
        return bool(isinstance(request.auth, ApiToken) and user.is_active and has_role(user, API_SERVICE_GROUP))


class ApiTokenThrottle(SimpleRateThrottle):
    """KOMPETEN_API_RATE requests per token (per address for a request without one), counted in
    the cache (Redis in production, shared by every worker)."""

    scope = "api_token"

    def get_rate(self):
        return settings.KOMPETEN_API_RATE

    def get_cache_key(self, request, view):
        token = request.auth
        ident = f"token-{token.pk}" if isinstance(token, ApiToken) else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
