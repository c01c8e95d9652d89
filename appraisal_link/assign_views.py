"""HR assigns a course: to one employee (by NIP), to a unit, to everyone with a gap, or (from a
cell of the gap heatmap) to the people of a unit with a gap in one competency.

Two steps: the form, then "Anda akan menugaskan N orang" with the list; nothing is created before
HR confirms. The confirming POST carries the form again and is validated again; if the list it
reaches differs from the one HR saw (a forged or stale confirm), HR sees the new list instead.
"""

import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competency.models import Competency
from courses.models import CoursePage
from portal.people.admin_access import hr_required
from portal.people.models import Employee, Unit
from portal.people.nip import normalise_nip

from .models import Assignment
from .services.assignments import Target, assignment_create, assignment_targets, assignments_bulk_create

PREVIEW_LIMIT = 200


class AssignForm(forms.Form):
    TARGETS = [
        ("pegawai", gettext_lazy("Satu pegawai (NIP)")),
        ("unit", gettext_lazy("Semua pegawai di unit kerja")),
        ("kesenjangan", gettext_lazy("Semua pegawai dengan kesenjangan kompetensi")),
    ]

    course = forms.ModelChoiceField(label=gettext_lazy("Kursus"), queryset=CoursePage.objects.none())
    due_date = forms.DateField(
        label=gettext_lazy("Tenggat"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    target = forms.ChoiceField(label=gettext_lazy("Ditugaskan kepada"), choices=TARGETS, widget=forms.RadioSelect)
    nip = forms.CharField(label=gettext_lazy("NIP"), required=False, max_length=30)
    unit = forms.ModelChoiceField(label=gettext_lazy("Unit kerja"), queryset=Unit.objects.all(), required=False)
    competency = forms.ModelChoiceField(
        label=gettext_lazy("Kompetensi"), queryset=Competency.objects.all(), required=False
    )
    reason = forms.CharField(label=gettext_lazy("Alasan (untuk satu pegawai)"), required=False, max_length=300)

    def __init__(self, *args, cell: tuple[Unit, Competency] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cell = cell
        courses = CoursePage.objects.live().order_by("title")
        if cell is None:
            self.fields["course"].queryset = courses
            return
        # From a heatmap cell: that unit, that competency's gap, and only the courses that close it.
        unit, competency = cell
        self.fields["course"].queryset = courses.filter(competencies__competency=competency).distinct()
        self.fields["course"].help_text = _("Kursus yang mengembangkan kompetensi %(name)s.") % {
            "name": competency.name
        }
        for name in ("target", "nip", "reason"):
            del self.fields[name]
        self.fields["unit"].widget = forms.HiddenInput()
        self.fields["competency"].widget = forms.HiddenInput()
        self.initial.update({"unit": unit.pk, "competency": competency.pk})

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        if due_date < timezone.localdate():
            raise ValidationError(_("Tenggat tidak boleh di masa lalu."), code="due_past")
        return due_date

    def clean(self):
        data = super().clean()
        if self.cell is not None:
            data["target"] = "sel"
            if data.get("unit") != self.cell[0] or data.get("competency") != self.cell[1]:
                raise ValidationError(_("Unit kerja atau kompetensi tidak cocok dengan sel peta kesenjangan."))
            return data
        target = data.get("target")
        if target == "pegawai":
            employee = Employee.objects.filter(nip=normalise_nip(data.get("nip"))).select_related("unit").first()
            if employee is None:
                self.add_error("nip", _("NIP tidak ditemukan di daftar pegawai."))
            data["employee"] = employee
        elif target == "unit" and not data.get("unit"):
            self.add_error("unit", _("Pilih unit kerja."))
        elif target == "kesenjangan" and not data.get("competency"):
            self.add_error("competency", _("Pilih kompetensi."))
        return data

    def targets(self) -> list[Target]:
        """Who this (valid) form reaches."""
        data = self.cleaned_data
        if data["target"] == "pegawai":
            return [Target(data["employee"], data["reason"] or _("Ditugaskan BKPSDM"), {}, None)]
        return assignment_targets(
            unit=data["unit"] if data["target"] in ("unit", "sel") else None,
            competency=data["competency"] if data["target"] in ("kesenjangan", "sel") else None,
        )


def _cell(params) -> tuple[Unit, Competency] | None:
    """The heatmap cell the form was opened from (`sel_unit` and `sel_kompetensi`), if any."""
    try:
        unit = Unit.objects.get(pk=int(params.get("sel_unit", "")))
        competency = Competency.objects.get(pk=int(params.get("sel_kompetensi", "")))
    except (ValueError, Unit.DoesNotExist, Competency.DoesNotExist):
        return None
    return unit, competency


def _digest(form: AssignForm, targets: list[Target]) -> str:
    """What HR confirms: the course, the due date and the people, as a short fingerprint."""
    data = form.cleaned_data
    text = f"{data['course'].pk}|{data['due_date']}|" + ",".join(str(t.employee.pk) for t in targets)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@hr_required
def assign_view(request):
    params = request.POST if request.method == "POST" else request.GET
    cell = _cell(params)
    initial = {
        "target": "kesenjangan" if request.GET.get("kompetensi") else "pegawai",
        "competency": request.GET.get("kompetensi"),
        "unit": request.GET.get("unit"),
    }
    form = AssignForm(request.POST or None, initial=initial, cell=cell)
    context = {"form": form, "cell": cell}
    if request.method != "POST":
        return TemplateResponse(request, "appraisal_link/assign.html", context)
    if "ubah" in request.POST or not form.is_valid():
        return TemplateResponse(request, "appraisal_link/assign.html", context, status=200 if form.is_valid() else 400)
    targets = form.targets()
    digest = _digest(form, targets)
    if request.POST.get("konfirmasi") != digest:
        if request.POST.get("konfirmasi"):
            messages.warning(
                request, _("Daftar penerima berubah sejak Anda memeriksanya. Periksa lagi sebelum menugaskan.")
            )
        return _confirm(request, form, cell, targets, digest, status=409 if request.POST.get("konfirmasi") else 200)
    data = form.cleaned_data
    try:
        if data["target"] == "pegawai":
            assignment_create(
                employee=data["employee"],
                course=data["course"],
                due_date=data["due_date"],
                reason=data["reason"] or _("Ditugaskan BKPSDM"),
                assigned_by=request.user,
            )
            result = {"assigned": 1, "skipped": []}
        else:
            result = assignments_bulk_create(
                course=data["course"],
                due_date=data["due_date"],
                assigned_by=request.user,
                unit=data["unit"] if data["target"] in ("unit", "sel") else None,
                competency=data["competency"] if data["target"] in ("kesenjangan", "sel") else None,
            )
    except ValidationError as error:
        form.add_error(None, error.messages[0])
        return TemplateResponse(request, "appraisal_link/assign.html", context, status=400)
    messages.success(request, _("%(count)s penugasan dibuat.") % {"count": result["assigned"]})
    if result["skipped"]:
        messages.warning(request, _("Dilewati: %(names)s") % {"names": "; ".join(result["skipped"][:10])})
    return redirect(reverse("appraisal_assignments") + f"?kursus={data['course'].pk}")


def _confirm(request, form, cell, targets, digest, status=200):
    """'Anda akan menugaskan N orang', with the list (and who already has it), before anything is made."""
    already = set(
        Assignment.objects.filter(
            course=form.cleaned_data["course"],
            cancelled_at__isnull=True,
            employee_id__in=[t.employee.pk for t in targets],
        ).values_list("employee_id", flat=True)
    )
    return TemplateResponse(
        request,
        "appraisal_link/assign_confirm.html",
        {
            "form": form,
            "cell": cell,
            "targets": targets[:PREVIEW_LIMIT],
            "more": max(0, len(targets) - PREVIEW_LIMIT),
            "count": len(targets),
            "already": already,
            "digest": digest,
        },
        status=status,
    )
