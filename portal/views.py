"""The shell's own views: the learning dashboard that gathers every app's part, and /healthz."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import dashboard
from .health import broker_check, database_check, tasks_check


@login_required
def dashboard_view(request):
    return render(request, "portal/dashboard.html", {"content": dashboard.dashboard_content(request)})


@login_required
def bench_floor_view(request):
    """The floor of the HTTP benchmark: what any login-required page costs on this stack (session,
    user, middleware, a template) before its own work. Routed only when KOMPETEN_BENCH_FLOOR is set."""
    return render(request, "portal/bench_floor.html")


@never_cache
@require_GET
def healthz_view(request):
    """503 only without the database, the one thing no page works without: with Redis down the pages
    still answer (an empty cache, tasks waiting in the outbox), so a load balancer must keep sending
    them requests. A stopped broker or late tasks make the status "degraded", for monitoring."""
    database = database_check()
    tasks = tasks_check() if database["ok"] else {"ok": False}
    checks = {"database": database, "broker": broker_check(), "tasks": tasks}
    status = "error" if not database["ok"] else "ok" if all(check["ok"] for check in checks.values()) else "degraded"
    return JsonResponse({"status": status, **checks}, status=503 if status == "error" else 200)
