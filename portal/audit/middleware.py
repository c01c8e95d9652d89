"""Records the audited views after their response, and asks for the password before an export."""

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.login import get_authentication_records
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from .rules import audit_rule_for
from .services import audit_record_for_rule

REAUTHENTICATE_MESSAGE = gettext_lazy(
    "Ekspor ini berisi data pribadi. Masukkan kata sandi Anda sekali lagi untuk melanjutkan."
)


def reauthentication_window() -> int:
    """Seconds after a login or re-authentication in which an export needs no password again."""
    return getattr(settings, "KOMPETEN_EXPORT_REAUTH_SECONDS", account_settings.REAUTHENTICATION_TIMEOUT)


def recently_authenticated(request) -> bool:
    """Whether the user entered a password (or a second factor) in this session within the window.

    allauth records every authentication of the session (login, MFA, re-authentication) with its
    time; a session from anywhere else (Wagtail's page-privacy login) has no record and so asks.
    """
    records = get_authentication_records(request, request.user)
    latest = max((record.get("at", 0) for record in records), default=0)
    return time.time() - latest < reauthentication_window()


class AuditMiddleware:
    """The audit trail without touching a view.

    Before the view: a request to an audited view that asks for a file (rules.AuditRule.export_format)
    goes to allauth's re-authentication page first, unless the user authenticated recently; after
    the password they come back to the same URL and get the file.

    After the view: a 2xx response of an audited view writes one entry. A 3xx or 4xx writes none:
    someone else's id gives a 404 and showed nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is None or not 200 <= response.status_code < 300:
            return response
        rule = audit_rule_for(match.view_name)
        if rule is not None and request.method in rule.methods:
            audit_record_for_rule(request=request, rule=rule, kwargs=match.kwargs, response=response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        rule = audit_rule_for(match.view_name if match else None)
        if rule is None or not rule.reauthenticate or not rule.export_format(request):
            return None
        user = request.user
        if not user.is_authenticated or recently_authenticated(request):
            return None  # an anonymous request meets the view's own login check
        methods = get_adapter(request).get_reauthentication_methods(user)
        if not methods:
            raise PermissionDenied
        messages.info(request, REAUTHENTICATE_MESSAGE)
        return HttpResponseRedirect(f"{methods[0]['url']}?{urlencode({'next': request.get_full_path()})}")
