"""Wagtail admin screens for the organisation: units, positions and employees (HR)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import services
from .anonymising import is_anonymised
from .models import Employee, Position, Unit


class UnitViewSet(ModelViewSet):
    model = Unit
    name = "unit-kerja"
    icon = "site"
    menu_label = _("Unit kerja")
    list_display = ["name", "code", "parent"]
    # Name or code, with the ORM: the code is not in the search index (a few hundred rows at most).
    search_fields = ["name", "code"]
    search_backend_name = None
    list_filter = ["parent"]
    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("parent")]


class PositionViewSet(ModelViewSet):
    model = Position
    name = "jabatan"
    icon = "tag"
    menu_label = _("Jabatan")
    list_display = ["name", "code", "kind"]
    search_fields = ["name", "code"]  # with the ORM, as the units'
    search_backend_name = None
    list_filter = ["kind"]
    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("kind")]


class AccountColumn(Column):
    """The account of an employee, or HR's link to open one."""

    cell_template_name = "people/admin/account_cell.html"


class EmployeeEditView(EditView):
    """Saving the form with "aktif" switched goes through the service, so that a deactivation
    also locks the account and ends its sessions at once (and a reactivation reopens it). An
    anonymised person is gone: their record is kept for the reports, and nobody edits it back."""

    def dispatch(self, request, *args, **kwargs):
        if is_anonymised(self.get_object()):
            messages.info(request, _("Data pegawai ini sudah dianonimkan dan tidak dapat diubah."))
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        was_active = self.form.initial.get("is_active", True)
        instance = super().save_instance()
        if was_active and not instance.is_active:
            services.employee_deactivate(employee=instance, by=self.request.user)
        elif instance.is_active and not was_active:
            services.employee_reactivate(employee=instance, by=self.request.user)
        return instance


class EmployeeViewSet(ModelViewSet):
    model = Employee
    name = "pegawai"
    icon = "user"
    menu_label = _("Pegawai")
    list_display = ["name", "nip", "unit", "position", AccountColumn("user", label=_("Akun"))]
    list_filter = ["unit", "position", "is_active"]
    search_fields = ["name", "nip"]
    list_per_page = 50
    edit_view_class = EmployeeEditView
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("nip"), FieldPanel("name")]),
                FieldPanel("email"),
                FieldPanel("grade"),
                FieldPanel("is_active"),
            ],
            heading=_("Identitas"),
        ),
        MultiFieldPanel(
            [FieldPanel("unit"), FieldPanel("position"), FieldPanel("supervisor")],
            heading=_("Penempatan"),
        ),
    ]

    def get_index_view_kwargs(self, **kwargs):
        # One query for the listing, not one per row for unit, position and account.
        queryset = Employee.objects.select_related("unit", "position", "user")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class OrganisationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Organisasi")
    menu_icon = "group"
    menu_order = 300
    items = (EmployeeViewSet, UnitViewSet, PositionViewSet)
