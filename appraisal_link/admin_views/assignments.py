"""HR's list of training assignments: filter, change a due date, cancel (after confirming)."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import CoursePage
from portal.people.admin_access import hr_required
from portal.people.models import Unit

from ..models import Assignment
from ..services.assignments import assignment_cancel, assignment_change_due_date

STATUSES = [
    ("", gettext_lazy("Semua status")),
    ("aktif", gettext_lazy("Aktif")),
    ("terlambat", gettext_lazy("Terlambat")),
    ("selesai", gettext_lazy("Selesai")),
    ("dibatalkan", gettext_lazy("Dibatalkan")),
]


class AssignmentFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit kerja"),
        queryset=Unit.objects.all(),
        required=False,
        empty_label=gettext_lazy("Semua unit"),
    )
    kursus = forms.ModelChoiceField(
        label=gettext_lazy("Kursus"),
        queryset=CoursePage.objects.order_by("title"),
        required=False,
        empty_label=gettext_lazy("Semua kursus"),
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=STATUSES, required=False)
    tenggat_dari = forms.DateField(
        label=gettext_lazy("Tenggat dari"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    tenggat_sampai = forms.DateField(
        label=gettext_lazy("Tenggat sampai"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


class DueDateForm(forms.Form):
    due_date = forms.DateField(
        label=gettext_lazy("Tenggat baru"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )


def assignments_filtered(data: dict) -> QuerySet[Assignment]:
    """The assignments matching HR's filters, with what the list shows (one query per page)."""
    today = timezone.localdate()
    queryset = Assignment.objects.select_related("employee__unit", "course", "enrollment")
    active = Q(cancelled_at__isnull=True) & (Q(enrollment__isnull=True) | Q(enrollment__completed_at__isnull=True))
    if data.get("unit"):
        unit = data["unit"]
        queryset = queryset.filter(Q(employee__unit=unit) | Q(employee__unit__parent=unit))
    if data.get("kursus"):
        queryset = queryset.filter(course=data["kursus"])
    status = data.get("status")
    if status == "aktif":
        queryset = queryset.filter(active, due_date__gte=today)
    elif status == "terlambat":
        queryset = queryset.filter(active, due_date__lt=today)
    elif status == "selesai":
        queryset = queryset.filter(cancelled_at__isnull=True, enrollment__completed_at__isnull=False)
    elif status == "dibatalkan":
        queryset = queryset.filter(cancelled_at__isnull=False)
    if data.get("tenggat_dari"):
        queryset = queryset.filter(due_date__gte=data["tenggat_dari"])
    if data.get("tenggat_sampai"):
        queryset = queryset.filter(due_date__lte=data["tenggat_sampai"])
    return queryset.order_by("due_date", "employee__name", "pk")


def status_of(assignment: Assignment, today: datetime.date) -> tuple[str, str]:
    if assignment.cancelled_at:
        return "dibatalkan", _("Dibatalkan")
    if assignment.enrollment and assignment.enrollment.completed_at:
        return "selesai", _("Selesai")
    if assignment.due_date < today:
        return "terlambat", _("Terlambat")
    return "aktif", _("Aktif")


@hr_required
def assignments_view(request):
    form = AssignmentFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    page = Paginator(assignments_filtered(data), 50).get_page(request.GET.get("p"))
    today = timezone.localdate()
    for assignment in page:
        assignment.status_code, assignment.status_label = status_of(assignment, today)
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "appraisal_link/assignments/index.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=200 if not form.is_bound or form.is_valid() else 400,
    )


def _back(request) -> str:
    """Back to the list with the filters HR had (only a local query string is kept)."""
    query = request.POST.get("kembali") or request.GET.get("kembali") or ""
    return reverse("appraisal_assignments") + ("?" + query.lstrip("?") if query and "//" not in query else "")


@hr_required
def assignment_due_view(request, pk: int):
    assignment = get_object_or_404(Assignment.objects.select_related("employee", "course"), pk=pk)
    form = DueDateForm(request.POST or None, initial={"due_date": assignment.due_date})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                assignment_change_due_date(assignment=assignment, due_date=form.cleaned_data["due_date"])
            except ValidationError as error:
                form.add_error("due_date", error.messages[0])
            else:
                messages.success(
                    request,
                    _("Tenggat %(name)s untuk %(course)s diubah.")
                    % {"name": assignment.employee.name, "course": assignment.course.title},
                )
                return redirect(_back(request))
        status = 400
    return TemplateResponse(
        request,
        "appraisal_link/assignments/due.html",
        {"assignment": assignment, "form": form, "back": _back(request), "kembali": request.GET.get("kembali", "")},
        status=status,
    )


@hr_required
def assignment_cancel_view(request, pk: int):
    """GET asks for confirmation; POST cancels."""
    assignment = get_object_or_404(Assignment.objects.select_related("employee", "course"), pk=pk)
    if request.method == "POST":
        if assignment.cancelled_at is None:
            assignment_cancel(assignment=assignment)
            messages.success(
                request,
                _("Penugasan %(course)s untuk %(name)s dibatalkan.")
                % {"name": assignment.employee.name, "course": assignment.course.title},
            )
        return redirect(_back(request))
    return TemplateResponse(
        request,
        "appraisal_link/assignments/cancel.html",
        {"assignment": assignment, "back": _back(request), "kembali": request.GET.get("kembali", "")},
    )
