"""HR's report pages in the Wagtail admin, each exportable to CSV and XLSX."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from competency.models import Competency
from portal import rules
from portal.people.admin_access import hr_required
from portal.people.models import Unit
from portal.spreadsheets import table_response

from . import queries


def _format(request) -> str | None:
    value = request.GET.get("format")
    return value if value in ("csv", "xlsx") else None


@hr_required
def heatmap_view(request):
    data = queries.heatmap()
    file_format = _format(request)
    if file_format:
        header = [_("Unit kerja"), _("Pegawai")] + [c.name for c in data["competencies"]]
        rows = ([r["unit"].name, r["unit"].staff] + [f"{c['share']}%" for c in r["cells"]] for r in data["rows"])
        return table_response(filename="peta-kesenjangan", header=header, rows=rows, file_format=file_format)
    return TemplateResponse(request, "appraisal_link/reports/heatmap.html", data)


@hr_required
def heatmap_cell_view(request, unit_id: int, competency_id: int):
    unit = get_object_or_404(Unit, pk=unit_id)
    competency = get_object_or_404(Competency, pk=competency_id)
    gaps = queries.heatmap_people(unit=unit, competency=competency)
    file_format = _format(request)
    if file_format:
        header = [_("NIP"), _("Nama"), _("Jabatan"), _("Level saat ini"), _("Level dibutuhkan"), _("Alasan")]
        rows = (
            [g.employee.nip, g.employee.name, g.employee.position.name, g.current_level, g.required_level, g.reason]
            for g in gaps
        )
        return table_response(
            filename=f"kesenjangan-{unit.code}-{competency.code}", header=header, rows=rows, file_format=file_format
        )
    page = Paginator(gaps, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request, "appraisal_link/reports/heatmap_cell.html", {"unit": unit, "competency": competency, "gaps": page}
    )


@hr_required
def jp_view(request):
    try:
        year = int(request.GET.get("tahun", timezone.localdate().year))
    except ValueError:
        year = timezone.localdate().year
    file_format = _format(request)
    if file_format:
        target = rules.jp_target()
        short = _("Kurang dari %(target)s JP") % {"target": target}
        header = [_("NIP"), _("Nama"), _("Unit kerja"), _("JP"), short]
        employees = queries.employees_with_jp(year=year).select_related("unit").order_by("unit__name", "name")
        rows = (
            [e.nip, e.name, e.unit.name, e.jp, max(target - e.jp, 0)]
            for e in employees.iterator(chunk_size=2000)
        )
        return table_response(filename=f"kepatuhan-jp-{year}", header=header, rows=rows, file_format=file_format)
    data = queries.jp_compliance(year=year)
    page = Paginator(data["behind"], 50).get_page(request.GET.get("p"))
    context = {**data, "year": year, "behind": page, "behind_count": page.paginator.count}
    return TemplateResponse(request, "appraisal_link/reports/jp.html", context)


@hr_required
def closure_view(request):
    closure, outcomes = queries.gap_closure(), queries.effectiveness()
    file_format = _format(request)
    if file_format:
        header = [_("Periode penilaian"), _("Kesenjangan dibuka"), _("Ditugaskan pelatihan"), _("Tertutup")]
        rows = ([r["period"], r["opened"], r["assigned"], r["closed"]] for r in closure)
        return table_response(filename="penutupan-kesenjangan", header=header, rows=rows, file_format=file_format)
    return TemplateResponse(request, "appraisal_link/reports/closure.html", {"closure": closure, "outcomes": outcomes})
