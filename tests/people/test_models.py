import pytest
from django.db import IntegrityError, transaction

from portal.people.models import Employee

from ..factories import EmployeeFactory


@pytest.mark.django_db
def test_database_refuses_a_nip_that_is_not_18_digits():
    employee = EmployeeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Employee.objects.filter(pk=employee.pk).update(nip="12345")


@pytest.mark.django_db
def test_nip_is_unique_in_the_database():
    employee = EmployeeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        EmployeeFactory(nip=employee.nip)


@pytest.mark.django_db
def test_a_user_claims_at_most_one_employee(pegawai):
    with pytest.raises(IntegrityError), transaction.atomic():
        EmployeeFactory(user=pegawai)


@pytest.mark.django_db
def test_an_employee_cannot_supervise_themself():
    employee = EmployeeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Employee.objects.filter(pk=employee.pk).update(supervisor=employee)
