"""HR's screens of the yearly development plans, in the admin: every plan of a year (each opens on the
site, read only for HR), and the agency's consolidated needs per competency and unit, planned against
done, exportable as CSV or XLSX for the annual budget."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.people.admin_access import hr_required
from portal.spreadsheets import table_response

from .models import DevelopmentPlan
from .selectors import plan_needs, plans_progress


def _year(request) -> int:
    value = request.GET.get("tahun", "")
    this_year = timezone.localdate().year
    return int(value) if value.isdigit() and 2000 <= int(value) <= this_year + 1 else this_year


@hr_required
def plans_view(request):
    year = _year(request)
    plans = (
        DevelopmentPlan.objects.filter(year=year)
        .select_related("employee__unit")
        .order_by("employee__unit__name", "employee__name")
    )
    page = Paginator(plans, 50).get_page(request.GET.get("p"))
    plans_progress(list(page.object_list))
    counts = {status: 0 for status, _label in DevelopmentPlan.Status.choices}
    for status in DevelopmentPlan.objects.filter(year=year).values_list("status", flat=True):
        counts[status] += 1
    context = {
        "year": year,
        "page": page,
        "counts": [(label, counts[s]) for s, label in DevelopmentPlan.Status.choices],
    }
    return TemplateResponse(request, "development/admin/plans.html", context)


@hr_required
def needs_view(request):
    year = _year(request)
    needs = plan_needs(year=year)
    file_format = request.GET.get("format")
    if file_format in ("csv", "xlsx"):
        header = [_("Kompetensi"), _("Unit kerja"), _("Pegawai"), _("JP direncanakan"), _("JP terlaksana")]
        rows = [[n.competency, n.unit, n.people, n.planned_jp, n.done_jp] for n in needs]
        return table_response(
            filename=f"kebutuhan-pengembangan-{year}", header=header, rows=rows, file_format=file_format
        )
    return TemplateResponse(request, "development/admin/needs.html", {"year": year, "needs": needs})
