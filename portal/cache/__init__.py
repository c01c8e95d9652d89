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

Its parts: `tolerant` (the backends, and what is lost while Redis does not answer), `ahead` (the
reads ahead and the writes held back), `versions` (the values kept under a version).

Core: every app may import it; it imports no app."""

from .ahead import (
    ahead_value,
    kept_ahead,
    kept_many,
    kept_missing,
    kept_set,
    kept_versioned_set,
    prefetch,
    prefetch_end,
    prefetch_found,
    prefetch_more,
    prefetch_with_session,
    take_keys_used,
)
from .tolerant import DOWN, SessionCopiesCache, ShortLivedRedisCache, TolerantRedisCache
from .versions import kept_under, replay_lost, version_bump, versions_renew

__all__ = [
    "DOWN",
    "SessionCopiesCache",
    "ShortLivedRedisCache",
    "TolerantRedisCache",
    "ahead_value",
    "kept_ahead",
    "kept_many",
    "kept_missing",
    "kept_set",
    "kept_under",
    "kept_versioned_set",
    "prefetch",
    "prefetch_end",
    "prefetch_found",
    "prefetch_more",
    "prefetch_with_session",
    "replay_lost",
    "take_keys_used",
    "version_bump",
    "versions_renew",
]
