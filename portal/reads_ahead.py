"""The kept values a logged-in page reads, read ahead in one round trip (issue #15).

Every page of a logged-in person reads, one round trip to Redis each, their employee record, their
roles, their unread count, the portal's settings and, for a Wagtail page, its kept route. Their keys
depend only on the account and the URL, so `KeptReadsMiddleware` reads them all at once before the
view runs (`portal.cache.prefetch`); the view and its templates then find them there. Only for a
GET or HEAD (a form's post changes what it reads), and only until the response is made or a
version changes in this process. A value missing or old is read and kept as before.

Core: every app may import it; it imports no app.
"""

from django.contrib.auth import SESSION_KEY

from portal import rules
from portal.cache import prefetch, prefetch_end
from portal.notifications import unread
from portal.page_routing import keys_ahead as route_keys
from portal.page_routing import page_serve_view
from portal.people import employee_kept, roles_kept

SAFE_METHODS = ("GET", "HEAD")


def keys_ahead(request, user_id: str, view_func, view_args, view_kwargs) -> list[str]:
    keys = [*employee_kept.keys_ahead(user_id), *roles_kept.keys_ahead(user_id), *unread.keys_ahead(user_id)]
    keys.append(rules.CACHE_KEY)
    if view_func is page_serve_view:
        keys += route_keys(request, view_kwargs.get("path", view_args[0] if view_args else ""))
    return keys


class KeptReadsMiddleware:
    """After the session and the user: reads ahead for the view, drops what is left after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            prefetch_end()

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in SAFE_METHODS:
            return None
        user_id = request.session.get(SESSION_KEY)
        if user_id:
            prefetch(keys_ahead(request, str(user_id), view_func, view_args, view_kwargs))
        return None
