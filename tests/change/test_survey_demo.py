"""The demo pulse surveys: an open round pegawai has still to answer, a closed one for the trend,
figures in several units with one low and falling; seeding twice changes nothing."""

import pytest

from portal.change.demo import surveys as demo
from portal.change.models import SurveyAnswer, SurveyResponse
from portal.change.selectors.adoption import adoption_by_unit
from portal.change.selectors.surveys import open_surveys_for
from portal.people.demo import seed_organisation
from portal.people.models import Employee


@pytest.mark.django_db
def test_the_demo_rounds_show_numbers_a_trend_and_leave_pegawai_to_answer():
    seed_organisation()
    demo.seed()
    counts = (SurveyResponse.objects.count(), SurveyAnswer.objects.count())
    demo.seed()
    assert (SurveyResponse.objects.count(), SurveyAnswer.objects.count()) == counts

    pegawai = Employee.objects.get(nip=demo.PEGAWAI_NIP)
    assert [survey.title for survey in open_surveys_for(employee=pegawai)] == [demo.OPEN_TITLE]
    data = adoption_by_unit()
    assert (data["survey"].title, data["previous"].title) == (demo.OPEN_TITLE, demo.EARLIER_TITLE)
    shown = {row["unit"].code: row for row in data["rows"] if not row["readiness"]["suppressed"]}
    assert len(shown) >= 2
    girimaya = shown["kec-girimaya"]
    assert girimaya["low"] and girimaya["falling"]
    # pegawai's unit: four colleagues answered, so pegawai's answer is the fifth.
    own = next(row for row in data["rows"] if row["unit"].pk == pegawai.unit_id)
    assert own["readiness"]["suppressed"]
    assert SurveyResponse.objects.filter(survey=data["survey"], unit=pegawai.unit).count() == 4
    assert not data["total"]["readiness"]["suppressed"]
