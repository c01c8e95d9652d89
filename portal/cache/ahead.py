"""The reads made ahead (see the package's docstring): a logged-in page's kept values read in one
round trip, answered from until the request ends or a version changes in this process, and the
values kept meanwhile written together when they end."""

import threading

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache

from . import tolerant
from .tolerant import DOWN, SessionCopiesCache, _down, _lost_bumps, _lost_renewals, _session_copy

_ahead = threading.local()  # .values: {key: value, or None when absent} read ahead for this request
# .used: the keys this request's `kept_many` asked while it had reads ahead (`take_keys_used`)


def prefetch(keys) -> None:
    """Read `keys` in one round trip, for this thread's `kept_under` and `kept_many` until
    `prefetch_end` (nothing is kept ahead when Redis does not answer, or lost a version change)."""
    keys = list(keys)
    default = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(default, RedisCache):
        seen = tolerant._failures
        found = cache.get_many(keys)
        if tolerant._failures == seen and not (_lost_bumps or _lost_renewals):
            prefetch_found({key: found.get(key) for key in keys})
        return
    found = _read_unread(default, [default.make_and_validate_key(key) for key in keys])
    if found is not None and not (_lost_bumps or _lost_renewals):
        prefetch_found(dict(zip(keys, found, strict=True)))


class _Unread:
    """A value read ahead as Redis holds it, deserialized when first asked for (`_value`): a page
    uses only some of what it reads ahead (`portal.keys_learned` adds what the URL's last visit read)."""

    __slots__ = ("data",)

    def __init__(self, data: bytes):
        self.data = data


def _read_unread(default: RedisCache, names: list[str]) -> list | None:
    """The values at `names` (Redis keys), each None or `_Unread`, in one round trip; None when
    Redis does not answer."""
    try:
        found = default._cache.get_client(None).mget(names)
    except DOWN as error:
        _down("get_many", error)
        return None
    return [None if data is None else _Unread(data) for data in found]


def _value(ahead: dict, key: str):
    value = ahead[key]
    if type(value) is _Unread:
        value = ahead[key] = caches[DEFAULT_CACHE_ALIAS]._cache._serializer.loads(value.data)
    return value


def prefetch_more(keys) -> None:
    """Read `keys` too, in one round trip, while this thread has reads ahead (a view that knows
    several of its kept values at once); nothing otherwise."""
    ahead = getattr(_ahead, "values", None)
    if ahead is not None:
        keys = [key for key in keys if key not in ahead]
        if not keys:
            return
        seen = tolerant._failures
        found = cache.get_many(keys)
        if tolerant._failures == seen and _ahead.values is ahead:
            ahead.update({key: found.get(key) for key in keys})


def prefetch_with_session(session_cache_key: str, keys) -> dict | None:
    """`keys` and the session's copy (`cached_db`'s key for it) in one round trip, when the
    sessions' copies live in the cache's Redis: the copy is given to the sessions' cache for the
    session's first read (as if read then); returns what `keys` hold, for `prefetch_found` once the
    session has named the account they were chosen for, or None (Redis did not answer, or lost a
    version change)."""
    default, sessions = caches[DEFAULT_CACHE_ALIAS], caches[settings.SESSION_CACHE_ALIAS]
    if not isinstance(sessions, SessionCopiesCache) or getattr(default, "_servers", None) != sessions._servers:
        return None
    keys = list(keys)
    found = _read_unread(
        default,
        [*(default.make_and_validate_key(key) for key in keys), sessions.make_and_validate_key(session_cache_key)],
    )
    if found is None:
        return None
    copy = found.pop()
    _session_copy.given = (session_cache_key, None if copy is None else default._cache._serializer.loads(copy.data))
    if _lost_bumps or _lost_renewals:
        return None
    return dict(zip(keys, found, strict=True))


def prefetch_found(values: dict) -> None:
    """Answer this request's `kept_under` and `kept_many` from `values` (`prefetch_with_session`'s)."""
    _ahead.values = dict(values)
    _ahead.used = set()


def take_keys_used() -> set[str]:
    """The keys `kept_many` was asked for since the reads ahead began (found among them or not),
    forgotten once taken: what the request read of the cache, for `portal.keys_learned`."""
    used = getattr(_ahead, "used", None) or set()
    _ahead.used = None
    return used


def ahead_value(key: str):
    """The value read ahead (or kept since) at `key`, None when absent or not read ahead."""
    ahead = getattr(_ahead, "values", None)
    return None if ahead is None or key not in ahead else _value(ahead, key)


def prefetch_end() -> None:
    """The reads ahead end: what was kept meanwhile is written (`kept_versioned_set`)."""
    _ahead.values = None
    _session_copy.given = None
    pending = getattr(_ahead, "pending", None)
    if pending:
        _ahead.pending = None
        _write(pending)


def _write(pending: dict) -> None:
    """The values `kept_versioned_set` held back (Redis key: (serialized value, timeout)), in one round trip: a
    pipeline, as Django's own `set_many` sends, but each value with its own timeout."""
    try:
        pipeline = caches[DEFAULT_CACHE_ALIAS]._cache.get_client(write=True).pipeline(transaction=False)
        for name, (data, timeout) in pending.items():
            pipeline.set(name, data, ex=timeout)
        pipeline.execute()
    except DOWN as error:
        _down("set", error)


def kept_many(keys: list[str]) -> dict:
    """`cache.get_many(keys)`, from the reads made ahead when they hold every key, and with what this
    request has kept and not written yet."""
    ahead = getattr(_ahead, "values", None)
    if ahead is not None:
        used = getattr(_ahead, "used", None)
        if used is not None:
            used.update(keys)
        if all(key in ahead for key in keys):
            values = {key: _value(ahead, key) for key in keys}
            return {key: value for key, value in values.items() if value is not None}
    found = cache.get_many(keys)
    pending = getattr(_ahead, "pending", None)
    if pending:
        default = caches[DEFAULT_CACHE_ALIAS]
        for key in keys:
            held = pending.get(default.make_and_validate_key(key))
            if held is not None:
                found[key] = default._cache._serializer.loads(held[0])
    return found


def kept_set(key: str, value, seconds) -> None:
    """`cache.set`, and the reads ahead told of it."""
    cache.set(key, value, seconds)
    ahead = getattr(_ahead, "values", None)
    if ahead is not None and key in ahead:
        ahead[key] = value


def kept_versioned_set(key: str, value, seconds) -> None:
    """`kept_set` of a value stamped with the version it was read under. While there are reads ahead
    and the cache is Redis, it is serialized now and written when they end (`prefetch_end`), with the
    others, in one round trip: written late, after its version changed, it is old already and never
    used."""
    ahead = getattr(_ahead, "values", None)
    default = caches[DEFAULT_CACHE_ALIAS]
    timeout = default.get_backend_timeout(seconds)
    if ahead is None or not isinstance(default, RedisCache) or timeout == 0:
        kept_set(key, value, seconds)
        return
    if key in ahead:
        ahead[key] = value
    pending = getattr(_ahead, "pending", None)
    if pending is None:
        pending = _ahead.pending = {}
    pending[default.make_and_validate_key(key)] = (default._cache._serializer.dumps(value), timeout)


def _names(version_key: str | tuple[str, ...]) -> tuple[str, ...]:
    return (version_key,) if isinstance(version_key, str) else version_key


def _version_ahead(version_key: str | tuple[str, ...], key: str) -> tuple | None:
    """The version `kept_under(version_key, key, ...)` would keep a value read now under, when the
    reads ahead hold its keys and the value kept there is not of that version; else None."""
    ahead = getattr(_ahead, "values", None)
    names = _names(version_key)
    if ahead is None or not all(name in ahead for name in (*names, key)):
        return None
    versions = (_value(ahead, name) for name in names)
    version, kept = tuple(0 if value is None else value for value in versions), _value(ahead, key)
    return None if kept is not None and kept[0] == version else version


def kept_missing(version_key: str | tuple[str, ...], key: str) -> bool:
    """Whether `kept_under(version_key, key, ...)` would read its value now, as far as the reads ahead
    tell (False when they do not hold its keys)."""
    return _version_ahead(version_key, key) is not None


def kept_ahead(version_key: str | tuple[str, ...], key: str, value, seconds) -> None:
    """Keep `value`, read by another way than `kept_under`'s own, as `kept_under` would keep it
    (`kept_missing` first): the next `kept_under` of this request answers it without reading."""
    version = _version_ahead(version_key, key)
    if version is not None:
        kept_versioned_set(key, (version, value), seconds)
