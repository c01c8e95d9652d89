import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from portal.people import roles
from portal.people.access import (
    can_view_employee,
    employees_visible_to,
    get_visible_employee_or_404,
    requires_mfa,
    scope_to_visible_employees,
)
from portal.people.models import Employee

from ..factories import EmployeeFactory, UserFactory


@pytest.fixture
def stranger(make_person, other_unit):
    return make_person(roles.PEGAWAI, unit=other_unit)


@pytest.mark.django_db
def test_an_employee_sees_only_themself(pegawai, atasan, stranger):
    assert list(employees_visible_to(pegawai)) == [pegawai.employee]
    assert not can_view_employee(pegawai, atasan.employee)
    with pytest.raises(Http404):
        get_visible_employee_or_404(pegawai, stranger.employee.pk)


@pytest.mark.django_db
def test_a_supervisor_sees_their_unit_and_reports(pegawai, atasan, stranger, unit):
    colleague = EmployeeFactory(unit=unit)
    visible = set(employees_visible_to(atasan))
    assert {atasan.employee, pegawai.employee, colleague} <= visible
    assert stranger.employee not in visible
    with pytest.raises(Http404):
        get_visible_employee_or_404(atasan, stranger.employee.pk)


@pytest.mark.django_db
def test_a_supervisor_sees_direct_reports_in_other_units(atasan, make_person, other_unit):
    remote = make_person(roles.PEGAWAI, unit=other_unit, supervisor=atasan.employee)
    assert can_view_employee(atasan, remote.employee)


@pytest.mark.django_db
def test_hr_sees_everyone(hr_with_mfa, pegawai, stranger):
    assert employees_visible_to(hr_with_mfa).count() == Employee.objects.count()
    assert get_visible_employee_or_404(hr_with_mfa, stranger.employee.pk) == stranger.employee


@pytest.mark.django_db
def test_hr_without_a_second_factor_sees_only_their_own(client, hr, stranger):
    assert list(employees_visible_to(hr)) == [hr.employee]
    client.force_login(hr)
    assert client.get(f"/tim/{stranger.employee.pk}/").status_code == 404


@pytest.mark.django_db
def test_anonymous_and_unlinked_accounts_see_nothing(pegawai):
    assert not employees_visible_to(AnonymousUser()).exists()
    assert not employees_visible_to(UserFactory()).exists()


@pytest.mark.django_db
def test_garbage_ids_are_404_not_500(pegawai):
    for bad in ("abc", None, "1 OR 1=1"):
        with pytest.raises(Http404):
            get_visible_employee_or_404(pegawai, bad)


@pytest.mark.django_db
def test_scope_narrows_any_queryset_by_its_employee_field(pegawai, stranger):
    scoped = scope_to_visible_employees(pegawai, Employee.objects.all(), field="supervisor")
    assert not scoped.filter(pk=stranger.employee.pk).exists()


@pytest.mark.django_db
def test_staff_roles_require_mfa(hr, pelatih, pegawai):
    admin = UserFactory(is_superuser=True)
    assert requires_mfa(hr) and requires_mfa(admin)
    assert not requires_mfa(pelatih) and not requires_mfa(pegawai)
