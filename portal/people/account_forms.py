"""allauth form overrides (kept apart from forms.py: allauth imports the sign-up form while it
loads its own forms module, so this one cannot live beside it)."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    """allauth's login form, with a label that says what may be typed: NIP, username or e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["login"]
        field.label = _("NIP, nama pengguna, atau e-mail")
        field.widget.attrs.update(
            {"placeholder": _("mis. 199204202019032011"), "autocomplete": "username", "autocapitalize": "none"}
        )
