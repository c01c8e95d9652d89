"""Forms of the people app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class AccountCreateForm(forms.Form):
    """HR's form to open an account for an employee who has none."""

    email = forms.EmailField(label=_("Alamat e-mail dinas"), max_length=254)
