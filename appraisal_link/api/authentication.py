"""Who may call the API: the holder of a DRF token whose user is HR. Messages in Indonesian."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission

from portal.people import roles
from portal.people.access import has_role


class HRTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, as DRF's TokenAuthentication; an unknown or malformed token is a 401."""

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
        return self.authenticate_credentials(key)

    def authenticate_credentials(self, key):
        try:
            token = self.get_model().objects.select_related("user").get(key=key)
        except self.get_model().DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Token API tidak dikenal.")) from None
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Token API ini sudah dicabut."))
        return token.user, token


class IsHRClient(BasePermission):
    """The token's user is HR (BKPSDM), as the API writes appraisals of every unit."""

    message = _("Token ini bukan milik akun BKPSDM (SDM); API penilaian hanya untuk SDM.")

    def has_permission(self, request, view):
        # A token is the service account's only credential (it cannot log in), so no TOTP applies.
        user = request.user
        return bool(user and user.is_authenticated and (user.is_superuser or has_role(user, roles.HR)))
