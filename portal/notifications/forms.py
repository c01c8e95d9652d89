"""The e-mail choices: one checkbox per kind of notification."""

from django import forms

from .models import Kind


class EmailPreferencesForm(forms.Form):
    """A field per kind, named after it: checked means "send this kind by e-mail too"."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.BooleanField(label=kind.label, required=False)

    def choices(self) -> dict[str, bool]:
        return {kind: bool(self.cleaned_data.get(kind)) for kind in Kind.values}
