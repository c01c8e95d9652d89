import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.urls import reverse

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


@pytest.fixture
def organisation(make_person, with_totp, unit, other_unit):
    """A unit under its head: two atasan side by side, a chain of two levels below one of them,
    a report of the other, someone in the unit under nobody, and a stranger in another unit.

        head (atasan) ─┬─ atasan ── report ── second_level
                       └─ peer (atasan) ── peer_report
    """
    head = make_person(roles.ATASAN)
    atasan = make_person(roles.ATASAN, supervisor=head.employee)
    peer = make_person(roles.ATASAN, supervisor=head.employee)
    for user in (head, atasan, peer):
        with_totp(user)
    report = make_person(roles.PEGAWAI, supervisor=atasan.employee)
    return {
        "head": head,
        "atasan": atasan,
        "peer": peer,
        "report": report.employee,
        "second_level": EmployeeFactory(unit=other_unit, supervisor=report.employee),
        "peer_report": EmployeeFactory(unit=unit, supervisor=peer.employee),
        "unsupervised": EmployeeFactory(unit=unit, supervisor=None),
        "stranger": EmployeeFactory(unit=other_unit, supervisor=None),
    }


@pytest.mark.django_db
def test_a_supervisor_sees_their_chain_of_reports_not_peers_or_superior(organisation):
    atasan = organisation["atasan"]
    visible = set(employees_visible_to(atasan))
    assert visible == {atasan.employee, organisation["report"], organisation["second_level"]}
    for hidden in ("peer", "head"):
        assert not can_view_employee(atasan, organisation[hidden].employee), hidden
    for hidden in ("peer_report", "unsupervised", "stranger"):
        with pytest.raises(Http404):
            get_visible_employee_or_404(atasan, organisation[hidden].pk)


@pytest.mark.django_db
def test_a_second_level_report_is_visible_in_another_unit(organisation):
    second_level = organisation["second_level"]
    assert second_level.unit_id != organisation["atasan"].employee.unit_id
    assert get_visible_employee_or_404(organisation["atasan"], second_level.pk) == second_level


@pytest.mark.django_db
def test_a_unit_head_who_reports_to_nobody_sees_only_their_chain(organisation):
    head = organisation["head"]
    assert head.employee.supervisor is None
    expected = {
        head.employee,
        organisation["atasan"].employee,
        organisation["peer"].employee,
        organisation["report"],
        organisation["second_level"],
        organisation["peer_report"],
    }
    assert set(employees_visible_to(head)) == expected
    assert not can_view_employee(head, organisation["unsupervised"])


@pytest.mark.django_db
def test_a_cycle_in_the_register_ends_the_walk(organisation):
    atasan, report = organisation["atasan"], organisation["report"]
    # A data error no form allows, written straight to the table: the report supervises their boss.
    Employee.objects.filter(pk=atasan.employee.pk).update(supervisor=organisation["second_level"])
    visible = set(employees_visible_to(atasan))
    assert visible == {atasan.employee, report, organisation["second_level"]}


@pytest.mark.django_db
def test_the_chain_costs_one_query_however_deep(organisation, make_person, django_assert_num_queries):
    atasan = organisation["atasan"]
    employees_visible_to(atasan)  # the user's own record and second factor, once per request
    with django_assert_num_queries(1):
        shallow = list(employees_visible_to(atasan))
    below = organisation["second_level"]
    for _level in range(10):
        below = EmployeeFactory(supervisor=below)
    with django_assert_num_queries(1):
        deep = list(employees_visible_to(atasan))
    assert len(deep) == len(shallow) + 10


@pytest.mark.django_db
def test_a_supervisor_without_a_second_factor_sees_only_themself(atasan, pegawai):
    assert pegawai.employee.supervisor == atasan.employee
    assert list(employees_visible_to(atasan)) == [atasan.employee]


@pytest.mark.django_db
def test_a_supervisor_sees_direct_reports_in_other_units(atasan_with_mfa, make_person, other_unit):
    remote = make_person(roles.PEGAWAI, unit=other_unit, supervisor=atasan_with_mfa.employee)
    assert can_view_employee(atasan_with_mfa, remote.employee)


@pytest.mark.django_db
def test_hr_sees_everyone(hr_with_mfa, pegawai, stranger):
    assert employees_visible_to(hr_with_mfa).count() == Employee.objects.count()
    assert get_visible_employee_or_404(hr_with_mfa, stranger.employee.pk) == stranger.employee


@pytest.mark.django_db
def test_hr_without_a_second_factor_sees_only_their_own(client, hr, stranger):
    assert list(employees_visible_to(hr)) == [hr.employee]
    client.force_login(hr)
    response = client.get(f"/tim/{stranger.employee.pk}/")
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


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
def test_every_role_that_sees_others_data_requires_mfa(make_person):
    for role in (roles.PELATIH, roles.ATASAN, roles.HR, roles.KOMUNIKASI):
        assert requires_mfa(make_person(role)), role
    assert requires_mfa(UserFactory(is_superuser=True))
    assert not requires_mfa(make_person(roles.PEGAWAI))
