"""/healthz reports the database (503 when it is down), the broker and the background tasks (either
one failing makes it "degraded", never a 503)."""

import os
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

from portal.outbox.models import QueuedTask


@pytest.mark.django_db
def test_healthz_is_200_when_everything_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["broker"]["ok"] is True


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    settings_dict = connections.settings["default"]
    if settings_dict["ENGINE"].endswith("sqlite3"):
        monkeypatch.setitem(settings_dict, "NAME", "/nonexistent/directory/db.sqlite3")
    else:
        monkeypatch.setitem(settings_dict, "PORT", "1")  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"]["ok"] is False
    assert response.json()["status"] == "error"


@pytest.mark.django_db
def test_healthz_is_degraded_not_503_when_the_broker_is_down(client, settings):
    # The pages work without Redis: a load balancer must not take the servers out for it.
    settings.BROKER_CONFIGURED = True
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["broker"]["ok"] is False
    assert response.json()["database"]["ok"] is True


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
@pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="needs CELERY_BROKER_URL (CI)")
def test_healthz_checks_the_real_broker(client, settings):
    settings.BROKER_CONFIGURED = True
    settings.CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == {"ok": True, "mode": "broker"}


@pytest.mark.django_db
def test_healthz_reports_late_and_failed_tasks_without_a_503(client):
    assert client.get("/healthz").json()["tasks"] == {"ok": True, "waiting": 0, "late": 0, "failed": 0}
    now = timezone.now()
    QueuedTask.objects.create(task="a")  # just asked for: waiting, not late
    QueuedTask.objects.create(task="b", not_before=now + timedelta(hours=1))  # scheduled later
    QueuedTask.objects.create(task="c", started_at=now)  # running
    QueuedTask.objects.create(task="d", finished_at=now, failed=True)
    QueuedTask.objects.create(task="e", finished_at=now)
    QueuedTask.objects.filter(task__in="bc").update(created_at=now - timedelta(hours=2))
    assert client.get("/healthz").json()["tasks"] == {"ok": True, "waiting": 3, "late": 0, "failed": 1}

    QueuedTask.objects.create(task="f", not_before=now - timedelta(minutes=16))  # no worker took it
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["tasks"] == {"ok": False, "waiting": 4, "late": 1, "failed": 1}
