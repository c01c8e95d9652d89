"""HR's import page for the competency dictionary, and the template downloads."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.people.admin_access import hr_required

from . import importing, selectors, services
from .forms import CompetencyImportForm
from .models import Competency


@hr_required
def import_view(request):
    """Upload a CSV/XLSX (our template or a Moodle framework export): all rows or none."""
    form = CompetencyImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            importing.check_upload(name=upload.name, size=upload.size)  # before reading it into memory
            result = services.competencies_import(data=upload.read(), name=upload.name)
        except importing.FileRefused as refused:
            form.add_error("file", refused.message)
        else:
            if result.ok:
                summary = _(
                    "Impor selesai: %(created)s kompetensi baru, %(updated)s diperbarui, %(unchanged)s tidak berubah."
                ) % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
                if result.framework:
                    summary += " " + _("Kerangka Moodle: %(name)s.") % {"name": result.framework}
                summary += result.related_text()
                messages.success(request, summary)
                return redirect(reverse("kompetensi:index"))
    context = {
        "form": form,
        "result": result,
        "header": importing.HEADER,
        "max_mb": importing.MAX_BYTES // 1024 // 1024,
        "kinds": Competency.Kind.values,
    }
    return TemplateResponse(
        request, "competency/admin/import.html", context, status=400 if request.method == "POST" else 200
    )


@hr_required
def template_view(request, file_format: str):
    """The import template, filled with the current dictionary, as CSV or XLSX."""
    if file_format not in importing.CONTENT_TYPES:
        raise Http404
    content = importing.template_file(rows=selectors.dictionary_rows(), file_format=file_format)
    response = HttpResponse(content, content_type=importing.CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="templat-kompetensi.{file_format}"'
    return response
