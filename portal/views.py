"""The shell's own views: the learning dashboard that gathers every app's part, and /healthz."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import dashboard
from .health import broker_check, database_check


@login_required
def dashboard_view(request):
    return render(request, "portal/dashboard.html", dashboard.dashboard_context(user=request.user))


@login_required
def bench_floor_view(request):
    """The floor of the HTTP benchmark: what any login-required page costs on this stack (session,
    user, middleware, a template) before its own work. Routed only when KOMPETEN_BENCH_FLOOR is set."""
    return render(request, "portal/bench_floor.html")


@never_cache
@require_GET
def healthz_view(request):
    checks = {"database": database_check(), "broker": broker_check()}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
