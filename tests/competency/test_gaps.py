"""The standard-gap engine: gaps open, follow the levels, close and reopen; appraisal gaps are
left alone; a second run writes nothing; the work is set-based."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from competency import selectors, services
from competency.models import Assessment, Gap, PositionStandard

from ..factories import EmployeeFactory, PositionFactory
from .conftest import TODAY


def record(employee, competency, level, *, days_ago=0, source=Assessment.Source.SUPERVISOR):
    return services.assessment_record(
        employee=employee,
        competency=competency,
        level=level,
        source=source,
        assessed_on=TODAY - datetime.timedelta(days=days_ago),
    )


def standard_gaps(employee):
    return {gap.competency.code: gap for gap in Gap.objects.filter(employee=employee, source="standar")}


@pytest.mark.django_db
def test_unmet_standard_opens_a_gap_per_competency(employee, standard):
    counts = services.gaps_recompute(employee_ids=[employee.pk])

    gaps = standard_gaps(employee)
    assert counts["opened"] == 3
    assert set(gaps) == {"integritas", "komunikasi", "tik-keamanan-informasi"}
    gap = gaps["integritas"]
    assert (gap.status, gap.source, gap.origin) == ("terbuka", "standar", "standar")
    assert (gap.required_level, gap.current_level, gap.closed_at) == (3, 0, None)
    assert gap.reason == "standar jabatan Pranata Komputer Ahli Pertama mensyaratkan level 3"


@pytest.mark.django_db
def test_recording_an_assessment_updates_and_closes_that_employees_gaps(employee, standard, competencies):
    services.gaps_recompute()
    record(employee, competencies["komunikasi"], 1)
    gap = standard_gaps(employee)["komunikasi"]
    assert (gap.status, gap.current_level, gap.required_level) == ("terbuka", 1, 2)

    record(employee, competencies["integritas"], 4)
    closed = standard_gaps(employee)["integritas"]
    assert closed.status == "tertutup"
    assert closed.closed_at is not None
    assert closed.current_level == 4
    # The others are untouched.
    assert standard_gaps(employee)["tik-keamanan-informasi"].status == "terbuka"


@pytest.mark.django_db
def test_the_latest_assessment_counts_by_date_then_by_creation(employee, standard, competencies):
    integritas = competencies["integritas"]
    record(employee, integritas, 2, days_ago=1)
    record(employee, integritas, 5, days_ago=30)  # recorded later, but assessed earlier
    assert standard_gaps(employee)["integritas"].current_level == 2
    record(employee, integritas, 3, days_ago=1)  # the same day as the 2: created later, so it wins
    gap = standard_gaps(employee)["integritas"]
    assert (gap.current_level, gap.status) == (3, "tertutup")


@pytest.mark.django_db
def test_a_closed_gap_reopens_in_the_same_row_when_the_level_drops(employee, standard, competencies):
    record(employee, competencies["integritas"], 1, days_ago=20)
    record(employee, competencies["integritas"], 3, days_ago=10)
    closed = standard_gaps(employee)["integritas"]
    assert closed.status == "tertutup"

    record(employee, competencies["integritas"], 2)
    reopened = standard_gaps(employee)["integritas"]
    assert reopened.pk == closed.pk
    assert (reopened.status, reopened.closed_at, reopened.current_level) == ("terbuka", None, 2)


@pytest.mark.django_db
def test_a_rising_standard_reopens_and_updates_the_gap(employee, standard, competencies, position):
    services.gaps_recompute()
    record(employee, competencies["komunikasi"], 2)
    closed = standard_gaps(employee)["komunikasi"]
    assert closed.status == "tertutup"

    PositionStandard.objects.filter(pk=standard["komunikasi"].pk).update(required_level=4)
    counts = services.gaps_recompute(position_ids=[position.pk])
    gap = standard_gaps(employee)["komunikasi"]
    assert counts["reopened"] == 1
    assert gap.pk == closed.pk
    assert (gap.status, gap.required_level, gap.current_level, gap.closed_at) == ("terbuka", 4, 2, None)
    assert gap.reason.endswith("mensyaratkan level 4")

    PositionStandard.objects.filter(pk=standard["komunikasi"].pk).update(required_level=3)
    assert services.gaps_recompute(employee_ids=[employee.pk])["updated"] == 1
    assert standard_gaps(employee)["komunikasi"].required_level == 3


@pytest.mark.django_db
def test_a_gap_without_a_standard_any_more_is_closed(employee, standard):
    services.gaps_recompute()
    standard["keamanan"].delete()
    counts = services.gaps_recompute()
    assert counts["closed"] == 1
    assert standard_gaps(employee)["tik-keamanan-informasi"].status == "tertutup"
    # A move to a position without a standard closes the rest.
    employee.position = PositionFactory()
    employee.save()
    services.gaps_recompute(employee_ids=[employee.pk])
    assert {gap.status for gap in standard_gaps(employee).values()} == {"tertutup"}


@pytest.mark.django_db
def test_appraisal_gaps_are_never_touched(employee, standard, competencies):
    appraisal_gap = Gap.objects.create(
        employee=employee,
        competency=competencies["integritas"],
        source=Gap.Source.APPRAISAL,
        origin="penilaian:2025:tahunan:akuntabel",
        reason="karena penilaian 2025: Akuntabel di bawah ekspektasi",
        required_level=4,
        current_level=0,
    )
    closed_appraisal_gap = Gap.objects.create(
        employee=employee,
        competency=competencies["keamanan"],
        source=Gap.Source.APPRAISAL,
        origin="penilaian:2024:tahunan:hasil_kerja",
        reason="karena penilaian 2024: Hasil kerja di bawah ekspektasi",
        required_level=2,
        current_level=0,
        status=Gap.Status.CLOSED,
        closed_at=datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC),
    )
    before = {
        gap.pk: (gap.status, gap.required_level, gap.current_level, gap.reason, gap.closed_at)
        for gap in (appraisal_gap, closed_appraisal_gap)
    }
    record(employee, competencies["integritas"], 5)  # meets the standard and the appraisal's level
    record(employee, competencies["keamanan"], 1)
    services.gaps_recompute()
    standard["integritas"].delete()
    services.gaps_recompute()

    for gap in Gap.objects.filter(source="penilaian"):
        assert (gap.status, gap.required_level, gap.current_level, gap.reason, gap.closed_at) == before[gap.pk]
    assert Gap.objects.filter(source="penilaian").count() == 2


@pytest.mark.django_db
def test_a_second_run_writes_nothing(employee, standard, competencies, unit):
    for i in range(4):
        other = EmployeeFactory(position=employee.position, unit=unit)
        Assessment.objects.create(
            employee=other, competency=competencies["integritas"], level=1 + i, source="atasan", assessed_on=TODAY
        )
    first = services.gaps_recompute()
    assert first["employees"] >= 5 and first["opened"] > 0
    with CaptureQueriesContext(connection) as ctx:
        second = services.gaps_recompute()
    writes = [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]
    assert writes == []
    assert second["opened"] == second["closed"] == second["reopened"] == second["updated"] == 0
    assert second["unchanged"] == Gap.objects.filter(source="standar").count()


@pytest.mark.django_db
def test_recompute_queries_do_not_grow_with_employees(employee, standard, competencies, unit, position):
    def run():
        Gap.objects.all().delete()
        with CaptureQueriesContext(connection) as ctx:
            services.gaps_recompute()
        return len(ctx.captured_queries)

    def grow(n):
        for i in range(n):
            other = EmployeeFactory(position=position, unit=unit)
            Assessment.objects.create(
                employee=other,
                competency=competencies["komunikasi"],
                level=1 + i % 5,
                source="atasan",
                assessed_on=TODAY,
            )

    grow(2)
    small = run()
    grow(20)
    assert run() == small


@pytest.mark.django_db
def test_employees_without_a_standard_get_no_gaps(unit, standard):
    loner = EmployeeFactory(unit=unit)  # a position of its own, without a standard
    services.gaps_recompute()
    assert not Gap.objects.filter(employee=loner).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("level", [0, 6, "3", None, True])
def test_assessment_record_refuses_a_bad_level(employee, competencies, level):
    with pytest.raises(ValidationError):
        record(employee, competencies["integritas"], level)
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_assessment_record_refuses_an_unknown_source(employee, competencies):
    with pytest.raises(ValidationError):
        record(employee, competencies["integritas"], 3, source="tebakan")


@pytest.mark.django_db
def test_selectors_list_gaps_largest_first(employee, standard, competencies, unit):
    record(employee, competencies["integritas"], 2)  # gap 1
    record(employee, competencies["komunikasi"], 2)  # met: closed
    # keamanan: 4 - 0 = 4
    gaps = selectors.open_gaps_for(employee=employee)
    assert [(gap.competency.code, gap.size) for gap in gaps] == [("tik-keamanan-informasi", 4), ("integritas", 1)]


@pytest.mark.django_db
def test_open_gaps_for_takes_one_query(employee, standard, django_assert_num_queries):
    services.gaps_recompute()
    with django_assert_num_queries(1):
        gaps = selectors.open_gaps_for(employee=employee)
        assert [gap.competency.name for gap in gaps]


@pytest.mark.django_db
def test_a_standard_gaps_reason_reads_in_english_and_older_gaps_get_their_source(employee, standard, position):
    from django.utils import translation

    services.gaps_recompute(employee_ids=[employee.pk])
    gap = standard_gaps(employee)["integritas"]
    with translation.override("en"):
        assert gap.reason_display() == "the Pranata Komputer Ahli Pertama position standard requires level 3"
    # A gap stored before reasons kept their source: the next run adds it, and the one after writes nothing.
    Gap.objects.filter(employee=employee).update(reason_source={})
    assert services.gaps_recompute(employee_ids=[employee.pk])["updated"] == 3
    assert not Gap.objects.filter(employee=employee, reason_source={}).exists()
    assert services.gaps_recompute(employee_ids=[employee.pk])["unchanged"] == 3
    PositionStandard.objects.filter(pk=standard["integritas"].pk).update(required_level=4)
    services.gaps_recompute(position_ids=[position.pk])
    with translation.override("en"):
        assert standard_gaps(employee)["integritas"].reason_display().endswith("requires level 4")
