"""A logged-in person's page content kept as HTML (issue #15): a page shows the same to the same
person until something it shows changes, so its content (below the messages) is kept in the cache
per person (or once for all, for a page with nothing personal), page, path and language, under the
versions of everything it shows, and served with no query or template. It is kept compressed, 1-2 KB a page.

What belongs to one session is never kept: a form's CSRF token is rendered as a stand-in and put in
for the request at each serve (`get_token`, which also sets the cookie), and the header, the
messages and the rest of the layout are rendered per request around the kept content.

Core: every app may import it; it imports no app.
"""

import zlib
from collections.abc import Callable

from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .cache import kept_under

CSRF_STAND_IN = "kompeten-csrf-stand-in"


def kept_html(request, *, key: str, versions: tuple[str, ...], build: Callable[[dict], dict], seconds) -> dict:
    """The kept value at `key` (with "html", and whatever else `build` returns) if it was built
    under `versions`, else `build(overrides)`, kept for `seconds` (a number, or a function of the
    value). `build` renders its HTML with `overrides` in the context (the CSRF stand-in); "html" of
    the answer is ready to serve, with this request's token."""
    where = kept_key(request, key)
    kept = kept_under(versions, where, lambda: _packed(build({"csrf_token": CSRF_STAND_IN})), seconds)
    if kept.get("html") is None:
        return kept
    html = zlib.decompress(kept["html"]).decode()
    if CSRF_STAND_IN in html:
        html = html.replace(CSRF_STAND_IN, get_token(request))
    return {**kept, "html": mark_safe(html)}  # noqa: S308 - our own templates' output


def kept_key(request, key: str) -> str:
    """Where `kept_html(request, key=key, ...)` keeps its value (for `portal.cache.prefetch_more`)."""
    return f"kompeten:html:{key}:{request.path}:{get_language()}"


def _packed(built: dict) -> dict:
    """The HTML compressed (zlib's fastest level): a learner's page then keeps 1-2 KB of Redis."""
    html = built.get("html")
    return built if html is None else {**built, "html": zlib.compress(html.encode(), 1)}
