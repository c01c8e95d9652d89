"""The kept values a logged-in page reads, read ahead in one round trip (issue #15).

Every page of a logged-in person reads, one round trip to Redis each, their account, their employee
record, their roles, their unread count, the portal's settings, the sites' root paths (for its
links) and, for a Wagtail page, its kept route. Their keys depend only on the account (in the
session) and the URL, so `KeptReadsMiddleware` reads them all at once as the request comes in
(`portal.cache.prefetch`), before the account is first asked for; the middleware, the view and its
templates then find them there. Only for a GET or HEAD (a form's post changes what it reads), and
only until the response is made or a version changes in this process. A value missing or old is read
and kept as before.

Core: every app may import it; it imports no app.
"""

from django.contrib.auth import SESSION_KEY
from django.urls import Resolver404, resolve

from portal import rules
from portal.cache import prefetch, prefetch_end
from portal.notifications import unread
from portal.page_routing import keys_ahead as route_keys
from portal.page_routing import page_serve_view
from portal.people import employee_kept, roles_kept, user_kept

SAFE_METHODS = ("GET", "HEAD")


def keys_ahead(request, user_id: str) -> list[str]:
    keys = [*user_kept.keys_ahead(user_id), *employee_kept.keys_ahead(user_id), *roles_kept.keys_ahead(user_id)]
    keys += [*unread.keys_ahead(user_id), rules.CACHE_KEY]
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return keys
    path = match.kwargs.get("path", match.args[0] if match.args else "") if match.func is page_serve_view else None
    return keys + route_keys(request, path)


class KeptReadsMiddleware:
    """After the session and the user's (lazy) middleware: reads ahead for the request, drops what
    is left after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user_id = request.session.get(SESSION_KEY) if request.method in SAFE_METHODS else None
        if user_id:
            prefetch(keys_ahead(request, str(user_id)))
        try:
            return self.get_response(request)
        finally:
            prefetch_end()
