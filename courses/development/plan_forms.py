"""The employee's form for one item of their development plan, and the supervisor's decision."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from competency.models import Gap
from courses.models import CoursePage

from . import kinds

QUARTERS = [
    (1, _("Triwulan I (Jan–Mar)")),
    (2, _("Triwulan II (Apr–Jun)")),
    (3, _("Triwulan III (Jul–Sep)")),
    (4, _("Triwulan IV (Okt–Des)")),
]


class GapChoice(forms.ModelChoiceField):
    def label_from_instance(self, gap):
        return f"{gap.competency.name} ({gap.get_source_display()})"


class CourseChoice(forms.ModelChoiceField):
    def label_from_instance(self, course):
        return f"{course.title} · {course.jp} JP"


class PlanItemForm(forms.Form):
    gap = GapChoice(label=_("Untuk kesenjangan"), queryset=Gap.objects.none(), required=False, empty_label="—")
    competency = forms.ModelChoiceField(
        label=_("atau untuk kompetensi"), queryset=None, required=False, empty_label="—"
    )
    goal = forms.CharField(label=_("atau tujuan Anda sendiri"), max_length=200, required=False)
    course = CourseChoice(label=_("Kursus portal"), queryset=CoursePage.objects.none(), required=False, empty_label="—")
    activity_kind = forms.ChoiceField(
        label=_("atau bentuk kegiatan di luar portal"), choices=(("", "—"), *kinds.CHOICES), required=False
    )
    activity_title = forms.CharField(label=_("Nama kegiatan di luar portal"), max_length=200, required=False)
    quarter = forms.TypedChoiceField(label=_("Triwulan"), choices=QUARTERS, coerce=int)
    jp = forms.IntegerField(
        label=_("JP (kegiatan di luar portal)"),
        min_value=1,
        max_value=500,
        required=False,
        help_text=_("JP kursus portal mengikuti kursusnya."),
    )

    def __init__(self, *args, employee, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gap"].queryset = (
            Gap.objects.filter(employee=employee, status=Gap.Status.OPEN)
            .select_related("competency")
            .order_by("competency__name")
        )
        self.fields["competency"].queryset = competencies
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("course") is None and not cleaned.get("activity_title"):
            raise ValidationError(_("Pilih satu kursus portal atau tulis satu kegiatan di luar portal."), code="what")
        return cleaned


class PlanDecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan untuk pegawai"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib bila meminta perbaikan."),
    )
