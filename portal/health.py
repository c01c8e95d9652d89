"""Liveness/readiness checks of the services the portal needs."""

from django.conf import settings
from django.db import connections


def database_check() -> dict:
    """Open a fresh connection (not the request's) and run a trivial query."""
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return {"ok": True, "engine": connection.vendor}
    except Exception as error:  # noqa: BLE001 - any failure means "down", reported as such
        return {"ok": False, "engine": connection.vendor, "error": error.__class__.__name__}
    finally:
        connection.close()


def broker_check() -> dict:
    """Connect to the Celery broker; in eager mode (no broker configured) there is none to check."""
    from portal.celery import app

    if not settings.BROKER_CONFIGURED:
        return {"ok": True, "mode": "eager"}
    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as connection:
            connection.ensure_connection(max_retries=1, timeout=2)
        return {"ok": True, "mode": "broker"}
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "mode": "broker", "error": error.__class__.__name__}


def tasks_check() -> dict:
    """The background tasks (portal.outbox): how many wait, are late or failed. Reported, never a
    reason for a 503: a backlog must not take the web servers out of the load balancer."""
    from portal.outbox.selectors import outbox_state

    try:
        return outbox_state()
    except Exception as error:  # noqa: BLE001 - the database check reports the outage itself
        return {"ok": False, "error": error.__class__.__name__}
