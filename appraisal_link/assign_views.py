"""HR assigns a course: to one employee (by NIP), to a unit, or to everyone with a gap."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competency.models import Competency
from courses.models import CoursePage
from portal.people.access import is_hr
from portal.people.models import Employee, Unit
from portal.people.nip import normalise_nip

from .services.assignments import assignment_create, assignments_bulk_create


class AssignForm(forms.Form):
    TARGETS = [
        ("pegawai", gettext_lazy("Satu pegawai (NIP)")),
        ("unit", gettext_lazy("Semua pegawai di unit kerja")),
        ("kesenjangan", gettext_lazy("Semua pegawai dengan kesenjangan kompetensi")),
    ]

    course = forms.ModelChoiceField(label=gettext_lazy("Kursus"), queryset=CoursePage.objects.live().order_by("title"))
    due_date = forms.DateField(label=gettext_lazy("Tenggat"), widget=forms.DateInput(attrs={"type": "date"}))
    target = forms.ChoiceField(label=gettext_lazy("Ditugaskan kepada"), choices=TARGETS, widget=forms.RadioSelect)
    nip = forms.CharField(label=gettext_lazy("NIP"), required=False, max_length=30)
    unit = forms.ModelChoiceField(label=gettext_lazy("Unit kerja"), queryset=Unit.objects.all(), required=False)
    competency = forms.ModelChoiceField(
        label=gettext_lazy("Kompetensi"), queryset=Competency.objects.all(), required=False
    )
    reason = forms.CharField(label=gettext_lazy("Alasan (untuk satu pegawai)"), required=False, max_length=300)

    def clean(self):
        data = super().clean()
        target = data.get("target")
        if target == "pegawai":
            employee = Employee.objects.filter(nip=normalise_nip(data.get("nip"))).first()
            if employee is None:
                self.add_error("nip", _("NIP tidak ditemukan di daftar pegawai."))
            data["employee"] = employee
        elif target == "unit" and not data.get("unit"):
            self.add_error("unit", _("Pilih unit kerja."))
        elif target == "kesenjangan" and not data.get("competency"):
            self.add_error("competency", _("Pilih kompetensi."))
        return data


def assign_view(request):
    if not is_hr(request.user):
        raise PermissionDenied
    initial = {
        "target": "kesenjangan" if request.GET.get("kompetensi") else "pegawai",
        "competency": request.GET.get("kompetensi"),
        "unit": request.GET.get("unit"),
    }
    form = AssignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
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
                    unit=data["unit"] if data["target"] == "unit" else None,
                    competency=data["competency"] if data["target"] == "kesenjangan" else None,
                )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("%(count)s penugasan dibuat.") % {"count": result["assigned"]})
            if result["skipped"]:
                messages.warning(request, _("Dilewati: %(names)s") % {"names": "; ".join(result["skipped"][:10])})
            return redirect(reverse("appraisal_assign"))
    return TemplateResponse(
        request, "appraisal_link/assign.html", {"form": form}, status=400 if request.method == "POST" else 200
    )
