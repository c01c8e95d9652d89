"""The Redis cache, tolerant of Redis being down: the portal's pages must not fail because a cache
does. While Redis is unreachable every read is a miss and every write is dropped (with a warning in
the log, at most once a minute per process), so pages are built from the database as without a
cache. What that costs: allauth's login rate limits do not count during the outage (nor hold its
cache lock: the portal's own locks are in PostgreSQL). A change made during the outage could not
make the values kept before it old (its version bump was dropped): the process that made it bumps
again at its first call after Redis is back (`replay_lost`), and every kept value has a timeout,
which bounds the rest (a process that ended before Redis came back). Sessions are kept in the
database and read from it while Redis is down; the copy of a session saved or ended during the
outage is dropped by the process that could not write it, at its first read once Redis is back
(`SessionCopiesCache`), or else lives out its timeout.

It also holds the two helpers of every value kept under a version (the public pages' content, the
roles): `kept_under` reads one, `version_bump` makes them all old, `versions_renew` renews
per-person versions.

And the reads made ahead (`prefetch`): a logged-in page reads some ten kept values, one round trip
each; `portal.reads_ahead.KeptReadsMiddleware` reads those it can name before the view runs in one
(`prefetch`), and `kept_under` and `kept_many` then answer from them (`kept_set` keeps them
current), until the request ends (`prefetch_end`) or a version changes in this process (a bump or
a renewal drops them all). While they are read ahead, the values kept under a version are written
together, in one round trip, when they end (`kept_versioned_set`): a page built for the first time
keeps half a dozen.

Core: every app may import it; it imports no app."""

import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import transaction
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

DOWN = (RedisConnectionError, RedisTimeoutError)
WARN_EVERY = 60.0
_warned_at = 0.0

# Each method, and what it answers while Redis is down.
FALLBACKS = {
    "get": lambda key, default=None, *args, **kwargs: default,
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda *args, **kwargs: [],
    "add": lambda *args, **kwargs: True,  # the key was not there (the cache is empty): a lock is open
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "incr": lambda key, delta=1, *args, **kwargs: delta,
    "decr": lambda key, delta=1, *args, **kwargs: -delta,
    "clear": lambda *args, **kwargs: False,
}


# Failed calls this process has seen, and the version bumps and renewals it could not make: made
# again by `replay_lost` once Redis answers (a set each, so a key lost twice is made once).
_failures = 0
_lost_bumps: set[str] = set()
_lost_renewals: set[str] = set()


def _down(method: str, error: Exception) -> None:
    global _warned_at, _failures
    _failures += 1
    now = time.monotonic()
    if now - _warned_at >= WARN_EVERY:
        _warned_at = now
        logger.warning("Redis cache unreachable (%s: %s); pages are served without the cache", method, error)


def _tolerant(name: str):
    original = getattr(RedisCache, name)
    fallback = FALLBACKS[name]

    def method(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except DOWN as error:
            _down(name, error)
            return fallback(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = original.__doc__
    return method


class _ReusedClient(RedisCacheClient):
    """Django's client builds a new redis.Redis object for every call (a third of a millisecond,
    and a page makes ten); one per connection pool serves them all (it is thread-safe)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class TolerantRedisCache(RedisCache):
    """Django's RedisCache, answering as an empty cache while Redis cannot be reached."""

    locals().update({name: _tolerant(name) for name in FALLBACKS})

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClient


class ShortLivedRedisCache(TolerantRedisCache):
    """A tolerant Redis cache in which nothing lives longer than its TIMEOUT, whatever the caller
    asks (Django's cached_db sessions ask for the session's whole age)."""

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        asked = super().get_backend_timeout(timeout)
        return self.default_timeout if asked is None else min(asked, self.default_timeout)


# The sessions' copies this process wrote or deleted while Redis did not answer (their old copy may
# still be there): dropped at its first read of a session once Redis answers.
_stale_copies: set[str] = set()


class SessionCopiesCache(ShortLivedRedisCache):
    """The sessions' copies (Django's cached_db; the sessions themselves are in PostgreSQL). A
    session saved or ended (a logout) while Redis does not answer leaves its old copy there: its key
    is noted, and the copies noted are dropped at this process's first read of a session that Redis
    answers (that read, if it is one of them, is a miss). So a copy may live long: `TIMEOUT` bounds
    only a process that ended before Redis came back."""

    def get(self, key, default=None, version=None):
        given = getattr(_session_copy, "given", None)
        if given is not None and given[0] == key and not _stale_copies:  # read with the reads ahead
            _session_copy.given = None
            return default if given[1] is None else given[1]
        seen = _failures
        value = super().get(key, default, version)
        if _stale_copies and _failures == seen:  # Redis answers again
            stale = key in _stale_copies
            self._drop_stale_copies()
            if stale:
                return default
        return value

    def set(self, key, *args, **kwargs):
        seen = _failures
        super().set(key, *args, **kwargs)
        if _failures != seen:
            _stale_copies.add(key)
        else:  # written: the copy is the session's
            _stale_copies.discard(key)

    def delete(self, key, *args, **kwargs):
        seen = _failures
        deleted = super().delete(key, *args, **kwargs)
        if _failures != seen:
            _stale_copies.add(key)
        return deleted

    def _drop_stale_copies(self) -> None:
        keys = set(_stale_copies)
        seen = _failures
        self.delete_many(list(keys))
        if _failures == seen:
            _stale_copies.difference_update(keys)
            logger.warning("Redis answers again: %d sessions' copies, old since the outage, are dropped", len(keys))


_ahead = threading.local()  # .values: {key: value, or None when absent} read ahead for this request
# .used: the keys this request's `kept_many` asked while it had reads ahead (`take_keys_used`)
_session_copy = threading.local()  # .given: (key, copy or None) of the session, read with them


def prefetch(keys) -> None:
    """Read `keys` in one round trip, for this thread's `kept_under` and `kept_many` until
    `prefetch_end` (nothing is kept ahead when Redis does not answer, or lost a version change)."""
    keys = list(keys)
    default = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(default, RedisCache):
        seen = _failures
        found = cache.get_many(keys)
        if _failures == seen and not (_lost_bumps or _lost_renewals):
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
        seen = _failures
        found = cache.get_many(keys)
        if _failures == seen and _ahead.values is ahead:
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


def kept_under(version_key: str | tuple[str, ...], key: str, read, seconds):
    """The value kept at `key` if it was read under the version now at `version_key` (or under the
    versions at each of several keys); else `read()`, kept with that version for `seconds` at most
    (a number, or a function of the value read). One round trip to Redis when kept, none when read ahead."""
    version_keys = _names(version_key)
    seen = _failures
    found = kept_many([*version_keys, key])
    if (_lost_bumps or _lost_renewals) and _failures == seen:  # Redis answers again
        replay_lost()
        found = cache.get_many([*version_keys, key])
    version, kept = tuple(found.get(name, 0) for name in version_keys), found.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = read()
    kept_versioned_set(key, (version, value), seconds(value) if callable(seconds) else seconds)
    return value


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
    seen = _failures
    cache.set_many({key: uuid.uuid4().hex for key in keys}, None)
    if _failures != seen:
        _lost_renewals.update(keys)
    else:
        _lost_renewals.difference_update(keys)


def _bump(version_key: str) -> None:
    prefetch_end()
    seen = _failures
    try:
        cache.incr(version_key)
    except ValueError:
        cache.set(version_key, 1, None)
    if _failures != seen:
        _lost_bumps.add(version_key)
    else:
        _lost_bumps.discard(version_key)
