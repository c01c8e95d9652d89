"""allauth form overrides (kept apart from forms.py: allauth imports these while it loads its own
forms module, so they cannot live beside forms that allauth's module would import back)."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import ratelimit
from django import forms
from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import services
from .nip import normalise_nip, validate_nip
from .services.claims import CODE_ALPHABET, CODE_LENGTH, normalise_activation_code


class LoginForm(AllauthLoginForm):
    """allauth's login form, with a label that says what may be typed: NIP, username or e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["login"]
        field.label = _("NIP, nama pengguna, atau e-mail")
        field.widget.attrs.update(
            {"placeholder": _("mis. 199204202019032011"), "autocomplete": "username", "autocapitalize": "none"}
        )


class SignupForm(AllauthSignupForm):
    """Sign-up that claims an employee's record, only with proof: the e-mail address BKPSDM holds
    for that NIP, or an activation code BKPSDM issued.

    A well-formed attempt that fails (unknown NIP, NIP already claimed, inactive, wrong e-mail or
    code) gets exactly what a successful one gets: the "periksa e-mail Anda" page, with the same
    message, and no account. Only the register's address may hear of it (claim_failed_notify).
    Attempts are rate-limited per IP and per NIP ("claim" in ACCOUNT_RATE_LIMITS).
    """

    nip = forms.CharField(
        label=_("NIP"),
        max_length=30,
        help_text=_("18 angka, tanpa spasi. Hanya pegawai yang terdaftar di BKPSDM dapat mendaftar."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    activation_code = forms.CharField(
        label=_("Kode aktivasi (bila ada)"),
        required=False,
        max_length=20,
        help_text=_(
            "Isi alamat e-mail yang tercatat di BKPSDM, atau, bila alamat Anda belum tercatat, "
            "kode aktivasi yang diberikan BKPSDM."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    field_order = ["nip", "email", "activation_code", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Alamat e-mail")
        self.order_fields(self.field_order)

    def clean_nip(self) -> str:
        nip = normalise_nip(self.cleaned_data["nip"])
        validate_nip(nip)
        return nip

    def clean_activation_code(self) -> str:
        code = normalise_activation_code(self.cleaned_data.get("activation_code"))
        if code and (len(code) != CODE_LENGTH or set(code) - set(CODE_ALPHABET)):
            # The form of the code only, which says nothing about any NIP.
            raise ValidationError(
                _("Kode aktivasi terdiri dari 12 huruf dan angka, mis. ABCD-EFGH-JKLM."), code="code_format"
            )
        return code

    def try_save(self, request):
        if self.account_already_exists:
            # allauth's own enumeration guard: the e-mail address already has an account.
            return super().try_save(request)
        nip, email = self.cleaned_data["nip"], self.cleaned_data["email"]
        code = self.cleaned_data.get("activation_code", "")
        if not ratelimit.consume(request, action="claim", key=nip):
            return None, ratelimit.respond_429(request)
        if services.claim_proof_holds(nip=nip, email=email, activation_code=code):
            try:
                return super().try_save(request)
            except ValidationError:
                pass  # Lost a race for the same record: answer as for any failed claim.
        else:
            # As long as a real sign-up takes (it hashes the password), so time tells nothing.
            make_password(self.cleaned_data.get("password1"))
        services.claim_failed_notify(nip=nip, email=email)
        return None, self._respond_as_if_sent(request, email)

    @staticmethod
    def _respond_as_if_sent(request, email: str):
        """What a successful sign-up shows: the message allauth adds and its verification page."""
        adapter = get_adapter(request)
        adapter.add_message(
            request,
            messages.INFO,
            "account/messages/email_confirmation_sent.txt",
            {"email": email, "login": False, "signup": True},
        )
        return adapter.respond_email_verification_sent(request, None)
