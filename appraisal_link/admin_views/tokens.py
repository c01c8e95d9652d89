"""HR's page for the API tokens of the systems that push appraisals (e.g. the regional HR system)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.people.access import is_hr

from ..api.selectors import api_tokens
from ..api.services import api_client_create, api_client_revoke
from .forms import ApiClientForm


def api_tokens_view(request):
    """The tokens, and a form for a new one; a new token's key is shown once, on the answer to the POST."""
    if not is_hr(request.user):
        raise PermissionDenied
    form = ApiClientForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        new_token = api_client_create(name=form.cleaned_data["nama"])
        form = ApiClientForm()
    status = 400 if request.method == "POST" and new_token is None else 200
    return TemplateResponse(
        request,
        "appraisal_link/api_tokens.html",
        {"form": form, "tokens": api_tokens(), "new_token": new_token},
        status=status,
    )


@require_POST
def api_token_revoke_view(request, user_id: int):
    if not is_hr(request.user):
        raise PermissionDenied
    if api_client_revoke(user_id=user_id):
        messages.success(request, _("Token dicabut; sistem itu tidak dapat lagi mengirim penilaian."))
    return redirect(reverse("appraisal_api_tokens"))
