"""Forms of the pulse surveys: the employee's answer sheet, HR's survey editor and "new round" form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateTimeInput

from .models.surveys import LIKERT
from .services.surveys import CONCERN_MAX_LENGTH


class SurveyAnswerForm(forms.Form):
    """One radio group per statement (1–5) and, if the round asks for it, an optional concern.

    Built from the survey's questions, so that a posted key for anything else is simply not read.
    """

    def __init__(self, *args, questions, ask_concerns: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[self.field_name(question)] = forms.TypedChoiceField(
                label=question.text,
                choices=LIKERT,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Pilih salah satu jawaban untuk pernyataan ini."),
                    "invalid_choice": _("Pilih salah satu jawaban dari 1 sampai 5."),
                },
            )
        if ask_concerns:
            self.fields["concern"] = forms.CharField(
                label=_("Apa yang paling Anda khawatirkan tentang perubahan ini? (tidak wajib)"),
                help_text=_("Tulis dengan bebas, paling banyak 2.000 karakter. Jangan menuliskan nama orang."),
                required=False,
                max_length=CONCERN_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4, "maxlength": CONCERN_MAX_LENGTH}),
                error_messages={"max_length": _("Isian kekhawatiran paling banyak 2.000 karakter.")},
            )

    @staticmethod
    def field_name(question) -> str:
        return f"q-{question.pk}"

    def statements(self):
        """(number, question, bound field) for each statement, for the template's fieldsets."""
        return [
            (number, question, self[self.field_name(question)])
            for number, question in enumerate(self.questions, start=1)
        ]

    def answers(self) -> dict[int, int]:
        """Question id → score, once the form is valid."""
        return {question.pk: self.cleaned_data[self.field_name(question)] for question in self.questions}


class PulseSurveyAdminForm(WagtailAdminModelForm):
    """HR's survey editor: a sensible period, and statements that keep their meaning once answered."""

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", ValidationError(_("Waktu ditutup harus setelah waktu dibuka."), code="period"))
        if self.instance.pk and self.instance.participations.exists():
            self._keep_answered_questions()
            self._keep_closed_round_closed(cleaned)
        return cleaned

    def _keep_closed_round_closed(self, cleaned):
        # A closed round's results are on the dashboard; reopening it and closing it again after one
        # more answer would show that one person's answers as the difference. (In clean(), the
        # instance still holds the stored period.)
        closes_at = cleaned.get("closes_at")
        if self.instance.is_closed() and closes_at and closes_at > timezone.now():
            self.add_error(
                "closes_at",
                ValidationError(
                    _("Putaran yang sudah ditutup dan sudah dijawab tidak dapat dibuka kembali."), code="reopen"
                ),
            )

    def _keep_answered_questions(self):
        # Deleting an answered statement would delete its answers with it, and moving it to another
        # dimension would silently rewrite the round's results: start a new round instead.
        formset = self.formsets.get("questions")
        if formset is None or not formset.is_valid():
            return
        for form in formset.forms:
            if form.instance.pk and (form.cleaned_data.get("DELETE") or "dimension" in form.changed_data):
                raise ValidationError(
                    _(
                        "Survei ini sudah dijawab: pernyataannya tidak dapat dihapus atau dipindah ke dimensi lain. "
                        "Gunakan “Salin sebagai putaran baru” untuk mengubah daftar pernyataan."
                    ),
                    code="answered",
                )


class SurveyCopyForm(forms.Form):
    """The title and period of a new round copied from an existing one."""

    title = forms.CharField(label=_("Judul putaran baru"), max_length=200)
    opens_at = forms.DateTimeField(label=_("Dibuka"), widget=AdminDateTimeInput)
    closes_at = forms.DateTimeField(label=_("Ditutup"), widget=AdminDateTimeInput)

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", ValidationError(_("Waktu ditutup harus setelah waktu dibuka."), code="period"))
        return cleaned
