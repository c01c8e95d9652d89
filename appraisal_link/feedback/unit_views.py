"""A unit head's pages for their own service points: add one, change it, enter the people it served
per period. Someone who heads no unit is refused (403); a point of another unit is not found (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.people.access import employee_for

from .forms import PopulationForm, UnitServicePointForm
from .models import ServicePoint
from .selectors import units_headed_by
from .services import service_point_save, service_population_set


def _headed(request) -> list:
    units = units_headed_by(request.user, employee_for(request.user))
    if not units:
        raise PermissionDenied
    return units


def _point(request, pk: int) -> tuple[ServicePoint, list]:
    units = _headed(request)
    point = get_object_or_404(ServicePoint.objects.select_related("unit"), pk=pk, unit__in=units)
    return point, units


@login_required
@require_http_methods(["GET", "POST"])
def unit_point_new_view(request):
    units = _headed(request)
    form = UnitServicePointForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        point = service_point_save(form=form)
        messages.success(
            request, _("Titik layanan “%(name)s” dibuat. Isi jumlah orang yang dilayaninya.") % {"name": point.name}
        )
        return redirect("skm_unit_point", pk=point.pk)
    status = 400 if form.errors else 200
    return TemplateResponse(request, "feedback/skm_unit_point.html", {"form": form, "point": None}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def unit_point_view(request, pk: int):
    point, units = _point(request, pk)
    form = UnitServicePointForm(request.POST or None, instance=point, units=units)
    if request.method == "POST" and form.is_valid():
        service_point_save(form=form)
        messages.success(request, _("Titik layanan “%(name)s” disimpan.") % {"name": point.name})
        return redirect("skm_unit_point", pk=point.pk)
    context = {
        "form": form,
        "point": point,
        "population_form": PopulationForm(),
        "populations": point.populations.all(),
    }
    return TemplateResponse(request, "feedback/skm_unit_point.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def unit_point_population_view(request, pk: int):
    point, units = _point(request, pk)
    form = PopulationForm(request.POST)
    if form.is_valid():
        service_population_set(service_point=point, **form.cleaned_data)
        messages.success(
            request,
            _("Periode %(period)s: %(count)s orang dilayani.")
            % {"period": form.cleaned_data["period"], "count": form.cleaned_data["population"]},
        )
        return redirect("skm_unit_point", pk=point.pk)
    context = {
        "form": UnitServicePointForm(instance=point, units=units),
        "point": point,
        "population_form": form,
        "populations": point.populations.all(),
    }
    return TemplateResponse(request, "feedback/skm_unit_point.html", context, status=400)
