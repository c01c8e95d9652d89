"""Forms of the competency admin: the dictionary upload, and assessments keyed by NIP."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from portal.people.models import Employee
from portal.people.nip import normalise_nip

from .importing import MAX_BYTES


class CompetencyImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas CSV atau XLSX"),
        help_text=_("Templat Kompeten atau ekspor kerangka kompetensi Moodle; paling besar %(mb)s MB.")
        % {"mb": MAX_BYTES // 1024 // 1024},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class EmployeeByNipField(forms.ModelChoiceField):
    """An employee typed as a NIP: a select of every civil servant of the city would be unusable."""

    default_error_messages = {"invalid_choice": _("Tidak ada pegawai dengan NIP ini.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(queryset=Employee.objects.all(), to_field_name="nip", **kwargs)

    def to_python(self, value):
        return super().to_python(normalise_nip(value) if value else value)


class AssessmentForm(WagtailAdminModelForm):
    """The admin form of an assessment; the employee is chosen by NIP."""

    employee = EmployeeByNipField(label=_("NIP pegawai"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.employee_id:
            self.initial["employee"] = self.instance.employee.nip
