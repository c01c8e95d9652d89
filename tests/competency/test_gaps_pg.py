"""The gap engine's PostgreSQL fast path (competency.services.gaps_pg) writes exactly what the
portable path writes, run on the same data: new gaps, and changes (levels, reasons, closing,
reopening, a change that keeps the old levels)."""

import json

import pytest
from django.db import connection
from django.utils import timezone

from competency.models import Competency, Gap
from competency.services import gaps, gaps_pg

from ..factories import EmployeeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the fast path is PostgreSQL's"),
]

FIELDS = ("competency_id", "source", "origin", "reason", "reason_source", "required_level", "current_level", "status")
SOURCES = {
    reason: json.dumps({"msgid": "standar jabatan %(position)s mensyaratkan level %(level)s", "params": params})
    for reason, params in {
        "standar jabatan A mensyaratkan level 3": {"position": "A", "level": 3},
        "standar jabatan A mensyaratkan level 4": {"position": "A", "level": 4},
    }.items()
}


def rows_of(employee) -> list[tuple]:
    gaps_of = Gap.objects.filter(employee=employee).order_by("competency_id")
    return [(*values, closed is not None) for *values, closed in gaps_of.values_list(*FIELDS, "closed_at")]


def test_the_fast_path_writes_what_the_portable_path_writes(unit):
    fast, portable = EmployeeFactory(unit=unit), EmployeeFactory(unit=unit)
    a, b, c = list(Competency.objects.order_by("pk")[:3])
    now = timezone.now()
    reason3, reason4 = list(SOURCES)

    def new_rows(employee):
        return [
            (employee.pk, a.pk, reason3, 3, 1),
            (employee.pk, b.pk, reason4, 4, 0),
            (employee.pk, c.pk, reason3, 3, 2),
        ]

    assert gaps_pg.insert_open(new_rows(fast), now=now, sources=SOURCES) == 3
    assert gaps.insert_open_portable(new_rows(portable), now=now, sources=SOURCES) == 3
    assert gaps_pg.insert_open(new_rows(fast), now=now, sources=SOURCES) == 0  # exists: skipped
    assert rows_of(fast) == rows_of(portable)

    def changes(employee):
        ids = dict(Gap.objects.filter(employee=employee).values_list("competency_id", "pk"))
        return [
            (ids[a.pk], Gap.Status.CLOSED.value, 3, 3, reason3, "closed"),  # met
            (ids[b.pk], Gap.Status.OPEN.value, 3, 1, reason3, "updated"),  # the standard fell
            (ids[c.pk], Gap.Status.CLOSED.value, None, None, None, "closed"),  # no standard: levels kept
        ]

    gaps_pg.apply(changes(fast), now=now, sources=SOURCES)
    gaps.apply_portable(changes(portable), now=now, sources=SOURCES)
    assert rows_of(fast) == rows_of(portable)
    assert [row[-2:] for row in rows_of(fast)] == [("tertutup", True), ("terbuka", False), ("tertutup", True)]

    reopen = [(Gap.objects.get(employee=e, competency=a).pk, "terbuka", 4, 2, reason4, "reopened") for e in (fast,)]
    gaps_pg.apply(reopen, now=now, sources=SOURCES)
    reopen = [(Gap.objects.get(employee=portable, competency=a).pk, "terbuka", 4, 2, reason4, "reopened")]
    gaps.apply_portable(reopen, now=now, sources=SOURCES)
    assert rows_of(fast) == rows_of(portable)
