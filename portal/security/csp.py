"""Content-Security-Policy: django-csp's middleware, with Wagtail's admin scoped apart.

The site's policy (``CONTENT_SECURITY_POLICY``) allows no inline script or style. Wagtail's own
admin screens still need some, so requests under ``KOMPETEN_CSP_ADMIN_PREFIX`` get the
directives of ``KOMPETEN_CSP_ADMIN_DIRECTIVES`` in place of the site's. A view may still narrow
or widen its own policy with django-csp's decorators; those win over this default.

A page preview is rendered by Wagtail through the whole middleware chain with a dummy request
(``request.is_dummy``) whose path is the page's own, then shown in the editor's frame: it keeps the
site's policy, except that the admin (same origin) may frame it.
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware; under the admin prefix, the admin's directives replace the site's."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        prefix = getattr(settings, "KOMPETEN_CSP_ADMIN_PREFIX", None)
        if not report_only and prefix and request.path_info.startswith(prefix) and parts.replace is None:
            parts.replace = dict(settings.KOMPETEN_CSP_ADMIN_DIRECTIVES)
        elif not report_only and getattr(request, "is_dummy", False) and parts.replace is None:
            parts.replace = {"frame-ancestors": ["'self'"]}
        return parts
