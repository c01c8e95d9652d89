from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The shell: settings, URLs, the dashboard and the commands that compose every app."""

    name = "portal"
    verbose_name = "Kompeten"

    def ready(self):
        from .outbox import signals  # noqa: F401 - connects the worker's start
        from .page_cache import connect as public_pages_connect
        from .page_routing import connect as root_paths_connect
        from .spreadsheets.exports import wagtail_exports_escape

        wagtail_exports_escape()
        public_pages_connect()
        root_paths_connect()
