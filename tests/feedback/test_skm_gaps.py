"""Weak front-line results of the public survey open gaps for the people at the counter, through the
mapping HR edits; a later period where the element recovered closes them; training closes them too."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from appraisal_link.feedback import periods
from appraisal_link.feedback.development import survey_gaps_refresh, weak_elements
from appraisal_link.feedback.models import ServicePopulation
from appraisal_link.feedback.selectors import Index
from competency.models import Competency, Gap
from competency.services import course_completion_apply
from portal.people.models import Employee, Position, Unit
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
S1, S2 = periods.parse("2026-S1"), periods.parse("2026-S2")
MAY, OCTOBER = datetime.date(2026, 5, 10), datetime.date(2026, 10, 10)


@pytest.fixture
def counter(point, unit):
    """The service point's front-line position, and its people: one in the unit, one in a sub-unit,
    one elsewhere, one in another position."""
    loket = Position.objects.create(code="pengadministrasi-loket", name="Pengadministrasi Loket", kind="pelaksana")
    point.positions.add(loket)
    sub_unit = Unit.objects.create(name="Seksi Pelayanan", code="seksi-pelayanan", parent=unit)
    elsewhere = Unit.objects.create(name="Dinas Lain", code="dinas-lain")
    return {
        "in_unit": EmployeeFactory(unit=unit, position=loket),
        "in_sub_unit": EmployeeFactory(unit=sub_unit, position=loket),
        "elsewhere": EmployeeFactory(unit=elsewhere, position=loket),
        "back_office": EmployeeFactory(unit=unit),
        "left": EmployeeFactory(unit=unit, position=loket, is_active=False),
    }


def _good_but(**weak) -> dict:
    """Every element 4 (quality A) but the ones given, e.g. _good_but(u7=2)."""
    return {n: weak.get(f"u{n}", 4) for n in range(1, 10)}


def _populate(point, key, population=10):
    ServicePopulation.objects.create(service_point=point, period=key, population=population)


def test_rude_service_opens_gaps_for_the_people_at_the_counter_only(point, counter, respond):
    _populate(point, "2026-S1")
    respond(point, _good_but(u7=2), on=MAY, count=10)  # perilaku pelaksana 2.00; the rest 4 (A)
    assert survey_gaps_refresh(period=S1) == {"weak_points": 1, "opened": 4, "closed": 0}
    gaps = Gap.objects.filter(source=Gap.Source.PUBLIC_SURVEY)
    owners = {gap.employee_id for gap in gaps}
    assert owners == {counter["in_unit"].pk, counter["in_sub_unit"].pk}
    # The seeded mapping: perilaku pelaksana → orientasi pelayanan and integritas.
    assert set(gaps.values_list("competency__code", flat=True)) == {"pelayanan-publik", "integritas"}
    gap = gaps.first()
    assert gap.reason == "survei kepuasan masyarakat 2026-S1, Perekaman KTP-el: Perilaku pelaksana 2,00"
    assert gap.get_source_display() == "Survei kepuasan masyarakat"


def test_running_again_opens_nothing_twice(point, counter, respond):
    _populate(point, "2026-S1")
    respond(point, _good_but(u7=2), on=MAY, count=10)
    survey_gaps_refresh(period=S1)
    assert survey_gaps_refresh(period=S1)["opened"] == 0
    assert Gap.objects.filter(source=Gap.Source.PUBLIC_SURVEY).count() == 4


def test_no_gap_without_a_representative_sample(point, counter, respond):
    respond(point, 1, on=MAY, count=9)  # no population entered: not representative
    assert survey_gaps_refresh(period=S1)["opened"] == 0
    _populate(point, "2026-S1", population=10)  # 9 of the 10 the table asks for
    assert survey_gaps_refresh(period=S1)["opened"] == 0
    assert not Gap.objects.filter(source=Gap.Source.PUBLIC_SURVEY).exists()


def test_the_threshold_is_hrs_to_set(point, counter, respond):
    from portal.pages.models import PortalSettings

    _populate(point, "2026-S1")
    respond(point, _good_but(u6=3), on=MAY, count=10)  # kompetensi pelaksana 3.00: not below 3.00
    assert survey_gaps_refresh(period=S1)["opened"] == 0
    settings_row = PortalSettings.load()
    settings_row.skm_weak_below = Decimal("3.50")
    settings_row.save()
    assert survey_gaps_refresh(period=S1)["opened"] > 0


def test_a_poor_grade_opens_all_three_front_line_elements():
    nrr = {f"u{n}": Decimal("2.5") for n in range(1, 10)} | {"u6": Decimal("3.5")}
    index = Index(responses=100, nrr=nrr, population=100)
    assert index.grade[0] == "C"  # 66.67
    assert weak_elements(index, below=Decimal("3.0")) == ["u6", "u7", "u8"]


def test_a_recovered_element_closes_its_gaps_next_semester(point, counter, respond):
    _populate(point, "2026-S1")
    _populate(point, "2026-S2")
    respond(point, _good_but(u7=2), on=MAY, count=10)
    survey_gaps_refresh(period=S1)
    respond(point, _good_but(), on=OCTOBER, count=10)
    assert survey_gaps_refresh(period=S2) == {"weak_points": 0, "opened": 0, "closed": 4}
    closed = Gap.objects.filter(source=Gap.Source.PUBLIC_SURVEY, status=Gap.Status.CLOSED)
    assert closed.count() == 4
    assert closed.first().closed_reason == "tidak lagi tampak pada survei kepuasan 2026-S2"


def test_training_closes_a_survey_gap_as_it_closes_an_appraisal_gap(point, counter, respond):
    _populate(point, "2026-S1")
    respond(point, _good_but(u7=2), on=MAY, count=10)
    survey_gaps_refresh(period=S1)
    employee = counter["in_unit"]
    integritas = Competency.objects.get(code="integritas")
    gap = Gap.objects.get(employee=employee, competency=integritas, source=Gap.Source.PUBLIC_SURVEY)
    course_completion_apply(
        employee_id=employee.pk,
        levels={integritas.pk: gap.required_level},
        course_title="Etika Pelayanan",
        completed_on=datetime.date(2026, 11, 1),
    )
    gap.refresh_from_db()
    assert gap.status == Gap.Status.CLOSED and gap.closed_reason == "pelatihan Etika Pelayanan selesai"


def test_hr_applies_a_period_from_the_report(hr_client, point, counter, respond):
    _populate(point, "2026-S1")
    respond(point, _good_but(u7=2), on=MAY, count=10)
    response = hr_client.post(reverse("skm_apply"), {"periode": "2026-S1"}, follow=True)
    assert response.status_code == 200
    assert "4 kesenjangan dibuka" in response.content.decode()
    assert hr_client.post(reverse("skm_apply"), {"periode": "2026-S7"}).status_code == 302
    assert Gap.objects.filter(source=Gap.Source.PUBLIC_SURVEY).count() == 4


def test_the_nightly_task_applies_the_last_closed_semester(point, counter, respond, settings):
    from appraisal_link.feedback.tasks import survey_gaps_task

    today = datetime.date.today()
    last = periods.last_closed("semester", today)
    _populate(point, last.key)
    respond(point, _good_but(u8=1), on=last.start, count=10)
    assert survey_gaps_task.apply().get()["opened"] > 0
    assert Employee.objects.filter(gaps__source=Gap.Source.PUBLIC_SURVEY).distinct().count() == 2
