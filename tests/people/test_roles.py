import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission

from portal.people import roles


@pytest.mark.django_db
def test_role_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_ROLES)


@pytest.mark.django_db
def test_hr_manages_the_organisation_in_the_admin():
    hr = Group.objects.get(name=roles.HR)
    codenames = set(hr.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_employee", "change_employee", "change_unit", "change_position"} <= codenames


@pytest.mark.django_db
def test_trainer_reaches_the_admin_but_not_the_organisation():
    pelatih = Group.objects.get(name=roles.PELATIH)
    codenames = set(pelatih.permissions.values_list("codename", flat=True))
    assert "access_admin" in codenames
    assert not codenames & {"add_employee", "change_employee", "change_unit"}
    assert GroupCollectionPermission.objects.filter(group=pelatih, permission__codename="add_image").exists()


@pytest.mark.django_db
def test_employees_and_supervisors_have_no_admin_access():
    for name in (roles.PEGAWAI, roles.ATASAN):
        assert not Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()
