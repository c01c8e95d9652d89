"""HR's admin page that anonymises an employee who has left (a confirm page, then POST)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.people.admin_access import hr_required
from portal.people.anonymising import is_anonymised
from portal.people.models import Employee

from .anonymising import employee_anonymise


@require_http_methods(["GET", "POST"])
@hr_required
def employee_anonymise_view(request, pk: int):
    """GET: what will go and what stays, and the button (only for someone who left). POST: do it."""
    employee = get_object_or_404(Employee.objects.select_related("unit", "position", "user"), pk=pk)
    status = 200
    if request.method == "POST":
        old_name = employee.name
        try:
            employee_anonymise(employee=employee, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 400
        else:
            messages.success(
                request,
                _("Data %(name)s telah dianonimkan; laporan agregat tetap menghitungnya.") % {"name": old_name},
            )
            return redirect(reverse("pegawai:edit", args=[employee.pk]))
    return TemplateResponse(
        request,
        "privacy/admin/employee_anonymise.html",
        {"employee": employee, "already": is_anonymised(employee)},
        status=status,
    )
