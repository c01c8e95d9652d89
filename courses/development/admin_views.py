"""HR's import of a training's attendance list, in the admin: the form, the report of every problem
by row and column when the list is refused, and the blank template to fill."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from competency.importing import MAX_BYTES
from competency.models import Competency
from portal.people.admin_access import hr_required
from portal.spreadsheets import table_response

from . import kinds
from .attendance import TEMPLATE_HEADER, attendance_import


class AttendanceForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Daftar hadir (CSV atau XLSX)"),
        help_text=gettext_lazy("Kolom: NIP, Nama, Kegiatan, Penyelenggara, Tanggal mulai, Tanggal selesai, JP."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Bentuk pengembangan"), choices=kinds.CHOICES)
    competencies = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Kompetensi yang dikembangkan"),
        queryset=Competency.objects.order_by("name"),
        required=False,
        help_text=gettext_lazy("Kesenjangan peserta pada kompetensi ini tertutup."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Berkas terlalu besar; batasnya %(limit)s MB.") % {"limit": MAX_BYTES // 1048576}, code="too_large"
            )
        return upload


@hr_required
@require_http_methods(["GET", "POST"])
def attendance_import_view(request):
    form = AttendanceForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = attendance_import(
            data=upload.read(),
            name=upload.name,
            kind=form.cleaned_data["kind"],
            competency_ids=[c.pk for c in form.cleaned_data["competencies"]],
            by=request.user,
        )
        if not result.problems:
            text = _("%(count)s peserta tercatat dan diverifikasi.") % {"count": result.recorded}
            if result.closed_gaps:
                text += " " + _("%(count)s kesenjangan tertutup.") % {"count": result.closed_gaps}
            messages.success(request, text)
            return redirect("pengembangan-luar:index")
    status = 400 if (form.errors or (result and result.problems)) else 200
    context = {"form": form, "result": result}
    return TemplateResponse(request, "external/admin/attendance.html", context, status=status)


@hr_required
def attendance_template_view(request):
    return table_response(
        filename="daftar-hadir-pengembangan",
        header=TEMPLATE_HEADER,
        rows=[],
        file_format=request.GET.get("format", "xlsx"),
    )
