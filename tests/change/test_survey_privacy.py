"""Pulse survey answers that cannot be linked to a person: the split of who answered from what was
answered (in the schema and in the data migration), the purge of old concerns, and what an employee
gets of the change hub in "my data"."""

import datetime
import json

import pytest
from django.db import connection
from django.db.migrations.exceptions import IrreversibleError
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from portal.change.models import (
    Acknowledgement,
    EventRegistration,
    SurveyAnswer,
    SurveyParticipation,
    SurveyResponse,
)
from portal.change.personal_data import personal_data_for
from portal.change.services.retention import survey_concerns_purge

from ..factories import EmployeeFactory, UnitFactory
from .conftest import make_change_article, make_change_event, make_pulse_survey, survey_respond, survey_staff

DAY = datetime.timedelta(days=1)
BEFORE_SPLIT = [("change", "0004_reminder_schedules")]
SPLIT = ("change", "0005_survey_participation_split")


def columns(model) -> set[str]:
    with connection.cursor() as cursor:
        return {column.name for column in connection.introspection.get_table_description(cursor, model._meta.db_table)}


@pytest.mark.django_db
def test_the_answers_table_names_no_person_and_no_time():
    response_columns = columns(SurveyResponse)
    assert response_columns == {"id", "survey_id", "unit_id", "concern"}
    assert not {field.related_model for field in SurveyResponse._meta.get_fields() if field.is_relation} & {
        EmployeeFactory._meta.model,
        SurveyParticipation,
    }
    assert columns(SurveyParticipation) == {"id", "survey_id", "employee_id", "answered_at"}


@pytest.mark.django_db
def test_the_keys_of_answers_do_not_follow_the_order_people_answered_in(unit, pulse_survey):
    """Were the keys sequential, sorting both tables by key would pair each person with their answers."""
    for employee in survey_staff(unit, 8):
        survey_respond(employee, pulse_survey)
    assert SurveyResponse._meta.pk.get_internal_type() == SurveyAnswer._meta.pk.get_internal_type() == "UUIDField"
    keys = list(SurveyResponse.objects.order_by("pk").values_list("pk", flat=True))
    assert len(set(keys)) == 8 and all(key.version == 4 for key in keys)


# Serialized rollback: the data migrations' rows come back after the schema moved back and forth.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_moves_answers_to_the_split_and_drops_the_link():
    survey = make_pulse_survey()
    questions = list(survey.questions.order_by("sort_order"))
    unit, moved_away_to = UnitFactory(name="Kecamatan Rangkui"), UnitFactory(name="Dinas Kesehatan")
    people = survey_staff(unit, 3)

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_SPLIT)
    old = executor.loader.project_state(BEFORE_SPLIT).apps
    legacy_response, legacy_answer = old.get_model("change", "SurveyResponse"), old.get_model("change", "SurveyAnswer")
    answered_at = timezone.now() - DAY
    for index, employee in enumerate(people):
        response = legacy_response.objects.create(
            survey_id=survey.pk,
            employee_id=employee.pk,
            unit_id=unit.pk,
            concern=f"Kekhawatiran {index}",
            submitted_at=answered_at + index * datetime.timedelta(minutes=5),
        )
        legacy_answer.objects.bulk_create(
            legacy_answer(response=response, question_id=question.pk, value=index + 1) for question in questions
        )
    people[0].unit = moved_away_to  # a later move does not rewrite where the answers count
    people[0].save()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    participations = SurveyParticipation.objects.filter(survey=survey).order_by("employee_id")
    assert [(p.employee_id, p.answered_at) for p in participations] == [
        (employee.pk, answered_at + index * datetime.timedelta(minutes=5)) for index, employee in enumerate(people)
    ]
    moved = {
        (response.unit_id, response.concern, tuple(sorted(response.answers.values_list("value", flat=True))))
        for response in SurveyResponse.objects.filter(survey=survey)
    }
    assert moved == {(unit.pk, f"Kekhawatiran {index}", (index + 1,) * 10) for index in range(3)}
    assert "employee_id" not in columns(SurveyResponse)

    # The link cannot be made again: going back refuses while there are answers.
    executor = MigrationExecutor(connection)
    with pytest.raises(IrreversibleError, match="cannot be linked again"):
        executor.migrate(BEFORE_SPLIT)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert SurveyResponse.objects.filter(survey=survey).count() == 3


@pytest.mark.django_db
def test_the_purge_blanks_concerns_of_rounds_closed_before_the_date_and_keeps_the_scores(unit):
    old = make_pulse_survey("Putaran lama", opened=120 * DAY, closes_in=-100 * DAY)
    recent = make_pulse_survey("Putaran baru", opened=20 * DAY, closes_in=-10 * DAY)
    running = make_pulse_survey("Putaran berjalan")
    for employee in survey_staff(unit, 3):
        for survey in (old, recent, running):
            survey_respond(employee, survey, 2, concern="Target belum jelas")
    survey_respond(survey_staff(unit, 1)[0], old, 2)  # nothing to blank

    before = timezone.localdate() - datetime.timedelta(days=30)
    assert survey_concerns_purge(before=before) == 3
    assert set(SurveyResponse.objects.filter(survey=old).values_list("concern", flat=True)) == {""}
    assert SurveyResponse.objects.filter(survey=old).count() == 4
    assert old.responses.first().answers.filter(value=2).count() == 10
    for survey in (recent, running):
        assert set(survey.responses.values_list("concern", flat=True)) == {"Target belum jelas"}
    assert survey_concerns_purge(before=before) == 0
    assert survey_concerns_purge(before=timezone.localdate() + DAY) == 3  # the running round stays open


@pytest.mark.django_db
def test_the_purge_keeps_a_round_that_closed_on_the_date_itself(unit):
    closes = timezone.make_aware(datetime.datetime.combine(timezone.localdate() - 5 * DAY, datetime.time(8)))
    survey = make_pulse_survey(opened=timezone.now() - closes + 10 * DAY, closes_in=closes - timezone.now())
    survey_respond(survey_staff(unit, 1)[0], survey, concern="Waktu")
    assert survey_concerns_purge(before=timezone.localdate(closes)) == 0
    assert survey_concerns_purge(before=timezone.localdate(closes) + DAY) == 1


@pytest.mark.django_db
def test_my_data_lists_confirmations_registrations_and_participations_but_no_answers(pegawai):
    employee = pegawai.employee
    article = make_change_article("Mengapa SKP berubah?", must_read=True)
    Acknowledgement.objects.create(article=article, employee=employee)
    attended, cancelled = make_change_event("Sosialisasi SKP"), make_change_event("Klinik SKP", starts_in=5 * DAY)
    EventRegistration.objects.create(event=attended, employee=employee, attended=True)
    EventRegistration.objects.create(event=cancelled, employee=employee, cancelled_at=timezone.now())
    survey = make_pulse_survey("Survei Kesiapan Putaran 1")
    participation = survey_respond(employee, survey, 5, concern="Rahasia saya")
    someone_else = EmployeeFactory()
    Acknowledgement.objects.create(article=article, employee=someone_else)
    survey_respond(someone_else, make_pulse_survey("Putaran orang lain"))

    data = personal_data_for(employee=employee)
    text = json.dumps(data)  # JSON as it is
    assert [row["title"] for row in data["must_read_confirmations"]] == ["Mengapa SKP berubah?"]
    assert data["must_read_confirmations"][0]["confirmed_at"]
    registrations = {row["title"]: row for row in data["event_registrations"]}
    assert registrations["Sosialisasi SKP"]["attended"] and registrations["Sosialisasi SKP"]["status"] == "terdaftar"
    assert registrations["Klinik SKP"]["status"] == "dibatalkan" and not registrations["Klinik SKP"]["attended"]
    assert registrations["Sosialisasi SKP"]["starts_at"] == attended.starts_at.isoformat()
    assert data["survey_participations"] == [
        {"round": "Survei Kesiapan Putaran 1", "answered_on": timezone.localdate(participation.answered_at).isoformat()}
    ]
    assert "tanpa nama" in data["survey_answers"]
    assert "Rahasia saya" not in text and "Putaran orang lain" not in text
