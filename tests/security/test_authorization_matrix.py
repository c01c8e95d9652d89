"""The authorization matrix: every URL of the portal × every role has an expected outcome.

The URLs come from the resolver (inventory.py), the expectations from the table
(expectations.py for the site, admin_expectations.py for the admin and the API), the people and
their records from one world (conftest.py). A URL without an expectation fails the suite; so does
a URL that names an object without saying whose it is; and another person's object is a 404.
"""

import json

import pytest

from .admin_expectations import EXPECTATIONS
from .conftest import ATASAN_X, HR_TOTP, PEGAWAI_P, PELATIH_T2, ROLES
from .inventory import DJANGO_ADMIN_BLOCK, WAGTAIL_ADMIN_BLOCK, url_patterns
from .outcomes import describe, matches

REFUSALS = {"login", "mfa", "401", "403", "404", "405", "deny"}
# Answers that refuse at an area's door, whatever the object: a role that gets one of these for its
# own object's URL cannot tell another person's object from a missing one either.
DOOR = {"login", "mfa", "403", "deny", "401"}
OWNERSHIP_ROLES = (PEGAWAI_P, ATASAN_X, PELATIH_T2)


def _case_id(key, case) -> str:
    return f"{key}[{case.label}]" if case.label else key


CASES = [(key, case) for key, cases in EXPECTATIONS.items() for case in cases]
CELLS = [pytest.param(key, case, role, id=f"{_case_id(key, case)}-{role}") for key, case in CASES for role in ROLES]
POST_ONLY = [pytest.param(key, case, id=_case_id(key, case)) for key, case in CASES if case.method == "POST"]
OWNERSHIP = [
    pytest.param(key, case, role, id=f"{_case_id(key, case)}-{role}")
    for key, case in CASES
    if case.others is not None
    for role in OWNERSHIP_ROLES
]


def _request(client, method: str, url: str, data=None):
    if method == "GET":
        return client.get(url)
    if isinstance(data, list):
        return client.post(url, json.dumps(data), content_type="application/json")
    return client.post(url, data or {})


def _is_refusal(outcome: str) -> bool:
    return set(outcome.split("|")) <= REFUSALS


def test_every_url_has_an_expectation():
    """A URL added without an entry in the table fails here (and an entry whose URL is gone)."""
    in_resolver = {pattern.key for pattern in url_patterns()}
    in_table = set(EXPECTATIONS)
    missing = sorted(in_resolver - in_table)
    stale = sorted(in_table - in_resolver)
    assert not missing, (
        f"URLs without an expectation: {missing}. Add each to EXPECTATIONS in "
        "tests/security/expectations.py (site) or tests/security/admin_expectations.py (admin, API), "
        "with the outcome for every role."
    )
    assert not stale, f"Expectations for URLs that no longer exist: {stale}. Remove them from the table."


def test_every_object_url_says_whose_object_it_names():
    """A URL with a parameter names an object: the table gives another person's object of its kind
    (for the 404 test below), or says why it belongs to no one."""
    with_parameters = {
        p.key for p in url_patterns() if ("<" in p.route or "(" in p.route) and p.key in EXPECTATIONS
    } - {DJANGO_ADMIN_BLOCK, WAGTAIL_ADMIN_BLOCK, "wagtail_serve"}
    silent = sorted(
        _case_id(key, case)
        for key in with_parameters
        for case in EXPECTATIONS[key]
        if case.others is None and not case.public
    )
    assert not silent, f"Say whose object these URLs name (`others=` or `public=` in the table): {silent}"


def test_every_cell_names_every_role():
    incomplete = sorted(_case_id(key, case) for key, case in CASES if set(case.outcomes) != set(ROLES))
    assert not incomplete, f"Give an outcome for every role of conftest.ROLES: {incomplete}"


@pytest.mark.parametrize(("key", "case", "role"), CELLS)
def test_matrix(key, case, role, world, as_role):
    client = as_role(role)
    url = case.url(world)
    expected = case.outcomes[role]
    check = case.unchanged if case.method == "POST" and case.unchanged and _is_refusal(expected) else None
    before = check(world) if check else None
    response = _request(client, case.method, url, case.data(world) if case.data else None)
    assert matches(response, expected), f"{case.method} {url} as {role}: expected {expected}, got {describe(response)}"
    if check:
        assert check(world) == before, f"{case.method} {url} as {role} was refused but changed the data"


@pytest.mark.parametrize(("key", "case"), POST_ONLY)
def test_post_only_urls_refuse_get(key, case, world, as_role):
    """An action is a POST: a GET (even by HR with TOTP) does nothing."""
    client = as_role(HR_TOTP)
    before = case.unchanged(world) if case.unchanged else None
    url = case.url(world)
    response = client.get(url)
    assert matches(response, case.get), f"GET {url}: expected {case.get}, got {describe(response)}"
    if case.unchanged:
        assert case.unchanged(world) == before


@pytest.mark.parametrize(("key", "case", "role"), OWNERSHIP)
def test_another_persons_object_is_404(key, case, role, world, as_role):
    """Another person's object answers 404, as one that does not exist would, and is left as it
    was; a role refused at the area's door for its own objects gets the same refusal here."""
    client = as_role(role)
    own = case.outcomes[role]
    expected = own if set(own.split("|")) <= DOOR else "404"
    for url in case.others(world):
        before = case.unchanged(world) if case.unchanged else None
        response = _request(client, case.method, url, case.data(world) if case.data else None)
        assert matches(response, expected), (
            f"{case.method} {url} (another person's) as {role}: expected {expected}, got {describe(response)}"
        )
        if case.unchanged:
            assert case.unchanged(world) == before
