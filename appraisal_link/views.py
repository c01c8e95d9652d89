"""The site's views of gaps and assignments: my own, and a supervisor's team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from portal.people.access import employee_for, get_visible_employee_or_404, has_role, is_hr, mfa_setup_pending
from portal.people.middleware import MFA_REQUIRED_MESSAGE
from portal.people.roles import ATASAN, HR
from portal.people.selectors import team_for

from . import selectors
from .feedback.peer import published_reviews_of
from .feedback.selectors import officer_results_for


def _totp_set_up_first(request):
    """A supervisor (or HR) without a second factor is sent to the TOTP set-up, with the reason,
    rather than shown an empty team or a 404: their role sees others' data only with TOTP."""
    user = request.user
    has_team_role = user.is_superuser or has_role(user, ATASAN) or has_role(user, HR)
    if has_team_role and mfa_setup_pending(user):
        messages.warning(request, MFA_REQUIRED_MESSAGE)
        return redirect(reverse("mfa_activate_totp"))
    return None


@login_required
@require_GET
def my_competency_view(request):
    employee = employee_for(request.user)
    context = selectors.employee_detail(employee=employee) if employee else {"employee": None}
    if employee:
        context["officer"] = officer_results_for(employee=employee)
    return TemplateResponse(request, "appraisal_link/employee_detail.html", {**context, "own": True})


@login_required
@require_GET
def team_view(request):
    if (set_up := _totp_set_up_first(request)) is not None:
        return set_up
    if not (has_role(request.user, ATASAN) or is_hr(request.user)):
        raise PermissionDenied
    team = selectors.team_overview(employees=team_for(request.user))
    return TemplateResponse(request, "appraisal_link/team.html", {"team": team})


@login_required
@require_GET
def team_member_view(request, employee_id: int):
    """Someone else's gaps: for the supervisor their chain leads to, or HR; else 404."""
    if (set_up := _totp_set_up_first(request)) is not None:
        return set_up
    employee = get_visible_employee_or_404(request.user, employee_id)
    context = selectors.employee_detail(employee=employee)
    supervisor = employee.supervisor
    if supervisor is not None and supervisor.user_id == request.user.pk:
        # The public's verdict on an officer, and the colleagues' feedback, reach the employee and
        # their own supervisor only.
        context["officer"] = officer_results_for(employee=employee)
        context["peer_reviews"] = published_reviews_of(employee=employee)
    return TemplateResponse(request, "appraisal_link/employee_detail.html", {**context, "own": False})
