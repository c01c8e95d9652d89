"""Values kept under a version (see the package's docstring): `kept_under` reads one,
`version_bump` makes them all old, `versions_renew` renews per-person versions, `replay_lost` makes
again what was lost while Redis did not answer."""

import logging
import uuid

from django.core.cache import cache
from django.db import transaction

from . import tolerant
from .ahead import _names, kept_many, kept_versioned_set, prefetch_end
from .tolerant import _lost_bumps, _lost_renewals

logger = logging.getLogger(__name__)


def kept_under(version_key: str | tuple[str, ...], key: str, read, seconds):
    """The value kept at `key` if it was read under the version now at `version_key` (or under the
    versions at each of several keys); else `read()`, kept with that version for `seconds` at most
    (a number, or a function of the value read). One round trip to Redis when kept, none when read ahead."""
    version_keys = _names(version_key)
    seen = tolerant._failures
    found = kept_many([*version_keys, key])
    if (_lost_bumps or _lost_renewals) and tolerant._failures == seen:  # Redis answers again
        replay_lost()
        found = cache.get_many([*version_keys, key])
    version, kept = tuple(found.get(name, 0) for name in version_keys), found.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = read()
    kept_versioned_set(key, (version, value), seconds(value) if callable(seconds) else seconds)
    return value


def version_bump(version_key: str) -> None:
    """Make every value kept under `version_key` old: now (for the current transaction's own reads)
    and again when it commits (a request that read between the two kept its value under the version
    it saw, which is then old too)."""
    _bump(version_key)
    transaction.on_commit(lambda: _bump(version_key))


def versions_renew(version_keys) -> None:
    """Give each of `version_keys` a new random version (one per person, renewed together: a bulk
    write touches many): now, and again when the transaction commits, as `version_bump` does."""
    keys = set(version_keys)
    if keys:
        _renew(keys)
        transaction.on_commit(lambda: _renew(keys))


def replay_lost() -> None:
    """Make the version bumps and renewals this process could not make while Redis was unreachable
    (`kept_under` calls it once Redis answers); if Redis fails again, the rest wait for next time."""
    lost = len(_lost_bumps) + len(_lost_renewals)
    for version_key in list(_lost_bumps):
        _bump(version_key)
        if version_key in _lost_bumps:
            return
    if _lost_renewals:
        _renew(set(_lost_renewals))
    if not _lost_renewals:
        logger.warning("Redis answers again: %d version bumps lost while it was down are made", lost)


def _renew(keys: set[str]) -> None:
    prefetch_end()
    seen = tolerant._failures
    cache.set_many({key: uuid.uuid4().hex for key in keys}, None)
    if tolerant._failures != seen:
        _lost_renewals.update(keys)
    else:
        _lost_renewals.difference_update(keys)


def _bump(version_key: str) -> None:
    prefetch_end()
    seen = tolerant._failures
    try:
        cache.incr(version_key)
    except ValueError:
        cache.set(version_key, 1, None)
    if tolerant._failures != seen:
        _lost_bumps.add(version_key)
    else:
        _lost_bumps.discard(version_key)
