"""The citizen's form: every field checked strictly; anything forged or out of range is refused.
And a unit head's forms for their own service points."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.people.models import Employee, Position, Unit

from . import skm
from .models import PERIOD_KEY, ServicePoint

SUGGESTION_MAX = 1000
OFFICER_CODE = re.compile(r"^[A-Za-z0-9-]{1,12}$")


class SurveyForm(forms.Form):
    """Nine answers (1–4, each worded for its element), then an optional profile, officer code and
    suggestion. `situs_web` is a honeypot: people never see it, robots fill it."""

    gender = forms.ChoiceField(label=_("Jenis kelamin"), choices=skm.GENDERS, required=False, widget=forms.RadioSelect)
    age_group = forms.ChoiceField(label=_("Usia"), choices=(("", "—"), *skm.AGE_GROUPS), required=False)
    education = forms.ChoiceField(label=_("Pendidikan terakhir"), choices=(("", "—"), *skm.EDUCATION), required=False)
    occupation = forms.ChoiceField(label=_("Pekerjaan"), choices=(("", "—"), *skm.OCCUPATIONS), required=False)
    officer_code = forms.CharField(
        label=_("Kode petugas (bila tertera di loket)"),
        required=False,
        max_length=12,
        help_text=_("Kode singkat pada papan nama petugas, mis. DK-07. Bukan NIP."),
    )
    suggestion = forms.CharField(
        label=_("Saran atau masukan"),
        required=False,
        max_length=SUGGESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Jangan tulis NIK, nomor telepon atau e-mail: bila tertulis, akan disamarkan."),
    )
    situs_web = forms.CharField(label=_("Jangan isi kolom ini"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scores = {}
        for number, element in enumerate(skm.ELEMENTS, start=1):
            scores[element.code] = forms.TypedChoiceField(
                label=f"{number}. {element.label}",
                help_text=element.question,
                choices=[(str(value), words) for value, words in enumerate(element.answers, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Pilih salah satu jawaban."),
                    "invalid_choice": _("Jawaban harus salah satu dari empat pilihan."),
                },
            )
        # The nine questions first, in their order; the profile after them.
        self.fields = {**scores, **self.fields}
        for name in ("age_group", "education", "occupation", "gender"):
            self.fields[name].error_messages["invalid_choice"] = _("Pilihan tidak dikenal.")

    def clean_officer_code(self) -> str:
        code = self.cleaned_data["officer_code"].strip().upper()
        if code and not OFFICER_CODE.match(code):
            raise ValidationError(
                _("Kode petugas hanya berisi huruf, angka dan tanda hubung (paling banyak 12)."), code="officer_code"
            )
        return code

    def clean_suggestion(self) -> str:
        return self.cleaned_data["suggestion"].strip()

    @property
    def is_robot(self) -> bool:
        """The honeypot was filled: a person never sees it."""
        return bool(self.data.get("situs_web"))

    def answers(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("situs_web", None)
        return data


class UnitServicePointForm(forms.ModelForm):
    """A service point of one of the head's units; positions are those held in these units."""

    class Meta:
        model = ServicePoint
        fields = ["unit", "name", "code", "description", "positions", "active"]
        widgets = {"positions": forms.CheckboxSelectMultiple}

    def __init__(self, *args, units: list[Unit], **kwargs):
        super().__init__(*args, **kwargs)
        ids = [unit.pk for unit in units]
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=ids).order_by("name")
        self.fields["unit"].empty_label = None
        held = Employee.objects.filter(unit_id__in=ids, is_active=True).values("position_id")
        self.fields["positions"].queryset = Position.objects.filter(pk__in=held).order_by("name")


class PopulationForm(forms.Form):
    period = forms.CharField(label=_("Periode"), max_length=7, validators=[PERIOD_KEY], help_text=PERIOD_KEY.message)
    population = forms.IntegerField(label=_("Jumlah orang yang dilayani"), min_value=1, max_value=10_000_000)
