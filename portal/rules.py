"""The numbers the portal's rules turn on, in one place.

HR may change the yearly JP target, the quiet hours of e-mail and the public survey's thresholds in
the admin (Settings → Aturan portal, the `pages.PortalSettings` row); everything reads them through
the functions below, which keep the row in the cache so that a page pays no query for it. The numbers
below are not HR's to change: the privacy threshold is a promise to survey respondents, and a due
date ends at 23:59 WIB.
"""

import datetime
from decimal import Decimal

from django.core.cache import cache

from portal.cache import kept_many, kept_set, prefetch_end

# A survey's answers are shown only for groups of at least this many respondents.
SURVEY_PRIVACY_THRESHOLD = 5
# A due date ends at this time of its day (WIB).
DUE_TIME = datetime.time(23, 59)

# The settings row's defaults: the 20 JP of the regulation; e-mail waits from 21 to 7 o'clock WIB;
# a front-line element of the public survey below 3.00 opens gaps; an officer's own results need
# at least 10 answers.
DEFAULTS = {"jp": 20, "quiet": (21, 7), "skm_weak": Decimal("3.00"), "skm_officer_min": 10}

CACHE_KEY = "kompeten:portal-settings"
CACHE_SECONDS = 600


def _values() -> dict:
    values = kept_many([CACHE_KEY]).get(CACHE_KEY)  # read ahead on a logged-in page (portal.reads_ahead)
    if values is None:
        from portal.pages.models import PortalSettings

        # Read, never created here: the row's first save bumps every kept page (portal.page_cache),
        # which a read must not do. Until HR saves it, the defaults apply.
        row = PortalSettings.objects.order_by("pk").first() or PortalSettings()
        values = {
            "jp": row.jp_target_per_year,
            "quiet": (row.quiet_start, row.quiet_end),
            "skm_weak": row.skm_weak_below,
            "skm_officer_min": row.skm_officer_min_responses,
        }
        kept_set(CACHE_KEY, values, CACHE_SECONDS)
    return values


def jp_target() -> int:
    """The JP every civil servant should have each year (20 unless HR changed it)."""
    return _values()["jp"]


def quiet_hours() -> tuple[int, int]:
    """(start, end) o'clock WIB of the hours when e-mail waits for the morning."""
    return _values()["quiet"]


def skm_weak_below() -> Decimal:
    """A front-line element of the public survey averaging below this (1–4) is weak."""
    return _values()["skm_weak"]


def skm_officer_min_responses() -> int:
    """An officer's own survey results are shown only from this many answers."""
    return _values()["skm_officer_min"]


def settings_changed(**kwargs) -> None:
    """Receiver of the settings row's post_save: the next read takes the new values."""
    prefetch_end()
    cache.delete(CACHE_KEY)


def context(request) -> dict:
    """Template context processor: `jp_target` for the footer and the dashboard."""
    return {"jp_target": jp_target()}
