"""The vocabulary of the matrix: what a cell expects, who is who, and how a response is judged.

An outcome is one of the words below, or several joined by "|" (any of them will do):
  "200", "400", "401", "403", "404", "405"  that status
  "login"  a redirect to the login (allauth's, or an admin's login address that sends there)
  "mfa"    a redirect to the TOTP set-up (allauth's mfa_activate_totp)
  "302"    a redirect somewhere else (an action that was carried out, or a page that sends on)
  "ok"     200, or a redirect that is neither to the login nor to the TOTP set-up
  "deny"   403, or Wagtail's "no permission" redirect to the admin's home page
"""

from urllib.parse import urlsplit

from django.urls import reverse

from .conftest import (
    ANONIM,
    ATASAN_TANPA_TOTP,
    ATASAN_X,
    ATASAN_Y,
    ATASAN_Z,
    HR_TANPA_TOTP,
    HR_TOTP,
    PEGAWAI_P,
    PEGAWAI_Q,
    PELATIH_T1,
    PELATIH_T2,
    PELATIH_TANPA_TOTP,
    ROLES,
    SUPERUSER,
)

# Roles by what they are, for the builders below.
EMPLOYEES = (PEGAWAI_P, PEGAWAI_Q)
SUPERVISORS = (ATASAN_X, ATASAN_Y, ATASAN_Z)
TRAINERS = (PELATIH_T1, PELATIH_T2)
WITHOUT_TOTP = (ATASAN_TANPA_TOTP, PELATIH_TANPA_TOTP, HR_TANPA_TOTP)
NO_ADMIN = EMPLOYEES + SUPERVISORS  # no role that opens the Wagtail admin
STAFF = (HR_TOTP, SUPERUSER)
LOGGED_IN = tuple(role for role in ROLES if role != ANONIM)


def everyone(outcome: str, **overrides: str) -> dict[str, str]:
    """Every role, anonymous included, gets `outcome` (overrides by role name)."""
    return {**dict.fromkeys(ROLES, outcome), **overrides}


def members(outcome: str, **overrides: str) -> dict[str, str]:
    """A page for anyone logged in: anonymous visitors are sent to the login."""
    return everyone(outcome, **{ANONIM: "login", **overrides})


def admin(*, staff: str = "200", trainers: str = "deny", **overrides: str) -> dict[str, str]:
    """A Wagtail admin screen: no admin role -> 403 at the door, a role without TOTP -> the
    set-up, trainers -> `trainers`, HR with TOTP and the superuser -> `staff`."""
    cells = {ANONIM: "login"}
    cells.update(dict.fromkeys(NO_ADMIN, "403"))
    cells.update(dict.fromkeys(WITHOUT_TOTP, "mfa"))
    cells.update(dict.fromkeys(TRAINERS, trainers))
    cells.update(dict.fromkeys(STAFF, staff))
    return {**cells, **overrides}


def owner_only(outcome: str = "200", *, refused: str = "404", **overrides: str) -> dict[str, str]:
    """An object of pegawai P on the site: P, P's supervisor X, and HR with TOTP (and the
    superuser) see it; anyone else gets `refused`, anonymous visitors the login."""
    cells = members(refused)
    cells.update({PEGAWAI_P: outcome, ATASAN_X: outcome, HR_TOTP: outcome, SUPERUSER: outcome})
    return {**cells, **overrides}


# --- Judging a response ------------------------------------------------------------------------


def _target(response) -> str:
    return urlsplit(response.get("Location", "")).path


def _is_login(path: str) -> bool:
    return path in {reverse("account_login"), "/admin/login/", "/django-admin/login/"}


def matches(response, outcome: str) -> bool:
    status = response.status_code
    redirect = status in (301, 302, 303, 307, 308)
    path = _target(response) if redirect else ""
    for word in outcome.split("|"):
        if word == "login" and redirect and _is_login(path):
            return True
        if word == "mfa" and redirect and path == reverse("mfa_activate_totp"):
            return True
        other_redirect = redirect and not _is_login(path) and path != reverse("mfa_activate_totp")
        if word == "302" and other_redirect:
            return True
        if word == "ok" and (status == 200 or other_redirect):
            return True
        if word == "deny" and (status == 403 or (redirect and path == reverse("wagtailadmin_home"))):
            return True
        if word.isdigit() and status == int(word):
            return True
    return False


def describe(response) -> str:
    if response.status_code in (301, 302, 303, 307, 308):
        return f"{response.status_code} -> {response.get('Location')}"
    return str(response.status_code)
