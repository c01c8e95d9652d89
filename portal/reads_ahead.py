"""The kept values a logged-in page reads, read ahead in one round trip (issue #15).

Every page of a logged-in person reads, one round trip to Redis each, their account, their employee
record, their roles, their unread count, the portal's settings, the sites' root paths (for its
links) and, for a Wagtail page, its kept route. Their keys depend only on the account (in the
session) and the URL, so `KeptReadsMiddleware` reads them all at once as the request comes in
(`portal.cache.prefetch`), before the account is first asked for; the middleware, the view and its
templates then find them there, until the response is made or a version changes in this process. A
value missing or old is read and kept as before. A form's post reads them ahead too (its account,
employee record and roles are read before it writes anything): whatever it writes that a kept value
shows changes that value's version, which ends the reads ahead.

What a page reads after them (its kept content, under the course's and the employee record's pks)
is read with them from its URL's next visit on: each process learns, per URL, the keys its last
GET asked for beyond these (`portal.keys_learned`); a post learns nothing and reads nothing learned.

When two or more of the account, the employee record, the roles and the unread count are missing
from what was read (a person's first page), they are read from the database in one query
(`portal.first_visit`) rather than a query each.

The session itself is a round trip too, and the account it names decides the keys. Each process
remembers which account (and language) a session key was last seen with (`_accounts`), so from a session's second
page on, its copy is read in the same round trip as the keys chosen for that account
(`portal.cache.prefetch_with_session`); those are used only once the session, read from that copy,
names the same account (else they are read again for the account it names). A session's first page
in a process (a new process, or one the person's pages had not come to) finds its account in a
cookie instead (`HINT_COOKIE`: the account's pk and the language, set at the login and on any
logged-in page whose request did not send it so, dropped at the logout). It is only a guess, as what the process
remembers is: the keys read with it are used once the session names the same account and language,
so a wrong or forged cookie costs a read. The middleware comes right after the session's, before
anything reads the session.

Core: every app may import it; it imports no app.
"""

import hashlib
import re

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.urls import Resolver404, resolve
from django.utils import translation

from portal import first_visit, keys_learned, rules
from portal.cache import prefetch, prefetch_end, prefetch_found, prefetch_with_session, take_keys_used
from portal.notifications import unread
from portal.page_routing import keys_ahead as route_keys
from portal.page_routing import page_serve_view
from portal.people import employee_kept, roles_kept, user_kept
from portal.people.middleware import language_chosen

SAFE_METHODS = ("GET", "HEAD")
REMEMBERED = 20_000  # session keys per process; forgotten all at once past that
HINT_COOKIE = "kompeten_ahead"  # "<account pk>.<language>"
_HINT = re.compile(r"(\d{1,18})\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)")

# A digest of the session key (the key is a secret, not kept past its request) -> the (account,
# language) it named last time.
_accounts: dict[bytes, tuple[str, str]] = {}


def _remembered_as(session_key: str) -> bytes:
    return hashlib.blake2b(session_key.encode(), digest_size=16).digest()


def keys_ahead(request, user_id: str) -> list[str]:
    keys = [*user_kept.keys_ahead(user_id), *employee_kept.keys_ahead(user_id), *roles_kept.keys_ahead(user_id)]
    keys += [*unread.keys_ahead(user_id), rules.CACHE_KEY]
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return keys
    path = match.kwargs.get("path", match.args[0] if match.args else "") if match.func is page_serve_view else None
    return keys + route_keys(request, path)


class KeptReadsMiddleware:
    """Right after the session's middleware: reads ahead for the request (with the session's copy
    when the account is known), drops what is left after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            seen = _read_ahead(request)
            response = self.get_response(request)
            _learn(request, response)
            _hint(request, response, seen)
            return response
        finally:
            prefetch_end()


def _learn(request, response) -> None:
    """What the page read beyond its reads ahead, for the next visit to its URL (`portal.keys_learned`)."""
    read = getattr(request, "_kompeten_ahead", None)
    used = take_keys_used()
    if read is not None and response.status_code == 200:
        user_id, language, base = read
        employee_id = employee_kept.pk_ahead(user_id)
        keys_learned.learn(request, user_id=user_id, language=language, base=base, used=used, employee_id=employee_id)


def _hint(request, response, seen: tuple[str, str] | None) -> None:
    """`HINT_COOKIE` set on a logged-in page whose request did not send it so (a login's included),
    dropped at a logout; an anonymous page sets none."""
    sent = request.COOKIES.get(HINT_COOKIE)
    account = request.session.get(SESSION_KEY)
    if account is None:
        if seen is not None and sent is not None:
            response.delete_cookie(HINT_COOKIE, samesite="Lax")
        return
    value = f"{account}.{seen[1] if seen is not None and seen[0] == account else language_chosen(request)}"
    if sent != value:
        response.set_cookie(
            HINT_COOKIE,
            value,
            max_age=settings.SESSION_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )


def _guessed(request, remembered: bytes) -> tuple[str, str] | None:
    """The (account, language) the session named last time in this process, else the cookie's."""
    guess = _accounts.get(remembered)
    if guess is None and (hint := _HINT.fullmatch(request.COOKIES.get(HINT_COOKIE, ""))):
        guess = (hint[1], hint[2])
    return guess


def _read_ahead(request) -> tuple[str, str] | None:
    """Reads ahead for the session's account; its (account, language), None when nobody is logged in."""
    session = request.session
    remembered = _remembered_as(session.session_key) if session.session_key else None
    guess = _guessed(request, remembered) if remembered else None
    learned = request.method in SAFE_METHODS
    found = None
    if guess is not None:
        with translation.override(guess[1]):  # a page's route is kept per language
            base = keys_ahead(request, guess[0])
            found = prefetch_with_session(session.cache_key, base + _learned(request, guess[0], learned))
    user_id = session.get(SESSION_KEY)
    if not user_id:
        return None
    seen = (str(user_id), language_chosen(request))
    if len(_accounts) >= REMEMBERED:
        _accounts.clear()
    _accounts[remembered] = seen
    if found is not None and guess == seen:
        prefetch_found(found)
    else:
        with translation.override(seen[1]):
            base = keys_ahead(request, seen[0])
            prefetch(base + _learned(request, seen[0], learned))
    if learned:
        request._kompeten_ahead = (*seen, set(base))  # for `_learn`
    first_visit.read_missing(session)
    return seen


def _learned(request, user_id: str, learned: bool) -> list[str]:
    """The keys `portal.keys_learned` knows for this URL (a GET's), none for a post."""
    return keys_learned.keys_for(request, user_id) if learned else []
