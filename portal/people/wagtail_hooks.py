from django.urls import path
from wagtail import hooks

from .admin_views import account_create_view, account_unlink_view, activation_code_view
from .choosers import employee_chooser
from .viewsets import OrganisationViewSetGroup


@hooks.register("register_admin_viewset")
def register_organisation():
    return OrganisationViewSetGroup()


@hooks.register("register_admin_viewset")
def register_employee_chooser():
    return employee_chooser


@hooks.register("register_admin_urls")
def register_account_create_url():
    return [
        path("pegawai/<int:pk>/buat-akun/", account_create_view, name="people_account_create"),
        path("pegawai/<int:pk>/kode-aktivasi/", activation_code_view, name="people_activation_code"),
        path("pegawai/<int:pk>/lepas-akun/", account_unlink_view, name="people_account_unlink"),
    ]
