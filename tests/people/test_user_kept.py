"""Each request's account kept in the cache (portal.people.user_kept): no query once read, and
every change of the account (its password, whether it may log in, its deletion, its staff rights)
applies from the next request, as when it was read from the database."""

import threading

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, load_backend
from django.contrib.auth.backends import ModelBackend
from django.db import connection, transaction

from portal.people import roles
from portal.people.models import User
from portal.people.services.access_end import employee_deactivate
from portal.people.user_kept import users_changed

pytestmark = pytest.mark.django_db

PAGE = "/dasbor/"


def logged_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_account_costs_no_query_once_kept(client, pegawai, django_assert_num_queries):
    client.force_login(pegawai)
    assert client.get(PAGE).status_code == 200
    with django_assert_num_queries(0):  # the dashboard is kept too (portal.dashboard)
        assert client.get(PAGE).status_code == 200


def test_a_password_changed_elsewhere_ends_the_session_at_its_next_request(client, pegawai):
    client.force_login(pegawai)
    assert client.get(PAGE).status_code == 200
    pegawai.set_password("kata-sandi-baru-yang-panjang")
    pegawai.save()
    assert logged_out(client.get(PAGE))


def test_an_account_switched_off_or_deleted_ends_the_session_at_its_next_request(client, make_person):
    person = make_person(roles.PEGAWAI)
    client.force_login(person)
    assert client.get(PAGE).status_code == 200
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert logged_out(client.get(PAGE))

    other = make_person(roles.PEGAWAI)
    client.force_login(other)
    assert client.get(PAGE).status_code == 200
    other.delete()
    assert logged_out(client.get(PAGE))


def test_an_account_switched_off_by_an_update_is_renewed_by_its_writer(client, pegawai, hr):
    client.force_login(pegawai)
    assert client.get(PAGE).status_code == 200
    User.objects.filter(pk=pegawai.pk).update(is_active=False)
    users_changed([pegawai.pk])  # as access_end does: an UPDATE sends no signal
    assert logged_out(client.get(PAGE))


def test_an_employee_deactivated_by_hr_is_logged_out_at_once(client, pegawai, hr):
    client.force_login(pegawai)
    assert client.get(PAGE).status_code == 200
    employee_deactivate(employee=pegawai.employee, by=hr)
    assert logged_out(client.get(PAGE))
    client.force_login(User.objects.get(pk=pegawai.pk))  # even a session made after it
    assert logged_out(client.get(PAGE))


def test_a_name_changed_shows_at_the_next_request(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    assert client.get(PAGE).status_code == 200
    hr_with_mfa.first_name = "Nama Baru"
    hr_with_mfa.save()
    response = client.get(PAGE)
    assert response.wsgi_request.user.first_name == "Nama Baru"


def test_every_backend_reads_the_account_by_its_id_alone():
    """What `session_user` keeps per account, whichever backend logged the session in."""
    for path in settings.AUTHENTICATION_BACKENDS:
        assert type(load_backend(path)).get_user is ModelBackend.get_user, path


def test_a_session_of_either_backend_is_served_and_an_unknown_one_is_not(client, pegawai):
    for path in settings.AUTHENTICATION_BACKENDS:
        client.force_login(pegawai, backend=path)
        assert client.get(PAGE).status_code == 200
        assert client.get(PAGE).wsgi_request.user == pegawai
    session = client.session
    session[BACKEND_SESSION_KEY] = "portal.people.backends.SomethingElse"
    session.save()
    assert logged_out(client.get(PAGE))


def test_a_session_signed_with_an_old_secret_is_renewed_and_a_forged_one_flushed(client, pegawai, settings):
    client.force_login(pegawai)
    assert client.get(PAGE).status_code == 200
    old_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    assert client.get(PAGE).status_code == 200  # the hash made with the old key still holds
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != old_key  # and the session was renewed
    assert client.session[HASH_SESSION_KEY] == User.objects.get(pk=pegawai.pk).get_session_auth_hash()
    session = client.session
    session[HASH_SESSION_KEY] = "0" * 64
    session.save()
    assert logged_out(client.get(PAGE))


# Serialized rollback: the flush after it must not re-create content types under new ids.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_account_read_before_a_change_commits_is_not_kept_after_it(client, make_person):
    if connection.vendor != "postgresql":
        pytest.skip("needs two transactions at once on one table (PostgreSQL, as in CI)")
    person = make_person(roles.PEGAWAI)
    client.force_login(person)
    seen = []

    def another_request():  # its own connection: it sees only what is committed
        seen.append(client.get(PAGE).status_code)
        connection.close()

    with transaction.atomic():
        person.is_active = False
        person.save(update_fields=["is_active"])
        request = threading.Thread(target=another_request)
        request.start()
        request.join()
    assert seen == [200]  # it read the account still active, and kept it
    assert logged_out(client.get(PAGE))
