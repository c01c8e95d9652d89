"""Gaps follow the latest appraisal: a newer appraisal that no longer shows a weakness closes the
older gap, saying why, in the reader's language; the effectiveness report counts it."""

import pytest
from django.utils import translation

from appraisal_link.models import Rating
from appraisal_link.reports import queries
from competency.models import Gap

from .test_gaps_and_assignments import appraise

pytestmark = pytest.mark.django_db


def test_a_newer_appraisal_without_the_weakness_closes_the_older_gap(pegawai):
    employee = pegawai.employee
    appraise(employee, year=2025, adaptif=Rating.BELOW)
    old = Gap.objects.get(employee=employee, competency__code="mengelola-perubahan")

    appraise(employee, year=2026)  # Adaptif as expected

    old.refresh_from_db()
    assert old.status == Gap.Status.CLOSED and old.closed_at is not None
    assert old.closed_reason == "tidak lagi tampak pada penilaian 2026"
    assert old.closed_reason_source == {
        "msgid": "tidak lagi tampak pada penilaian %(year)s",
        "params": {"year": 2026},
    }


def test_a_weakness_the_newer_appraisal_still_shows_stays_open(pegawai):
    employee = pegawai.employee
    appraise(employee, year=2025, adaptif=Rating.BELOW, kolaboratif=Rating.BELOW)
    appraise(employee, year=2026, adaptif=Rating.BELOW)
    open_codes = set(
        Gap.objects.filter(employee=employee, status=Gap.Status.OPEN).values_list("competency__code", flat=True)
    )
    assert "mengelola-perubahan" in open_codes
    assert not {"kerjasama", "komunikasi"} & open_codes


def test_an_older_appraisal_imported_after_a_newer_one_opens_nothing_the_newer_one_does_not_show(pegawai):
    employee = pegawai.employee
    appraise(employee, year=2026)
    appraise(employee, year=2025, adaptif=Rating.BELOW)
    assert not Gap.objects.filter(employee=employee, status=Gap.Status.OPEN).exists()


def test_quarters_are_ordered_within_a_year(pegawai):
    employee = pegawai.employee
    appraise(employee, year=2026, period="I", adaptif=Rating.BELOW)
    appraise(employee, year=2026, period="II")
    assert Gap.objects.get(competency__code="mengelola-perubahan").status == Gap.Status.CLOSED


def test_the_effectiveness_report_counts_gaps_closed_by_a_newer_appraisal(pegawai):
    employee = pegawai.employee
    appraise(employee, year=2025, adaptif=Rating.BELOW)
    appraise(employee, year=2026)
    rows = {row["period"]: row for row in queries.gap_closure()}
    assert rows["2025 tahunan"]["closed"] == rows["2025 tahunan"]["opened"] == 1
    assert rows["2025 tahunan"]["closed_share"] == 100


def test_gap_reasons_are_shown_in_the_readers_language(pegawai):
    appraise(pegawai.employee, adaptif=Rating.BELOW)
    gap = Gap.objects.get(competency__code="mengelola-perubahan")
    assert gap.reason == "karena penilaian 2026: Adaptif di bawah ekspektasi"
    with translation.override("id"):
        assert gap.reason_display() == gap.reason
