"""Pieces every app's notification texts share, so they read (and link) the same everywhere."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import formats, translation

from portal import stored_text


def page_path(page) -> str:
    """A Wagtail page's path on this site ("/kursus/…/"), or "" when it has none: a notification
    links only inside the site, and Wagtail gives a full URL when several sites exist."""
    if page is None:
        return ""
    url = page.get_url() or ""
    return urlsplit(url).path if url else ""


def date_text(value: datetime.date) -> str:
    """A date as people here write it ("5 Desember 2026"), in the active language."""
    return formats.date_format(value, "j F Y")


def split(value: str | stored_text.Source) -> tuple[str, stored_text.Source]:
    """A notification's title or body as (the words, stored in the portal's language; its source).
    A creator passes plain text, or a stored-text source to have it shown in the reader's language."""
    if not isinstance(value, dict):
        return value, {}
    if translation.get_language() == settings.LANGUAGE_CODE:  # a run of thousands sets it once
        return stored_text.render(value), value
    with translation.override(settings.LANGUAGE_CODE):
        return stored_text.render(value), value
