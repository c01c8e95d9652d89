"""Forms of the people app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services
from .nip import normalise_nip


class NIPSignupForm(forms.Form):
    """Extra field of allauth's sign-up form: only an unclaimed NIP in the register may sign up."""

    nip = forms.CharField(
        label=_("NIP"),
        max_length=30,
        help_text=_("18 angka, tanpa spasi. Hanya pegawai yang terdaftar di BKPSDM dapat mendaftar."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    field_order = ["nip", "email", "password1", "password2"]

    def clean_nip(self) -> str:
        nip = normalise_nip(self.cleaned_data["nip"])
        services.employee_claimable_get(nip=nip)
        return nip

    def signup(self, request, user) -> None:
        """allauth calls this inside the sign-up; the claim is done by the adapter's save_user."""


class AccountCreateForm(forms.Form):
    """HR's form to open an account for an employee who has none."""

    email = forms.EmailField(label=_("Alamat e-mail dinas"), max_length=254)

