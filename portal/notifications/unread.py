"""The bell's unread count, kept in the cache per user (issue #15): every page shows it, and it
changes only when that user's notifications do.

Each user has a version in the cache; the count is kept under it. Every write to a user's
notifications (a new one, one read, all read, deleted) sets a new version, at once and again when
its transaction commits, so the next page counts again. A page that counted before the commit keeps its count under
the old version, which no one reads any more: a count is never stale after the write that changed
it, whatever the interleaving. `SECONDS` bounds a count whose write escaped these calls.
"""

from collections.abc import Iterable

from portal.cache import kept_under, versions_renew

SECONDS = 1800


def _version_key(user_id: int) -> str:
    return f"kompeten:unread:version:{user_id}"


def _key(user_id) -> str:
    return f"kompeten:unread:{user_id}"


def unread_kept(user_id: int, count) -> int:
    """The user's unread count, from the cache (one round trip: the version and the count kept with
    it) or from `count()` (then kept)."""
    return kept_under(_version_key(user_id), _key(user_id), count, SECONDS)


def keys_ahead(user_id) -> list[str]:
    """What `unread_kept` reads, for `portal.reads_ahead`."""
    return [_version_key(user_id), _key(user_id)]


def unread_changed(user_ids: Iterable[int]) -> None:
    """These users' counts are recounted: at once (for this transaction's own reads) and again after
    it commits (a page that counted in between kept the old count)."""
    versions_renew(_version_key(pk) for pk in user_ids)
