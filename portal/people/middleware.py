"""Request middleware of the people app."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from .access import mfa_setup_pending

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
MFA_REQUIRED_MESSAGE = gettext_lazy(
    "Peran Anda mengelola data pegawai, sehingga wajib memakai autentikasi dua faktor. "
    "Aktifkan aplikasi autentikator terlebih dahulu."
)


class LanguageMiddleware:
    """Indonesian unless the visitor chose English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and most browsers
    here say English; the portal is Indonesian first, so only an explicit choice counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class AdminAccessMiddleware:
    """Guards both administration areas before their own login handling runs.

    - HR and admins must set up TOTP first.
    - A logged-in user without the role gets a 403, not the admins' "log in again" redirect
      (which, with allauth as the login, would send them round in a loop).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not request.path.startswith(ADMIN_PREFIXES) or not user.is_authenticated:
            return self.get_response(request)
        if mfa_setup_pending(user):
            messages.warning(request, MFA_REQUIRED_MESSAGE)
            return redirect(reverse("mfa_activate_totp"))
        allowed = (
            user.is_staff if request.path.startswith("/django-admin/") else user.has_perm("wagtailadmin.access_admin")
        )
        if not allowed:
            raise PermissionDenied
        return self.get_response(request)
