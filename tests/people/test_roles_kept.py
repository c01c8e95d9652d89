"""A user's roles kept in the cache (portal.people.roles_kept): no query once read, and every change
of membership or of a group applies from the next request, from whichever side it is made."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction

from portal.people import roles
from portal.people.access import user_roles
from portal.people.models import User

pytestmark = pytest.mark.django_db


def fresh_roles(user) -> frozenset[str]:
    """As a new request sees them: a new user object, nothing kept on it."""
    return user_roles(User.objects.get(pk=user.pk))


def test_roles_cost_no_query_once_kept(pegawai, django_assert_num_queries):
    assert fresh_roles(pegawai) == {roles.PEGAWAI}
    user = User.objects.get(pk=pegawai.pk)
    with django_assert_num_queries(0):
        assert user_roles(user) == {roles.PEGAWAI}


def test_every_change_of_membership_applies_at_once(pegawai):
    hr = Group.objects.get(name=roles.HR)
    assert fresh_roles(pegawai) == {roles.PEGAWAI}
    pegawai.groups.add(hr)
    assert fresh_roles(pegawai) == {roles.PEGAWAI, roles.HR}
    hr.user_set.remove(pegawai)
    assert fresh_roles(pegawai) == {roles.PEGAWAI}
    hr.user_set.add(pegawai)
    assert roles.HR in fresh_roles(pegawai)
    pegawai.groups.set([Group.objects.get(name=roles.PEGAWAI)])
    assert fresh_roles(pegawai) == {roles.PEGAWAI}
    pegawai.groups.clear()
    assert fresh_roles(pegawai) == frozenset()


def test_a_renamed_or_deleted_group_applies_at_once(pegawai):
    extra = Group.objects.create(name="Tamu")
    pegawai.groups.add(extra)
    assert "Tamu" in fresh_roles(pegawai)
    extra.name = "Pengunjung"
    extra.save()
    assert "Pengunjung" in fresh_roles(pegawai) and "Tamu" not in fresh_roles(pegawai)
    extra.delete()
    assert fresh_roles(pegawai) == {roles.PEGAWAI}


# Serialized rollback: the flush after it must not re-create content types under new ids.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_roles_read_before_a_change_commits_are_not_kept_after_it(make_person):
    if connection.vendor != "postgresql":
        pytest.skip("needs two transactions at once on one table (PostgreSQL, as in CI)")
    hr = make_person(roles.HR)
    seen = []

    def another_request():  # its own connection: it sees only what is committed
        seen.append(fresh_roles(hr))
        connection.close()

    with transaction.atomic():
        hr.groups.remove(Group.objects.get(name=roles.HR))
        request = threading.Thread(target=another_request)
        request.start()
        request.join()
    assert roles.HR in seen[0]
    assert roles.HR not in fresh_roles(hr)


def test_a_role_taken_away_closes_the_admin_at_the_next_request(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    assert client.get("/admin/pegawai/").status_code == 200
    hr_with_mfa.groups.remove(Group.objects.get(name=roles.HR))
    assert client.get("/admin/pegawai/").status_code in (302, 403)
