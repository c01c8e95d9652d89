"""Wagtail's routing of a page's URL, kept in the cache (issue #15).

Core: every app may import it; it imports no app.

Serving a page at /kursus/course/lesson/ costs Wagtail a query for the site, one per path segment
(each page's `.specific`), one for the ancestors' aliases and one for the view restrictions, before
the page's own work starts: ten queries for a lesson. None of it depends on who asks, only on the
host, the path and the language; so the first request's result (the site, the specific page and its
view restrictions) is kept, and the next requests for the same URL start from it.

Checked against the public pages' version (portal/page_cache.py): publishing, unpublishing,
moving, renaming or deleting any page, saving any page, and changing a site or a view restriction
drop every kept route at once. `SECONDS` bounds anything else (a change made in SQL by hand); it is
long because a route is only worth keeping if it is asked for again before it ends, and a learner's
lesson path comes back after minutes, not seconds. Whether this request may see the page is still
decided on each request from the kept restrictions (Wagtail's `check_view_restrictions`); only
routes without arguments (every page type here) are kept.

A route not kept yet is found by the pages' `url_path` (`_route`), not by Wagtail's walk of two
queries per segment; its site is kept per host (`_site_kept`), its parent page per page (the course
of a dozen lessons, `_specific_kept`) and its view restrictions are picked from all of the site's,
kept together (`_restrictions_of`): two queries for a lesson whose course was routed before, each
compiled to SQL once per process (`portal.prepared`: the ORM's compiling cost more than the query).
"""

from contextvars import ContextVar

from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve

from .cache import kept_many, kept_versioned_set
from .page_cache import VERSION_KEY, content_kept
from .prepared import Prepared

SECONDS = 1800
MAX_DEPTH = 8  # path segments routed by SQL compiled once; a deeper path is compiled each time
ROOT_PATHS_KEY = "kompeten:site-root-paths"
_BY_URL_PATHS: dict[int, Prepared] = {}  # number of paths -> the pages at them
_SPECIFIC: dict[type, Prepared] = {}  # page type -> a page of it by pk
RESTRICTIONS_KEY = "kompeten:view-restrictions"


def _key(request: HttpRequest, path: str) -> str:
    return f"kompeten:route:{request.get_host()}|{get_language()}|{path}"


def keys_ahead(request: HttpRequest, path: str | None) -> list[str]:
    """What a page (`path`: a Wagtail page's, served by `page_serve_view`) reads to route itself and
    to make its links, for `portal.reads_ahead`."""
    if path is None:
        return [VERSION_KEY, ROOT_PATHS_KEY]
    return [VERSION_KEY, ROOT_PATHS_KEY, _key(request, path), _site_key(request), RESTRICTIONS_KEY]


def page_serve_view(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve`, starting from the kept route when there is one."""
    key = _key(request, path)
    found = kept_many([VERSION_KEY, key])
    version, kept = found.get(VERSION_KEY, 0), found.get(key)
    if kept is not None and kept[0] == version:
        _version, request._wagtail_site, page, restrictions = kept
        page.kept_view_restrictions = restrictions
        request._wagtail_route_for_request = RouteResult(page)
    else:
        _remember(request, path, key, version)
    return serve(request, path)


def _remember(request: HttpRequest, path: str, key: str, version: int) -> None:
    route = _route(request, path)
    if route is None or route.args or route.kwargs:
        return
    restrictions = route.page.kept_view_restrictions = _restrictions_of(route.page)
    kept_versioned_set(key, (version, request._wagtail_site, route.page, restrictions), SECONDS)


def _route(request: HttpRequest, path: str) -> RouteResult | None:
    """Wagtail's `Page.route_for_request`, with the pages of the path read at once by their
    `url_path` (one query, and one each to make the page and its parent specific) instead of two
    queries per segment. Wagtail's own walk decides whatever this does not answer plainly: a
    segment that is missing, a page type with its own `route`, a page that is not live (a 404)."""
    site = _site_kept(request)
    components = [component for component in path.split("/") if component]
    if site is None or not components:
        return Page.route_for_request(request, path)
    root = site.root_page
    url_paths = [
        root.url_path + "".join(f"{part}/" for part in components[:depth]) for depth in range(1, len(components) + 1)
    ]
    found = {page.url_path: page for page in _pages_at(url_paths) if page.path.startswith(root.path)}
    chain = [found.get(url_path) for url_path in url_paths]
    if (
        any(page is None for page in chain)
        or any(_routes_itself(page) for page in [root, *chain])
        or not chain[-1].live
    ):
        return Page.route_for_request(request, path)
    page = _specific(chain[-1])
    page._cached_parent_obj = _specific_kept(chain[-2] if len(chain) > 1 else root)
    # Every page of the path is in `chain` or is the site's root, whose parent is the tree's root.
    page.kept_path_has_no_alias = root.depth <= 2 and not any(other.alias_of_id for other in [root, *chain])
    request._wagtail_route_for_request = RouteResult(page)
    return request._wagtail_route_for_request


def _site_kept(request: HttpRequest) -> Site | None:
    """Wagtail's `Site.find_for_request` (a query), kept per host and port under the public pages'
    version, which a site saved or deleted bumps: a route not kept yet starts without it."""
    site = content_kept(_site_key(request), lambda: Site.find_for_request(request), SECONDS)
    request._wagtail_site = site
    return site


def _site_key(request: HttpRequest) -> str:
    return f"kompeten:site-of:{request.get_host()}|{request.get_port()}"


def _specific_kept(page: Page) -> Page:
    """`page.specific` (a query), kept per page under the public pages' version."""
    return content_kept(f"kompeten:page-specific:{page.pk}", lambda: _specific(page), SECONDS)


def _pages_at(url_paths: list[str]) -> list[Page]:
    """The pages at these `url_path`s (a page's is unique: its parent's and its own slug, unique
    among its siblings), by SQL compiled once per process and number of paths."""
    if len(url_paths) > MAX_DEPTH:
        return list(Page.objects.filter(url_path__in=url_paths))
    names = [f"url_path_{depth}" for depth in range(len(url_paths))]
    prepared = _BY_URL_PATHS.get(len(url_paths))
    if prepared is None:
        prepared = _BY_URL_PATHS[len(url_paths)] = Prepared(
            lambda **values: Page.objects.filter(url_path__in=[values[name] for name in names]),
            **{name: f"kompeten-url-path-stand-in-{depth}" for depth, name in enumerate(names)},
        )
    return prepared.objects(**dict(zip(names, url_paths, strict=True)))


def _specific(page: Page) -> Page:
    """`page.specific` (Wagtail's `get_specific`), its query compiled once per process and page type."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    prepared = _SPECIFIC.get(model)
    if prepared is None:
        prepared = _SPECIFIC[model] = Prepared(lambda pk: model._default_manager.filter(pk=pk), pk=-7_000_201)
    specific = prepared.first(pk=page.pk)
    if specific is None:  # gone since the path was read: Wagtail's own read says so
        return page.specific
    for name, value in page.__dict__.items():  # as `get_specific`: what the page holds beyond its fields
        specific.__dict__.setdefault(name, value)
    return specific


def _restrictions_of(page: Page) -> list[PageViewRestriction]:
    """Wagtail's `page.get_view_restrictions()` (two queries: the ancestors, their restrictions).
    When no page of its path is an alias (whose restrictions would be its source's), they are the
    restrictions on the page or on a page whose tree path begins its own: picked from all of the
    site's, kept together under the public pages' version (which a restriction changed bumps)."""
    if not getattr(page, "kept_path_has_no_alias", False):
        return list(page.get_view_restrictions())
    every = content_kept(RESTRICTIONS_KEY, _every_restriction, SECONDS)
    return [restriction for path, restriction in every if page.path.startswith(path)]


def _every_restriction() -> list[tuple[str, PageViewRestriction]]:
    restrictions = PageViewRestriction.objects.annotate(tree_path=F("page__path")).order_by("pk")
    return [(restriction.tree_path, restriction) for restriction in restrictions]


def _routes_itself(page: Page) -> bool:
    """The page's type routes its own sub-paths (e.g. a RoutablePageMixin): only Wagtail's walk may."""
    model = page.specific_class
    return model is None or model.route is not Page.route


class KeptRoutingMixin:
    """For every page type: the view restrictions kept with the route, when serving from it; and
    the sites' root paths kept (`root_paths_kept`), read once per request for every page's `url`
    (see `_request_root_paths`)."""

    kept_view_restrictions = None

    def get_view_restrictions(self):
        if self.kept_view_restrictions is not None:
            return self.kept_view_restrictions
        return super().get_view_restrictions()

    def _get_site_root_paths(self, request=None):
        if request is not None:
            if not hasattr(request, "_wagtail_cached_site_root_paths"):
                request._wagtail_cached_site_root_paths = root_paths_kept()
            return request._wagtail_cached_site_root_paths
        holder = _request_root_paths.get()
        if holder is None:
            return super()._get_site_root_paths(request)
        if "paths" not in holder:
            holder["paths"] = root_paths_kept()
        return holder["paths"]


def root_paths_kept() -> list:
    """Wagtail's `Site.get_site_root_paths()` (a round trip to Redis of its own), kept under the
    public pages' version, which any site or page change bumps, and read ahead (`keys_ahead`)."""
    return content_kept(ROOT_PATHS_KEY, Site.get_site_root_paths, SECONDS)


# Wagtail reads the sites' root paths from the cache for each page whose `url` a template asks for
# without the request (a page's `.url`): a round trip to Redis per link, twenty on the dashboard.
# During a request they are read once and shared by every page of that request; outside a request
# (a task, a command) nothing is shared. Any page or site change in the request reads them again.
_request_root_paths: ContextVar[dict | None] = ContextVar("kompeten_request_root_paths", default=None)


def _request_started(**kwargs) -> None:
    _request_root_paths.set({})


def _request_finished(**kwargs) -> None:
    _request_root_paths.set(None)


def root_paths_changed() -> None:
    """A page or a site changed in this request: the next `url` reads the root paths again."""
    holder = _request_root_paths.get()
    if holder is not None:
        holder.clear()


def connect() -> None:
    """From PortalConfig.ready."""
    from django.core.signals import request_finished, request_started

    request_started.connect(_request_started, dispatch_uid="kompeten-request-root-paths-start")
    request_finished.connect(_request_finished, dispatch_uid="kompeten-request-root-paths-end")
