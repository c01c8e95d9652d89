"""The dashboard's must-reads and events come from SQL compiled once per process and run with each
employee's values: for every way a page can be meant for someone (their unit, the unit above it,
their position, everyone, someone else) and every personal state (confirmed, registered, a seat
cancelled), they equal what the ORM's own queryset reads for that employee."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.change.models import Acknowledgement, ChangeEventPage, EventRegistration
from portal.change.selectors.hub import (
    _acknowledged_at,
    _must_reads_for,
    _registered,
    must_read_items_for_dashboard,
    upcoming_events_for,
)
from portal.change.selectors.targeting import VISIBLE, audience_expression

from ..factories import EmployeeFactory, PositionFactory, UnitFactory
from .conftest import make_change_article, make_change_event

DAY = datetime.timedelta(days=1)


def _orm_must_reads(employee):
    articles = list(_must_reads_for(employee).annotate(acknowledged_at=_acknowledged_at(employee)))
    return [(a.pk, a.acknowledged_at is None, bool(a.overdue)) for a in articles]


def _orm_events(employee, limit):
    events = ChangeEventPage.objects.live().filter(starts_at__gt=timezone.now()).annotate(
        is_registered=_registered(employee), audience=audience_expression(ChangeEventPage, employee)
    ).filter(is_registered=True) | ChangeEventPage.objects.live().filter(starts_at__gt=timezone.now()).annotate(
        is_registered=_registered(employee), audience=audience_expression(ChangeEventPage, employee)
    ).filter(audience__in=VISIBLE)
    return [(e.pk, bool(e.is_registered), e.audience) for e in events.order_by("starts_at", "pk")[:limit]]


@pytest.mark.django_db
def test_the_prepared_dashboard_reads_equal_the_orm_for_every_audience(change_hub):
    dinas = UnitFactory(name="Dinas Kominfo")
    bidang = UnitFactory(name="Bidang Aplikasi", parent=dinas)
    other = UnitFactory(name="Dinas Kesehatan")
    analyst = PositionFactory(name="Analis SDM")
    in_dinas = EmployeeFactory(unit=dinas)
    in_bidang = EmployeeFactory(unit=bidang)
    by_position = EmployeeFactory(unit=other, position=analyst)
    elsewhere = EmployeeFactory(unit=other)
    today = timezone.localdate()
    for_dinas = make_change_article("Untuk dinas", must_read=True, deadline=today - DAY, units=[dinas])
    make_change_article("Untuk jabatan", must_read=True, deadline=today + DAY, positions=[analyst])
    everyone = make_change_article("Untuk semua", must_read=True)
    make_change_article("Bukan wajib", units=[dinas])
    make_change_article("Untuk unit lain", must_read=True, units=[other])
    Acknowledgement.objects.create(employee=in_bidang, article=for_dinas)
    Acknowledgement.objects.create(employee=elsewhere, article=everyone)
    event_dinas = make_change_event("Acara dinas", starts_in=2 * DAY, units=[dinas])
    event_position = make_change_event("Acara jabatan", starts_in=3 * DAY, positions=[analyst])
    make_change_event("Acara semua", starts_in=4 * DAY)
    event_other = make_change_event("Acara unit lain", starts_in=5 * DAY, units=[other])
    make_change_event("Sudah lewat", starts_in=-DAY)
    EventRegistration.objects.create(event=event_dinas, employee=elsewhere)
    EventRegistration.objects.create(event=event_other, employee=in_dinas, cancelled_at=timezone.now())
    EventRegistration.objects.create(event=event_position, employee=in_bidang)

    for employee in (in_dinas, in_bidang, by_position, elsewhere):
        expected = _orm_must_reads(employee)
        summary = must_read_items_for_dashboard(employee=employee, limit=1)
        pending = [pk for pk, is_pending, _overdue in expected if is_pending]
        assert [a.pk for a in summary["items"]] == pending[:1], employee.unit
        assert summary["pending_count"] == len(pending)
        assert summary["confirmed_count"] == len(expected) - len(pending)
        assert summary["overdue_count"] == sum(1 for pk, is_pending, overdue in expected if is_pending and overdue)
        for limit in (2, 10):
            got = [
                (e.pk, bool(e.is_registered), e.audience) for e in upcoming_events_for(employee=employee, limit=limit)
            ]
            assert got == _orm_events(employee, limit), (employee.unit, limit)

    titles = {e.title for e in upcoming_events_for(employee=in_bidang, limit=10)}
    assert titles == {"Acara dinas", "Acara jabatan", "Acara semua"}  # the dinas reaches its bidang
    assert {e.title for e in upcoming_events_for(employee=elsewhere, limit=10)} == {
        "Acara dinas",  # registered, though meant for others
        "Acara semua",
        "Acara unit lain",
    }


@pytest.mark.django_db
def test_each_dashboard_read_is_one_query_and_reads_no_deferred_field(change_hub, pegawai, unit):
    make_change_article("Wajib", must_read=True, units=[unit])
    make_change_event("Acara", units=[unit])
    employee = pegawai.employee
    assert [e.url for e in upcoming_events_for(employee=employee)]  # the site's root paths, read once
    with CaptureQueriesContext(connection) as queries:
        summary = must_read_items_for_dashboard(employee=employee)
        events = upcoming_events_for(employee=employee)
        shown = [(a.title, a.url, a.overdue) for a in summary["items"]] + [
            (e.title, e.url, e.starts_at, e.is_registered) for e in events
        ]
    assert len(queries) == 2 and len(shown) == 2
