"""A page made for a logged-in person is theirs alone: no shared cache (a proxy, a CDN) may keep it,
and the browser asks again before reusing it, so that a page never shows progress, JP or
notifications from before the action that changed them. Views that say otherwise keep their own
Cache-Control."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class PrivatePagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if "Cache-Control" not in response.headers and user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        return response
