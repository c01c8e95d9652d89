"""The demo pulse surveys: an open round pegawai has still to answer (counts only), two closed ones
with results and a trend, one unit low and falling; seeding twice changes nothing."""

import pytest

from portal.change.demo import surveys as demo
from portal.change.models import PulseSurvey, SurveyAnswer, SurveyParticipation, SurveyResponse
from portal.change.selectors.adoption import adoption_by_unit, dashboard_concerns
from portal.change.selectors.surveys import open_surveys_for
from portal.people.demo import seed_organisation
from portal.people.models import Employee


@pytest.mark.django_db
def test_the_demo_rounds_show_results_a_trend_and_leave_pegawai_to_answer():
    seed_organisation()
    demo.seed()
    counts = (SurveyParticipation.objects.count(), SurveyResponse.objects.count(), SurveyAnswer.objects.count())
    demo.seed()
    assert (SurveyParticipation.objects.count(), SurveyResponse.objects.count(), SurveyAnswer.objects.count()) == counts
    assert counts[0] == counts[1]

    pegawai = Employee.objects.get(nip=demo.PEGAWAI_NIP)
    assert [survey.title for survey in open_surveys_for(employee=pegawai)] == [demo.OPEN_TITLE]

    # The newest round is open: counts per unit, no figures; pegawai's unit has four, their answer the fifth.
    current = adoption_by_unit()
    assert current["survey"].title == demo.OPEN_TITLE and current["pending"]
    assert current["previous"].title == demo.CLOSED_TITLE
    own = next(row for row in current["rows"] if row["unit"].pk == pegawai.unit_id)
    assert own["readiness"]["respondents"] == 4 and own["readiness"]["overall"] is None
    assert not current["alerts"]

    # The latest closed round: results in several units, every shown unit with five or more, a trend.
    data = adoption_by_unit(survey=PulseSurvey.objects.get(title=demo.CLOSED_TITLE))
    assert not data["pending"] and data["previous"].title == demo.FIRST_TITLE
    shown = {row["unit"].code: row for row in data["rows"] if not row["readiness"]["suppressed"]}
    assert len(shown) >= 3 and all(row["readiness"]["respondents"] >= 5 for row in shown.values())
    girimaya = shown["kec-girimaya"]
    assert girimaya["low"] and girimaya["falling"]
    assert not data["total"]["readiness"]["suppressed"]
    assert dashboard_concerns(data=data)  # words five or more people wrote, for all units
    assert dict(dashboard_concerns(data=data, unit=girimaya["unit"]))["target"] >= 5
