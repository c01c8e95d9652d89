"""One set of fixtures for the whole suite."""

import pytest
from allauth.mfa.models import Authenticator

from portal.people import roles

from .factories import PASSWORD, EmployeeFactory, UnitFactory, UserFactory


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def unit(db):
    return UnitFactory(name="Dinas Komunikasi dan Informatika", code="diskominfo")


@pytest.fixture
def other_unit(db):
    return UnitFactory(name="Kecamatan Gabek", code="kec-gabek")


@pytest.fixture
def make_person(db, unit):
    """An employee with an account in `role`; returns the user (its employee at user.employee)."""

    def make(role=roles.PEGAWAI, *, unit=unit, supervisor=None, **user_kwargs):
        user = UserFactory(roles=[role] if role else [], **user_kwargs)
        EmployeeFactory(user=user, unit=unit, supervisor=supervisor, name=user.first_name)
        return user

    return make


@pytest.fixture
def pegawai(make_person, atasan):
    return make_person(roles.PEGAWAI, supervisor=atasan.employee)


@pytest.fixture
def atasan(make_person):
    return make_person(roles.ATASAN)


@pytest.fixture
def pelatih(make_person):
    return make_person(roles.PELATIH)


@pytest.fixture
def hr(make_person):
    return make_person(roles.HR)


@pytest.fixture
def with_totp():
    """Give a user a TOTP authenticator, as if they had completed the MFA set-up."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    def give(user):
        return TOTP.activate(user, generate_totp_secret()).instance

    return give


@pytest.fixture
def hr_with_mfa(hr, with_totp):
    with_totp(hr)
    assert Authenticator.objects.filter(user=hr, type=Authenticator.Type.TOTP).exists()
    return hr
