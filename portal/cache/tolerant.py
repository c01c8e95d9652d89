"""The Redis cache, tolerant of Redis being down (see the package's docstring): the backends, the
failures seen and the version changes lost while Redis did not answer."""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
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


_session_copy = threading.local()  # .given: (key, copy or None) of the session, read with the reads ahead

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
