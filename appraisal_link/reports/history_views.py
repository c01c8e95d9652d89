"""HR's export of the training history for SIASN: every portal course completed and every verified
development outside the portal in a period, for one employee, a unit or everyone, as CSV or XLSX
with the columns of SIASN's training record (courses.history)."""

import datetime
import itertools

from django import forms
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.history import Scope, training_history
from portal.people.admin_access import hr_required
from portal.people.models import Employee, Unit
from portal.spreadsheets import table_response

PREVIEW_ROWS = 50
MAX_DAYS = 366 * 10
DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class HistoryForm(forms.Form):
    dari = forms.DateField(label=gettext_lazy("Selesai sejak"), widget=DATE)
    sampai = forms.DateField(label=gettext_lazy("Selesai sampai"), widget=DATE)
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit kerja (dengan subunitnya)"),
        queryset=Unit.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("Semua unit"),
    )
    nip = forms.CharField(label=gettext_lazy("NIP seorang pegawai"), max_length=18, required=False, strip=True)

    def clean_nip(self):
        nip = self.cleaned_data["nip"].replace(" ", "")
        if not nip:
            return None
        employee = Employee.objects.filter(nip=nip).select_related("unit").first()
        if employee is None:
            raise forms.ValidationError(_("Tidak ada pegawai dengan NIP %(nip)s.") % {"nip": nip})
        return employee

    def clean(self):
        data = super().clean()
        start, end = data.get("dari"), data.get("sampai")
        if start and end and start > end:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        elif start and end and (end - start).days > MAX_DAYS:
            self.add_error("sampai", _("Rentang paling panjang sepuluh tahun."))
        if data.get("unit") and data.get("nip"):
            self.add_error("nip", _("Pilih satu unit kerja atau satu NIP, tidak keduanya."))
        return data

    def scope(self) -> Scope:
        return Scope(employee=self.cleaned_data.get("nip"), unit=self.cleaned_data.get("unit"))


def _initial() -> dict:
    today = timezone.localdate()
    return {"dari": datetime.date(today.year, 1, 1).isoformat(), "sampai": today.isoformat()}


def _header() -> list[str]:
    return [
        _("NIP"),
        _("Nama"),
        _("Unit kerja"),
        _("Nama diklat/kursus"),
        _("Jenis diklat"),
        _("Penyelenggara"),
        _("Tanggal mulai"),
        _("Tanggal selesai"),
        _("Tahun"),
        _("Jumlah jam (JP)"),
        _("Nomor sertifikat"),
        _("Tanggal sertifikat"),
    ]


def _day(value: datetime.date | None) -> str:
    """A date as SIASN's training record writes it (dd-mm-yyyy)."""
    return value.strftime("%d-%m-%Y") if value else ""


def _row(record) -> list:
    return [
        record.nip,
        record.name,
        record.unit,
        record.title,
        record.kind,
        record.organiser,
        _day(record.starts_on),
        _day(record.ends_on),
        record.ends_on.year,
        record.jp,
        record.certificate_number,
        _day(record.certificate_date),
    ]


@hr_required
def training_history_view(request):
    asked = "dari" in request.GET
    form = HistoryForm(request.GET if asked else None, initial=_initial())
    if asked and form.is_valid():
        records = training_history(start=form.cleaned_data["dari"], end=form.cleaned_data["sampai"], scope=form.scope())
        file_format = request.GET.get("format")
        if file_format in ("csv", "xlsx"):
            start, end = form.cleaned_data["dari"], form.cleaned_data["sampai"]
            return table_response(
                filename=f"riwayat-diklat-siasn-{start:%Y%m%d}-{end:%Y%m%d}",
                header=_header(),
                rows=(_row(record) for record in records),
                file_format=file_format,
            )
        preview = list(itertools.islice(records, PREVIEW_ROWS + 1))
        context = {
            "form": form,
            "header": _header(),
            "rows": [_row(record) for record in preview[:PREVIEW_ROWS]],
            "more": len(preview) > PREVIEW_ROWS,
            "preview_rows": PREVIEW_ROWS,
            "query": request.GET.urlencode(),
            "shown": True,
        }
        return TemplateResponse(request, "appraisal_link/reports/training_history.html", context)
    status = 400 if asked else 200
    return TemplateResponse(
        request, "appraisal_link/reports/training_history.html", {"form": form, "shown": False}, status=status
    )
