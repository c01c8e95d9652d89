"""HR's survey screens in the admin: the index by unit and service point for a period (exportable),
one service point's elements, trend and weakest elements, and the moderation of suggestions."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal import rules
from portal.people.admin_access import hr_required
from portal.people.models import Unit
from portal.spreadsheets import table_response

from . import periods, selectors, skm
from .development import survey_gaps_refresh
from .models import ServicePoint
from .poster import service_point_poster_pdf
from .report_pdf import skm_report_pdf
from .services import suggestions_moderate

TREND_LENGTH = 6


def _period(request) -> periods.Period:
    """The period asked for (?periode=2026-S1), else the last closed semester."""
    return periods.parse(request.GET.get("periode", "")) or periods.last_closed("semester", timezone.localdate())


def _choices(today) -> list[periods.Period]:
    """Recent periods to pick from: this year's and last year's semesters and years, the last 12 months."""
    return [
        *periods.recent("tahun", today, 2)[::-1],
        *periods.recent("semester", today, 4)[::-1],
        *periods.recent("bulan", today, 12)[::-1],
    ]


def _export(period, rows, file_format):
    header = [_("Unit kerja"), _("Layanan"), _("Responden"), _("Sampel minimal")]
    header += [f"U{number} {element.label}" for number, element in enumerate(skm.ELEMENTS, start=1)]
    header += [_("IKM"), _("Mutu"), _("Representatif")]

    def line(point, index):
        values = [point.unit.name, point.name, index.responses, index.sample_needed or ""]
        values += [index.nrr.get(code, "") for code in skm.CODES]
        grade = index.grade
        values += [
            index.ikm or "",
            f"{grade[0]} ({grade[1]})" if grade else "",
            _("ya") if index.representative else _("belum"),
        ]
        return values

    return table_response(
        filename=f"ikm-{period.key}", header=header, rows=(line(p, i) for p, i in rows), file_format=file_format
    )


@hr_required
def report_view(request):
    period = _period(request)
    by_point = selectors.index_by_service_point(period)
    file_format = request.GET.get("format")
    if file_format in ("csv", "xlsx"):
        return _export(period, by_point, file_format)
    context = {
        "period": period,
        "choices": _choices(timezone.localdate()),
        "units": selectors.index_by_unit(period, by_point=by_point),
        "points": by_point,
        "pending": selectors.pending_suggestions().count(),
        "weak_below": rules.skm_weak_below(),
    }
    return TemplateResponse(request, "feedback/admin/report.html", context)


@hr_required
def service_point_view(request, pk: int):
    point = get_object_or_404(ServicePoint.objects.select_related("unit"), pk=pk)
    period = _period(request)
    index = selectors.index_of(period, service_point=point)
    months = periods.recent("bulan", timezone.localdate(), TREND_LENGTH)
    context = {
        "point": point,
        "period": period,
        "choices": _choices(timezone.localdate()),
        "index": index,
        "trend": selectors.trend(months, service_point=point),
        "suggestions": selectors.published_suggestions(service_point=point),
    }
    return TemplateResponse(request, "feedback/admin/service_point.html", context)


@hr_required
def suggestions_view(request):
    page = Paginator(selectors.pending_suggestions(), 50).get_page(request.GET.get("p"))
    return TemplateResponse(request, "feedback/admin/suggestions.html", {"page": page})


@require_POST
@hr_required
def suggestions_moderate_view(request):
    ids = [value for value in request.POST.getlist("id") if value.isdigit()]
    publish = request.POST.get("action") == "publish"
    changed = suggestions_moderate(response_ids=ids, publish=publish)
    if publish:
        text = ngettext("%(count)s saran diterbitkan.", "%(count)s saran diterbitkan.", changed)
    else:
        text = ngettext("%(count)s saran disembunyikan.", "%(count)s saran disembunyikan.", changed)
    messages.success(request, text % {"count": changed})
    return redirect("skm_suggestions")


@require_POST
@hr_required
def apply_view(request):
    """Apply a period's results to competency gaps now (the nightly task does the last semester)."""
    period = periods.parse(request.POST.get("periode", ""))
    if period is None:
        messages.error(request, _("Periode tidak dikenal; pilih periode dari daftar."))
        return redirect("skm_report")
    result = survey_gaps_refresh(period=period)
    messages.success(
        request,
        _(
            "Hasil %(period)s diterapkan: %(weak)s titik layanan lemah, %(opened)s kesenjangan dibuka, "
            "%(closed)s ditutup karena pulih."
        )
        % {"period": period.key, "weak": result["weak_points"], "opened": result["opened"], "closed": result["closed"]},
    )
    return redirect(f"{reverse('skm_report')}?periode={period.key}")


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


@hr_required
def poster_view(request, pk: int):
    """The A4 poster for the counter: the QR code and the short address of the public form."""
    point = get_object_or_404(ServicePoint.objects.select_related("unit"), pk=pk)
    return _pdf(service_point_poster_pdf(point, base_url=settings.WAGTAILADMIN_BASE_URL), f"poster-skm-{point.code}")


@hr_required
def report_pdf_view(request):
    """The period's report in the usual SKM structure, for every unit or one (?unit=<id>)."""
    period = _period(request)
    unit_id = request.GET.get("unit", "")
    unit = None
    if unit_id:
        unit = get_object_or_404(Unit, pk=unit_id) if unit_id.isdigit() else None
        if unit is None:
            return HttpResponse(_("Unit tidak dikenal."), status=400, content_type="text/plain; charset=utf-8")
    name = f"laporan-skm-{period.key}" + (f"-{unit.code}" if unit else "")
    return _pdf(skm_report_pdf(period=period, unit=unit), name)
