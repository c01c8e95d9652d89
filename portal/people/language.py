"""The language a person reads in, kept with their account so that it follows them.

The header's switch sets the cookie, as Django's `set_language` does, and also saves the choice to
the person's Wagtail profile (`preferred_language`, which the admin already follows). At login the
saved choice is put in the session, so that a new device or browser reads in it from the first page
without a query per request. Mail and other text written for a person while they are away (a
notification's e-mail) is rendered in it.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.i18n import set_language
from wagtail.users.models import UserProfile

LANGUAGE_SESSION_KEY = "kompeten_language"
AVAILABLE = {code for code, _name in settings.LANGUAGES}


def language_of(user) -> str:
    """The language `user` chose (their profile's), or the portal's. One query unless the profile
    was read with the user (select_related("wagtail_userprofile"))."""
    try:
        chosen = user.wagtail_userprofile.preferred_language
    except UserProfile.DoesNotExist:
        chosen = ""
    return chosen if chosen in AVAILABLE else settings.LANGUAGE_CODE


def language_remember(*, user, language: str) -> None:
    """Save `language` as the person's choice (a language the portal does not offer is ignored)."""
    if language not in AVAILABLE:
        return
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


def language_restore(sender, request, user, **kwargs) -> None:
    """At login, the person's saved choice becomes the session's (receiver of `user_logged_in`)."""
    if request is not None and hasattr(request, "session"):
        request.session[LANGUAGE_SESSION_KEY] = language_of(user)


def language_set_view(request: HttpRequest):
    """Django's `set_language` (cookie and redirect), and for a logged-in person their profile and
    session too. Like Django's, a POST (with its CSRF token) for a logged-in person; a visitor who is
    not logged in switches with a GET, which sets only the cookie, so that the public pages carry no
    CSRF token and can be kept for every visitor (portal.page_cache)."""
    if request.method == "GET" and not request.user.is_authenticated:
        return _visitor_language(request)
    response = set_language(request)
    language = request.POST.get("language", "") if request.method == "POST" else ""
    if request.user.is_authenticated and language in AVAILABLE:
        language_remember(user=request.user, language=language)
        request.session[LANGUAGE_SESSION_KEY] = language
    return response


def _visitor_language(request: HttpRequest) -> HttpResponseRedirect:
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "/"
    response = HttpResponseRedirect(back)
    language = request.GET.get("language", "")
    if language in AVAILABLE:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
