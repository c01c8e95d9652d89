"""The site's pages of learning outside the portal: an employee's records and the form to add one,
the proof (for the employee, their supervisor and HR; anyone else a 404), and the verifier's list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.people.access import employee_or_404, is_hr, is_supervisor
from portal.private_files import private_file_response

from ..ledger import jp_of
from . import selectors
from .forms import ActivityForm, RejectForm
from .models import ExternalActivity
from .services import activity_record, activity_reject, activity_verify


def _me(request):
    return employee_or_404(request.user)


@login_required
@require_GET
def activity_list_view(request):
    me = _me(request)
    year = timezone.localdate().year
    context = {
        "activities": selectors.activities_of(employee=me),
        "year": year,
        "ledger": jp_of(employee=me, year=year),
    }
    return TemplateResponse(request, "external/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def activity_new_view(request):
    me = _me(request)
    form = ActivityForm(
        request.POST or None,
        request.FILES or None,
        competencies=selectors.competencies_for(employee=me),
        plan_items=selectors.plan_items_to_link(employee=me),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            activity = activity_record(
                employee=me,
                kind=data["kind"],
                title=data["title"],
                organiser=data["organiser"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                jp=data["jp"],
                minutes=None if data["jp"] is not None else form.minutes,
                competency_ids=[c.pk for c in data["competencies"]],
                proof=data["proof"],
                plan_item=data.get("plan_item"),
                certificate_number=data["certificate_number"],
                certificate_date=data["certificate_date"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            waiting = _("Atasan Anda diberi tahu.") if me.supervisor_id else _("BKPSDM akan memeriksanya.")
            messages.success(
                request,
                _("“%(title)s” (%(jp)s JP) tercatat dan menunggu verifikasi. %(who)s")
                % {"title": activity.title, "jp": activity.jp, "who": waiting},
            )
            return redirect("external_list")
    status = 400 if form.errors else 200
    return TemplateResponse(request, "external/new.html", {"form": form}, status=status)


@login_required
@require_GET
def proof_view(request, pk: int):
    activity = get_object_or_404(ExternalActivity.objects.select_related("employee"), pk=pk)
    if not selectors.can_see_proof(request.user, activity):
        raise Http404
    response = private_file_response(
        activity.proof, filename=f"bukti-{activity.pk}{_suffix(activity.proof.name)}", as_attachment=False
    )
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; object-src 'self'; sandbox"
    return response


def _suffix(name: str) -> str:
    return name[name.rfind(".") :] if "." in name else ""


@login_required
@require_GET
def verify_list_view(request):
    if not (is_hr(request.user) or is_supervisor(request.user)):
        raise PermissionDenied
    page = Paginator(selectors.pending_for(request.user), 30).get_page(request.GET.get("halaman"))
    context = {"page": page, "reject_form": RejectForm()}
    return TemplateResponse(request, "external/verify.html", context)


@login_required
@require_POST
def verify_view(request, pk: int):
    activity = get_object_or_404(ExternalActivity.objects.select_related("employee"), pk=pk)
    if not selectors.can_decide(request.user, activity):
        raise Http404
    try:
        if request.POST.get("keputusan") == "setujui":
            closed = activity_verify(activity=activity, by=request.user)
            text = _("%(name)s: “%(title)s” diverifikasi, %(jp)s JP dihitung.") % {
                "name": activity.employee.name,
                "title": activity.title,
                "jp": activity.jp,
            }
            if closed:
                text += " " + _("%(count)s kesenjangan tertutup.") % {"count": closed}
            messages.success(request, text)
        else:
            form = RejectForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            activity_reject(activity=activity, by=request.user, reason=reason)
            messages.success(
                request, _("%(name)s: “%(title)s” ditolak.") % {"name": activity.employee.name, "title": activity.title}
            )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("external_verify_list")
