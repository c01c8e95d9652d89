"""The hub's screens in the Wagtail admin (registered by wagtail_hooks)."""
