"""The site's views of gaps and assignments: my own, and a supervisor's team."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from portal.people.access import employee_for, get_visible_employee_or_404, has_role, is_hr
from portal.people.roles import ATASAN
from portal.people.selectors import team_for

from . import selectors


@login_required
@require_GET
def my_competency_view(request):
    employee = employee_for(request.user)
    context = selectors.employee_detail(employee=employee) if employee else {"employee": None}
    return TemplateResponse(request, "appraisal_link/employee_detail.html", {**context, "own": True})


@login_required
@require_GET
def team_view(request):
    if not (has_role(request.user, ATASAN) or is_hr(request.user)):
        raise PermissionDenied
    team = selectors.team_overview(employees=team_for(request.user))
    return TemplateResponse(request, "appraisal_link/team.html", {"team": team})


@login_required
@require_GET
def team_member_view(request, employee_id: int):
    """Someone else's gaps: for their supervisor (their unit or direct reports) or HR; else 404."""
    employee = get_visible_employee_or_404(request.user, employee_id)
    context = selectors.employee_detail(employee=employee)
    return TemplateResponse(request, "appraisal_link/employee_detail.html", {**context, "own": False})
