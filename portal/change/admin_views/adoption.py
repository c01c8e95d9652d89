"""HR's adoption dashboard in the Wagtail admin, unit by unit, exportable to CSV and XLSX.

HR and superusers only (403 otherwise). Readiness under the privacy threshold is never shown: the
page prints "—" with a note, and the exports leave those cells empty.
"""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from portal.people.admin_access import hr_required
from portal.people.models import Unit
from portal.spreadsheets import table_response

from ..models import ChangeHubPage, PulseSurvey
from ..selectors.adoption import adoption_by_unit, dashboard_concerns


def _int_param(request, name: str) -> int | None:
    try:
        return int(request.GET.get(name, ""))
    except ValueError:
        return None


@hr_required
def adoption_view(request):
    """The dashboard for the chosen round (`?survei=<id>`, default the newest), with the concern
    words of all units or one (`?unit=<id>`); `?format=csv|xlsx` downloads the unit table."""
    survey_id = _int_param(request, "survei")
    survey = get_object_or_404(PulseSurvey, pk=survey_id) if survey_id else None
    data = adoption_by_unit(survey=survey)
    file_format = request.GET.get("format")
    if file_format in ("csv", "xlsx"):
        return _export(data, file_format)
    unit_id = _int_param(request, "unit")
    concern_unit = get_object_or_404(Unit, pk=unit_id) if unit_id else None
    context = {
        **data,
        "concern_unit": concern_unit,
        "concerns": dashboard_concerns(data=data, unit=concern_unit),
        # Where "Sasarkan materi" and "Buat acara" add their page; without a hub there is nowhere.
        "hub": ChangeHubPage.objects.only("pk").first(),
    }
    return TemplateResponse(request, "change/admin/adoption.html", context)


def _flags(row: dict) -> str:
    flags = ((row["low"], _("Rendah")), (row["falling"], pgettext("kesiapan", "Menurun")))
    return "; ".join(label for flag, label in flags if flag)


def _export(data: dict, file_format: str):
    """One row per unit and one for all units; suppressed readiness stays empty."""
    header = [
        _("Unit kerja"),
        _("Pegawai aktif"),
        _("Wajib baca: sasaran"),
        _("Wajib baca: sudah konfirmasi"),
        _("Wajib baca (%)"),
        _("Pendaftar acara"),
        _("Hadir di acara"),
        _("Responden"),
        *[str(label) for _key, _short, label in data["dimensions"]],
        _("Rata-rata kesiapan"),
        _("Rata-rata putaran sebelumnya"),
        _("Perubahan"),
        _("Perlu perhatian"),
    ]

    def line(name: str, row: dict) -> list:
        readiness = row["readiness"]
        return [
            name,
            row["employees"],
            row["must_read"]["required"],
            row["must_read"]["read"],
            row["must_read"]["share"],
            row["events"]["registered"],
            row["events"]["attended"],
            readiness["respondents"],
            *[dimension["mean"] for dimension in readiness["dimensions"]],
            readiness["overall"],
            readiness["previous_overall"],
            readiness["trend"],
            _flags(row) if "low" in row else "",
        ]

    rows = [line(row["unit"].name, row) for row in data["rows"]]
    rows.append(line(_("Semua unit"), data["total"]))
    survey = data["survey"]
    filename = f"adopsi-perubahan-{survey.pk}" if survey else "adopsi-perubahan"
    return table_response(filename=filename, header=header, rows=rows, file_format=file_format)


urlpatterns = [path("", adoption_view, name="dashboard")]
