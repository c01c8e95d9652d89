"""What a browser does besides fetching, for the load test's simulated people: keep cookies and read
the forms of a page. No Django and no locust here, so it imports cheaply in every locust process.

Cookies are kept by hand: the server is spoken to over plain HTTP with `X-Forwarded-Proto: https`,
as the TLS proxy in front of gunicorn does, and a cookie jar would never send back the Secure
cookies (session, CSRF) that production settings set.
"""

import base64
import hashlib
import hmac
import re
import struct
import time
from http.cookies import SimpleCookie

# The learner's forms, by the action they post to (courses/urls.py).
_ACTIONS = {"kuis": "quiz", "selesai": "done", "daftar": "enrol"}
_FORM = re.compile(r'<form method="post" action="(/kursus/aksi/(kuis|selesai|daftar)/\d+/)"[^>]*>(.*?)</form>', re.S)
_FIELD = re.compile(r'<input type="hidden" name="(csrfmiddlewaretoken|attempt)" value="([^"]*)"')
_ERROR = re.compile(r'class="message message-error"[^>]*>(.*?)</', re.S)
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Cookies:
    """The cookies the server set, sent back on every request; a cookie it expires is dropped."""

    def __init__(self, initial: dict[str, str]):
        self.values = dict(initial)

    def update(self, set_cookie_headers: list[str]) -> None:
        for header in set_cookie_headers:
            parsed = SimpleCookie()
            parsed.load(header)
            for name, morsel in parsed.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.values.pop(name, None)
                else:
                    self.values[name] = morsel.value

    def header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.values.items())


def form_of(html: str) -> dict | None:
    """The page's learner form (take the quiz, mark the lesson done, enrol), with its hidden fields:
    {"kind": "quiz"|"done"|"enrol", "action": url, "fields": {...}}; None when it has none."""
    match = _FORM.search(html)
    if match is None:
        return None
    action, verb, body = match.groups()
    return {"kind": _ACTIONS[verb], "action": action, "fields": dict(_FIELD.findall(body))}


def error_of(html: str) -> str | None:
    """The page's error message (a refused post is redirected to one), or None."""
    match = _ERROR.search(html)
    return match.group(1).strip() if match else None


def csrf_of(html: str) -> str | None:
    """The CSRF token of the page's first form."""
    match = _CSRF.search(html)
    return match.group(1) if match else None


def totp(secret: str, *, at: float | None = None) -> str:
    """The code an authenticator app shows now (RFC 6238: HMAC-SHA1, 30 s, 6 digits, as allauth)."""
    counter = struct.pack(">Q", int(time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret, casefold=True), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"
