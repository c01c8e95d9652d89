"""HR's admin pages for an employee's account: open one, issue an activation code for a
self sign-up, or unlink an account that was claimed by the wrong person. Each is a confirm page
(GET) and a POST that calls a service."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import services
from .admin_access import hr_required
from .forms import AccountCreateForm
from .models import Employee


@hr_required
def account_create_view(request, pk: int):
    employee = get_object_or_404(Employee.objects.select_related("unit", "position"), pk=pk)
    form = AccountCreateForm(request.POST or None, initial={"email": employee.email})
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


@never_cache
@require_http_methods(["GET", "POST"])
@hr_required
def activation_code_view(request, pk: int):
    """GET: what a code is for. POST: issue one and show it once, on a page made for printing."""
    employee = get_object_or_404(Employee.objects.select_related("unit", "position"), pk=pk)
    context = {"employee": employee, "code": None, "days": settings.KOMPETEN_ACTIVATION_CODE_DAYS}
    status = 200
    if request.method == "POST":
        try:
            context["code"] = services.activation_code_issue(employee=employee, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 400
        else:
            context["expires_at"] = employee.activation_codes.get(used_at__isnull=True).expires_at
    return TemplateResponse(request, "people/admin/activation_code.html", context, status=status)


@require_http_methods(["GET", "POST"])
@hr_required
def account_unlink_view(request, pk: int):
    """GET: whose account, and what unlinking does. POST: unlink it (logs its sessions out)."""
    employee = get_object_or_404(Employee.objects.select_related("unit", "position", "user"), pk=pk)
    status = 200
    if request.method == "POST":
        try:
            services.employee_account_unlink(employee=employee, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 400
        else:
            messages.success(
                request,
                _("Akun dilepas dari %(name)s dan dinonaktifkan; semua sesinya berakhir.") % {"name": employee.name},
            )
            return redirect(reverse("pegawai:edit", args=[employee.pk]))
    return TemplateResponse(request, "people/admin/account_unlink.html", {"employee": employee}, status=status)
