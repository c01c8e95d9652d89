"""The Wagtail Site follows the portal's public address.

Wagtail builds the links of its own e-mails (moderation, "page published") and every page's
`full_url` from the default Site's hostname and port. The first migration created it as
``localhost:80``; after each `migrate` (as every deployment runs) it is set from
``WAGTAILADMIN_BASE_URL``, the one setting that names the public address.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def base_url_host() -> tuple[str, int] | None:
    """(hostname, port) of WAGTAILADMIN_BASE_URL, or None when it is not an http(s) URL."""
    parts = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def default_site_follow_base_url(using: str = "default") -> Site | None:
    """Set the default Site's hostname and port from the base URL; returns it when it changed."""
    host = base_url_host()
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if host is None or site is None or (site.hostname, site.port) == host:
        return None
    site.hostname, site.port = host
    site.save(update_fields=["hostname", "port"])
    Site.clear_site_root_paths_cache()
    return site


def site_follows_base_url(sender, using: str = "default", **kwargs) -> None:
    """post_migrate receiver (connected in PagesConfig.ready)."""
    default_site_follow_base_url(using)
