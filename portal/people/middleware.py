"""Request middleware of the people app."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy

from .access import mfa_setup_pending, requires_mfa
from .language import LANGUAGE_SESSION_KEY
from .user_kept import session_user

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
MFA_REQUIRED_MESSAGE = gettext_lazy(
    "Peran Anda mengelola data pegawai, sehingga wajib memakai autentikasi dua faktor. "
    "Aktifkan aplikasi autentikator terlebih dahulu."
)
IDLE_LOGOUT_MESSAGE = gettext_lazy(
    "Sesi Anda berakhir karena tidak ada aktivitas selama %(minutes)s menit. Silakan masuk lagi."
)
LAST_SEEN_SESSION_KEY = "kompeten_last_seen"
STAFF_SESSION_KEY = "kompeten_idle_limited"


class KeptAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's, with the account of the session read from the cache (`user_kept.session_user`)."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _session_user(request))


def _session_user(request):
    if not hasattr(request, "_cached_user"):  # where Django's keeps it (login and logout set it)
        request._cached_user = session_user(request)
    return request._cached_user


def language_chosen(request) -> str:
    """The language of the request: the switch's cookie, else the one chosen on the account (in the
    session), else Indonesian."""
    available = {code for code, _name in settings.LANGUAGES}
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen not in available and request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        chosen = request.session.get(LANGUAGE_SESSION_KEY)
    return chosen if chosen in available else settings.LANGUAGE_CODE


class LanguageMiddleware:
    """Indonesian unless the visitor chose English with the language switch (the cookie), or chose
    it before on their account (put in the session at login: see portal.people.language).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and most browsers
    here say English; the portal is Indonesian first, so only an explicit choice counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_chosen(request)
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


def idle_limit_start(sender, request, user, **kwargs) -> None:
    """At login (allauth's, or a test client's), decide once whether the session is one that ends
    when idle, so that no page request has to ask (receiver of `user_logged_in`)."""
    if request is not None and hasattr(request, "session"):
        limited = request.session[STAFF_SESSION_KEY] = requires_mfa(user)
        if limited:
            request.session[LAST_SEEN_SESSION_KEY] = int(time.time())


class StaffIdleSessionMiddleware:
    """Ends the session of a user whose role requires MFA (they see other people's data) after
    KOMPETEN_STAFF_IDLE_MINUTES without a request; they log in again. Employees keep Django's
    normal session lifetime.

    Whether the user's role requires MFA is decided at login (`idle_limit_start`) and kept in the
    session, so a page costs no extra query; a role given later applies from the next login. A
    session older than this rule is decided on its first request.
    The time of the last request is kept in the session too, written at most once a minute so that
    the session table is not written on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        limited = request.session.get(STAFF_SESSION_KEY)
        if limited is None:
            limited = request.session[STAFF_SESSION_KEY] = requires_mfa(user)
        if not limited:
            return self.get_response(request)
        now = int(time.time())
        limit = settings.KOMPETEN_STAFF_IDLE_MINUTES * 60
        last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
        if last_seen is not None and now - int(last_seen) > limit:
            logout(request)
            messages.info(request, IDLE_LOGOUT_MESSAGE % {"minutes": settings.KOMPETEN_STAFF_IDLE_MINUTES})
            return redirect_to_login(request.get_full_path())
        if last_seen is None or now - int(last_seen) >= 60:
            request.session[LAST_SEEN_SESSION_KEY] = now
        return self.get_response(request)
