"""Wagtail's routing of a page's URL, kept in the cache (issue #15).

Core: every app may import it; it imports no app.

Serving a page at /kursus/course/lesson/ costs Wagtail a query for the site, one per path segment
(each page's `.specific`), one for the ancestors' aliases and one for the view restrictions, before
the page's own work starts: ten queries for a lesson. None of it depends on who asks, only on the
host, the path and the language; so the first request's result (the site, the specific page and its
view restrictions) is kept, and the next requests for the same URL start from it.

Checked against the public pages' version (portal/page_cache.py): publishing, unpublishing,
moving, renaming or deleting any page, saving any page, and changing a site or a view restriction
drop every kept route at once. `SECONDS` bounds anything else. Whether this request may see the page
is still decided on each request from the kept restrictions (Wagtail's `check_view_restrictions`);
only routes without arguments (every page type here) are kept.
"""

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail.views import serve

from .page_cache import VERSION_KEY

SECONDS = 120


def _key(request: HttpRequest, path: str) -> str:
    return f"kompeten:route:{request.get_host()}|{get_language()}|{path}"


def page_serve_view(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve`, starting from the kept route when there is one."""
    key = _key(request, path)
    found = cache.get_many([VERSION_KEY, key])
    version, kept = found.get(VERSION_KEY, 0), found.get(key)
    if kept is not None and kept[0] == version:
        _version, request._wagtail_site, page, restrictions = kept
        page.kept_view_restrictions = restrictions
        request._wagtail_route_for_request = RouteResult(page)
    else:
        _remember(request, path, key, version)
    return serve(request, path)


def _remember(request: HttpRequest, path: str, key: str, version: int) -> None:
    route = Page.route_for_request(request, path)
    if route is None or route.args or route.kwargs:
        return
    restrictions = list(route.page.get_view_restrictions())
    cache.set(key, (version, request._wagtail_site, route.page, restrictions), SECONDS)


class KeptRestrictionsMixin:
    """For every page type: the view restrictions kept with the route, when serving from it."""

    kept_view_restrictions = None

    def get_view_restrictions(self):
        if self.kept_view_restrictions is not None:
            return self.kept_view_restrictions
        return super().get_view_restrictions()
