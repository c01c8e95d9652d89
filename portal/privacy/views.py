"""/akun/data-saya/: a person reads or downloads everything the portal keeps about them (UU 27/2022)."""

import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .data import my_data_for
from .presenting import sections


@never_cache
@login_required
@require_GET
def my_data_view(request):
    """The readable page of the user's own data."""
    data = my_data_for(user=request.user)
    return render(
        request,
        "privacy/my_data.html",
        {"sections": sections(data), "has_employee": data["employee"] is not None},
    )


@never_cache
@login_required
@require_GET
def my_data_download_view(request):
    """The same data as a JSON file to keep or take elsewhere."""
    data = my_data_for(user=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"data-saya-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
