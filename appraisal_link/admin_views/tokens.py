"""HR's page for the API tokens of the systems that push appraisals (e.g. the regional HR system).

Creating a token asks for the password again (allauth's reauthentication: the POST is kept and
replayed once the password is given), because the key it shows opens the appraisal API. The key
is shown once, on the answer to that POST; afterwards only its prefix is known.
"""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.people.admin_access import hr_required

from ..api.selectors import api_service_accounts, api_tokens
from ..api.services import NewToken, api_client_create, api_token_create, api_token_revoke
from .forms import ApiTokenForm


def _create(request, form: ApiTokenForm) -> NewToken | None:
    data = form.cleaned_data
    try:
        if data["akun"] is not None:
            return api_token_create(
                user=data["akun"], name=data["nama"], created_by=request.user, days=data["masa_berlaku"]
            )
        return api_client_create(name=data["nama"], created_by=request.user, days=data["masa_berlaku"])
    except ValidationError as error:
        form.add_error(None, error)
        return None


@never_cache
@hr_required
def api_tokens_view(request):
    """The tokens, and a form for a new one (HR only)."""
    return _tokens_page(request)


@reauthentication_required(allow_get=True)
def _tokens_page(request):
    form = ApiTokenForm(request.POST or None, accounts=api_service_accounts())
    created = None
    if request.method == "POST" and form.is_valid():
        created = _create(request, form)
        if created is not None:
            form = ApiTokenForm(accounts=api_service_accounts())
    status = 400 if request.method == "POST" and created is None else 200
    return TemplateResponse(
        request,
        "appraisal_link/api_tokens.html",
        {"form": form, "tokens": api_tokens(), "created": created, "now": timezone.now()},
        status=status,
    )


@require_POST
@hr_required
def api_token_revoke_view(request, token_id: int):
    """Revoke one token at once; the service account and its other tokens stay."""
    if api_token_revoke(token_id=token_id):
        messages.success(request, _("Token dicabut; sistem itu tidak dapat lagi mengirim penilaian dengan kunci itu."))
    return redirect(reverse("appraisal_api_tokens"))
