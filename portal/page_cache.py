"""Public pages for visitors who are not logged in, served from the cache (issue #15).

Core: every app may import it; it imports no app.

A GET from a browser with no session (no session cookie, no pending messages) gets the same page as
every other such browser in the same language, so the first one's response is kept in Redis and
the next ones are answered from it without routing, queries or templates. Kept only when nothing in
it belongs to one visitor: a 200 HTML response that sets no cookie (a page with a CSRF token sets
one, and is never kept) and whose view set no Cache-Control of its own.

Never stale after an edit: every published, unpublished, moved, saved or deleted page, and every
change to a view restriction, an image, a document, the site, the portal's settings, the competency
dictionary or a service point of the public survey (the parts of a public page that are not the page
itself), bumps a version that the kept copies are checked against. The same version guards what is
kept for logged-in people and is the same for all of them (`content_kept`: the routing, a course's
structure, the catalog). Anything else a public page shows (an event's date passing, an
event's seats) is at most `SECONDS` old. A view whose answer must be fresh at once after a change
of its own data names that data's versions (`versions_now`, e.g. a certificate's verification,
whose version every save of the certificate bumps); a view that sets its own Cache-Control is never
kept.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from .cache import kept_under, version_bump

VERSION_KEY = "kompeten:public-pages:version"
SECONDS = 60
# Paths never kept, whatever they answer: the editors' and the API's.
EXCLUDED = ("/admin/", "/django-admin/", "/api/", "/_bench/")
# Models whose change may show on a public page that was not itself republished.
CONTENT_MODELS = (
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "pages.PortalSettings",
    "competency.Competency",
    "feedback.ServicePoint",
    "feedback.ServicePopulation",
)
HEADER = "X-Kompeten-Cache"


def _cookies_allowed() -> set[str]:
    return {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and set(request.COOKIES) <= _cookies_allowed()
        and not request.path.startswith(EXCLUDED)
        and len(request.META.get("QUERY_STRING", "")) <= 200
    )


def _key(request: HttpRequest) -> str:
    where = f"{request.get_host()}|{request.get_full_path()}|{get_language()}"
    return "kompeten:public-pages:" + hashlib.sha256(where.encode()).hexdigest()


def _keepable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response.headers
        and response.get("Content-Type", "").startswith("text/html")
    )


class PublicPageCacheMiddleware:
    """After LanguageMiddleware (the key holds the language) and before the session is read."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY, 0)
        kept = found.get(key)
        if kept is not None and len(kept) == 5 and kept[0] == version and _still(kept[4]):
            return _rebuilt(kept)
        response = self.get_response(request)
        if _keepable(response):
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(response, public=True, no_cache=True)
            also = getattr(response, "kept_under", {})
            cache.set(key, (version, response.status_code, list(response.items()), response.content, also), SECONDS)
            response[HEADER] = "miss"
        return response


def versions_now(*keys: str) -> dict[str, object]:
    """The versions at `keys` now. A view whose page depends on more than the published content (a
    certificate's revocation) reads them before it reads its data and puts them on its response as
    `kept_under`; its kept copy is then served only while each is unchanged."""
    found = cache.get_many(list(keys))
    return {key: found.get(key, 0) for key in keys}


def _still(versions: dict[str, object]) -> bool:
    return not versions or versions_now(*versions) == versions


def content_kept(key: str, read: Callable[[], object], seconds: int = 1800):
    """A value that depends only on the published content (pages, images, documents, competencies,
    the site and its settings): from the cache while no such change happened since it was read,
    else `read()` and kept, for `seconds` at most."""
    return kept_under(VERSION_KEY, key, read, seconds)


def _rebuilt(kept: tuple) -> HttpResponse:
    _version, status, headers, content, _also = kept
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


def public_pages_changed(**kwargs) -> None:
    """Receiver of every change that may show on a public page: the kept pages (and routes) are all
    dropped, now and again when the transaction commits (a request that read in between kept the
    old content under the new version)."""
    version_bump(VERSION_KEY)
    from .page_routing import root_paths_changed

    root_paths_changed()


def connect() -> None:
    """Connect `public_pages_changed` (from PortalConfig.ready)."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(public_pages_changed, dispatch_uid="public-pages")
    post_delete.connect(_page_changed, dispatch_uid="public-pages-page-deleted")
    post_save.connect(_page_changed, dispatch_uid="public-pages-page-saved")
    restriction_groups = apps.get_model("wagtailcore.PageViewRestriction").groups.through
    m2m_changed.connect(public_pages_changed, sender=restriction_groups, dispatch_uid="public-pages-restriction-groups")
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(public_pages_changed, sender=model, dispatch_uid=f"public-pages-{label}")
        post_delete.connect(public_pages_changed, sender=model, dispatch_uid=f"public-pages-{label}-deleted")


def _page_changed(sender, instance, **kwargs) -> None:
    """Any page saved (a draft too: its row changes) or deleted."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        public_pages_changed()
