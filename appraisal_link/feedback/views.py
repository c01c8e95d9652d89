"""The public survey's pages: the published index, the form at each service point, the thanks.
No login. Abuse is held off by rate limits (per address and per device), a honeypot, and one
answer per device per service per day (signed cookies); nothing identifies the citizen."""

import secrets

from allauth.core import ratelimit
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from portal.people.access import employee_for, has_role
from portal.people.roles import ATASAN

from . import periods, selectors
from .forms import SurveyForm
from .models import ServicePoint
from .services import survey_response_submit

DEVICE_COOKIE = "skm_perangkat"
DONE_COOKIE = "skm_terisi"
SALT = "kompeten.skm"
YEAR = 365 * 24 * 3600


def _device(request) -> str | None:
    return request.get_signed_cookie(DEVICE_COOKIE, default=None, salt=SALT)


def _done_today(request) -> set[str]:
    """The service codes this device answered today (the cookie holds today's date and codes)."""
    value = request.get_signed_cookie(DONE_COOKIE, default="", salt=SALT)
    day, _sep, codes = value.partition(":")
    return set(codes.split(",")) if day == timezone.localdate().isoformat() and codes else set()


def _set_cookie(response, name: str, value: str, max_age: int) -> None:
    response.set_signed_cookie(
        name, value, salt=SALT, max_age=max_age, httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE
    )


def skm_index_view(request):
    """The published results (the last closed period) and the service points, for anyone."""
    kind = request.GET.get("periode", "semester")
    if kind not in dict(periods.KINDS):
        kind = "semester"
    period = periods.last_closed(kind, timezone.localdate())
    units, by_point = selectors.published_index(period)
    context = {"period": period, "kind": kind, "kinds": periods.KINDS, "units": units, "points": by_point}
    return TemplateResponse(request, "feedback/skm_index.html", context)


def _form_page(request, point: ServicePoint, form: SurveyForm, status: int = 200, problem: str = ""):
    context = {"point": point, "form": form, "problem": problem}
    return TemplateResponse(request, "feedback/skm_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def skm_form_view(request, code: str):
    point = get_object_or_404(ServicePoint.objects.select_related("unit"), code=code, active=True)
    if request.method == "GET":
        response = _form_page(request, point, SurveyForm())
        if _device(request) is None:
            _set_cookie(response, DEVICE_COOKIE, secrets.token_urlsafe(16), YEAR)
        return response

    form = SurveyForm(request.POST)
    device = _device(request)
    if device is None:
        return _form_page(request, point, form, 400, "cookie")
    if not ratelimit.consume(request, action="skm", key=device):
        return TemplateResponse(request, "429.html", status=429)
    if point.code in _done_today(request):
        return _form_page(request, point, SurveyForm(), 409, "done")
    if not form.is_valid():
        return _form_page(request, point, form, 400)
    response = redirect("skm_thanks", code=point.code)
    if not form.is_robot:  # a robot is thanked like a person, and nothing is stored
        survey_response_submit(service_point=point, answers=form.answers())
    done = {*_done_today(request), point.code}
    _set_cookie(response, DONE_COOKIE, f"{timezone.localdate().isoformat()}:{','.join(sorted(done))}", 24 * 3600)
    return response


def skm_thanks_view(request, code: str):
    point = get_object_or_404(ServicePoint.objects.select_related("unit"), code=code)
    return TemplateResponse(request, "feedback/skm_thanks.html", {"point": point})


@login_required
def skm_unit_view(request):
    """A unit head's view of their unit's service points (and its direct sub-units'): the index of a
    period, the weakest elements, the trend and the published suggestions. Supervisors only."""
    me = employee_for(request.user)
    if me is None or not has_role(request.user, ATASAN):
        raise PermissionDenied
    period = periods.parse(request.GET.get("periode", "")) or periods.last_closed("semester", timezone.localdate())
    unit_ids = [me.unit_id, *me.unit.children.values_list("pk", flat=True)]
    by_point = selectors.index_by_service_point(period, unit_ids=unit_ids)
    context = {
        "unit": me.unit,
        "period": period,
        "choices": [
            *periods.recent("semester", timezone.localdate(), 4)[::-1],
            *periods.recent("bulan", timezone.localdate(), 6)[::-1],
        ],
        "units": selectors.index_by_unit(period, by_point=by_point),
        "points": by_point,
        "can_manage": bool(selectors.units_headed_by(request.user, me)),
    }
    return TemplateResponse(request, "feedback/skm_unit.html", context)
