"""HR's admin page that opens an account for an employee."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services
from .access import is_hr
from .forms import AccountCreateForm
from .models import Employee


def account_create_view(request, pk: int):
    if not is_hr(request.user):
        raise PermissionDenied
    employee = get_object_or_404(Employee.objects.select_related("unit", "position"), pk=pk)
    form = AccountCreateForm(request.POST or None)
    if employee.user_id is not None:
        messages.info(request, _("Pegawai ini sudah memiliki akun."))
        return redirect(reverse("pegawai:edit", args=[employee.pk]))
    if request.method == "POST" and form.is_valid():
        try:
            services.account_create_for_employee(employee=employee, email=form.cleaned_data["email"])
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("Akun untuk %(name)s dibuat; tautan untuk membuat kata sandi dikirim ke %(email)s.")
                % {"name": employee.name, "email": form.cleaned_data["email"]},
            )
            return redirect(reverse("pegawai:edit", args=[employee.pk]))
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request, "people/admin/account_create.html", {"employee": employee, "form": form}, status=status
    )
