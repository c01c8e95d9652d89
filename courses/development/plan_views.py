"""The site's pages of the yearly development plan: the employee's own (draft, add and remove items,
submit, reopen), a supervisor's list of their reports' plans, and one plan to review (the direct
supervisor decides; HR may read every plan). Someone else's plan is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal import rules
from portal.people.access import employee_for, employee_or_404, is_hr, is_supervisor

from . import selectors, services
from .models import DevelopmentPlan
from .plan_forms import PlanDecisionForm, PlanItemForm


def _me(request):
    return employee_or_404(request.user)


def _year(request) -> int:
    value = request.GET.get("tahun") or request.POST.get("tahun") or ""
    this_year = timezone.localdate().year
    return int(value) if value.isdigit() and this_year - 1 <= int(value) <= this_year + 1 else this_year


def _item_form(request, me, data=None):
    return PlanItemForm(data, employee=me, competencies=selectors.competencies_for(employee=me))


@login_required
@require_GET
def plan_mine_view(request):
    me = _me(request)
    year = _year(request)
    context = {
        "year": year,
        "plan": selectors.plan_of(employee=me, year=year),
        "form": _item_form(request, me),
        "target": rules.jp_target(),
    }
    return TemplateResponse(request, "development/plan_mine.html", context)


@login_required
@require_POST
def plan_item_add_view(request):
    me = _me(request)
    year = _year(request)
    form = _item_form(request, me, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.plan_item_add(
                plan=services.plan_for(employee=me, year=year),
                quarter=data["quarter"],
                jp=data["jp"],
                gap=data["gap"],
                competency=data["competency"],
                goal=data["goal"],
                course=data["course"],
                activity_kind=data["activity_kind"],
                activity_title=data["activity_title"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Kegiatan ditambahkan ke rencana %(year)s.") % {"year": year})
            return redirect(f"{reverse('plan_mine')}?tahun={year}")
    context = {
        "year": year,
        "plan": selectors.plan_of(employee=me, year=year),
        "form": form,
        "target": rules.jp_target(),
    }
    return TemplateResponse(request, "development/plan_mine.html", context, status=400)


def _my_plan(request) -> DevelopmentPlan:
    return get_object_or_404(DevelopmentPlan, employee=_me(request), year=_year(request))


def _back(plan: DevelopmentPlan):
    return redirect(f"{reverse('plan_mine')}?tahun={plan.year}")


@login_required
@require_POST
def plan_item_remove_view(request, item_id: int):
    plan = _my_plan(request)
    try:
        services.plan_item_remove(plan=plan, item_id=item_id)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return _back(plan)


@login_required
@require_POST
def plan_submit_view(request):
    plan = _my_plan(request)
    try:
        services.plan_submit(plan=plan)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Rencana diajukan ke atasan Anda."))
    return _back(plan)


@login_required
@require_POST
def plan_reopen_view(request):
    plan = services.plan_reopen(plan=_my_plan(request))
    messages.success(request, _("Rencana dibuka untuk diubah; ajukan lagi setelah selesai."))
    return _back(plan)


@login_required
@require_GET
def plan_team_view(request):
    if not is_supervisor(request.user):
        raise PermissionDenied
    year = _year(request)
    people = selectors.team_plans(supervisor=employee_for(request.user), year=year)
    return TemplateResponse(request, "development/plan_team.html", {"people": people, "year": year})


@login_required
@require_http_methods(["GET", "POST"])
def plan_review_view(request, plan_id: int):
    plan = get_object_or_404(DevelopmentPlan.objects.select_related("employee__unit", "employee__position"), pk=plan_id)
    if not selectors.can_see(request.user, plan):
        raise Http404
    form = PlanDecisionForm(request.POST or None)
    if request.method == "POST":
        if not selectors.can_review(request.user, plan):
            raise Http404
        if form.is_valid():
            try:
                if request.POST.get("keputusan") == "setujui":
                    services.plan_approve(plan=plan, by=request.user, note=form.cleaned_data["note"])
                    messages.success(request, _("Rencana %(name)s disetujui.") % {"name": plan.employee.name})
                else:
                    services.plan_request_changes(plan=plan, by=request.user, note=form.cleaned_data["note"])
                    messages.success(
                        request, _("Permintaan perbaikan dikirim ke %(name)s.") % {"name": plan.employee.name}
                    )
            except ValidationError as error:
                messages.error(request, error.messages[0])
            return redirect("plan_review", plan_id=plan.pk)
    context = {
        "plan": selectors.plans_progress([plan])[0],
        "form": form,
        "can_review": selectors.can_review(request.user, plan),
        "is_hr": is_hr(request.user),
        "target": rules.jp_target(),
    }
    return TemplateResponse(request, "development/plan_review.html", context)
