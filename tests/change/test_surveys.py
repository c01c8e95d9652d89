"""Pulse surveys: the response rules, copying a round, the privacy threshold, the concern word
counts, and HR's survey screens in the admin."""

import datetime
import threading

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from portal.change import adkar
from portal.change.models import PulseSurvey, SurveyAnswer, SurveyParticipation, SurveyQuestion, SurveyResponse
from portal.change.selectors.surveys import concern_word_counts, open_surveys_for, survey_results, words_of
from portal.change.services import surveys as services
from portal.people import roles

from ..factories import UnitFactory
from .conftest import (
    close_pulse_survey,
    make_closed_pulse_survey,
    make_pulse_survey,
    survey_answers,
    survey_respond,
    survey_staff,
)

DAY = datetime.timedelta(days=1)


def submit(employee, survey, answers=None, **kwargs):
    return services.survey_response_submit(
        employee=employee, survey=survey, answers=survey_answers(survey) if answers is None else answers, **kwargs
    )


# --- answering -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_response_keeps_every_answer_the_unit_and_the_stripped_concern(pegawai, pulse_survey):
    employee = pegawai.employee
    participation, created = submit(
        employee, pulse_survey, survey_answers(pulse_survey, 4, desire=2), concern="  Waktu.  "
    )
    assert created
    assert (participation.survey, participation.employee) == (pulse_survey, employee)
    response = SurveyResponse.objects.get()
    assert (response.unit_id, response.concern) == (employee.unit_id, "Waktu.")
    values = dict(response.answers.values_list("question__dimension", "value").distinct())
    assert values == {"awareness": 4, "desire": 2, "knowledge": 4, "ability": 4, "reinforcement": 4}
    assert response.answers.count() == 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("opened", "closes_in", "code"),
    [(-DAY, 7 * DAY, "not_open"), (7 * DAY, -DAY, "closed")],
    ids=["not-open-yet", "closed"],
)
def test_a_round_takes_answers_only_while_open(pegawai, opened, closes_in, code):
    survey = make_pulse_survey(opened=opened, closes_in=closes_in)
    with pytest.raises(ValidationError) as refused:
        submit(pegawai.employee, survey)
    assert refused.value.code == code
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_the_round_closes_at_its_closing_time(pegawai, pulse_survey):
    with pytest.raises(ValidationError) as refused:
        submit(pegawai.employee, pulse_survey, now=pulse_survey.closes_at)
    assert refused.value.code == "closed"
    _response, created = submit(pegawai.employee, pulse_survey, now=pulse_survey.opens_at)
    assert created


@pytest.mark.django_db
def test_every_statement_must_be_answered(pegawai, pulse_survey):
    answers = survey_answers(pulse_survey)
    answers.popitem()
    with pytest.raises(ValidationError) as refused:
        submit(pegawai.employee, pulse_survey, answers)
    assert refused.value.code == "unanswered"
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_a_question_of_another_survey_is_refused(pegawai, pulse_survey):
    other = make_pulse_survey("Putaran lain")
    answers = {**survey_answers(pulse_survey), other.questions.first().pk: 4}
    with pytest.raises(ValidationError) as error:
        submit(pegawai.employee, pulse_survey, answers)
    assert error.value.code == "forged"
    assert not SurveyAnswer.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", [0, 6, -1, True, "4", 3.5, None])
def test_a_value_off_the_likert_scale_is_refused(pegawai, pulse_survey, value):
    answers = survey_answers(pulse_survey)
    answers[next(iter(answers))] = value
    with pytest.raises(ValidationError) as error:
        submit(pegawai.employee, pulse_survey, answers)
    assert error.value.code == "out_of_range"
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_a_second_submission_returns_the_first_and_changes_nothing(pegawai, pulse_survey):
    first, created = submit(pegawai.employee, pulse_survey, survey_answers(pulse_survey, 5))
    again, created_again = submit(pegawai.employee, pulse_survey, survey_answers(pulse_survey, 1), concern="Lain")
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert SurveyResponse.objects.count() == 1 and SurveyParticipation.objects.count() == 1
    assert set(SurveyAnswer.objects.values_list("value", flat=True)) == {5}


@pytest.mark.django_db
def test_a_submission_that_loses_the_race_gets_the_winner(pegawai, pulse_survey, monkeypatch):
    """Two submissions both pass the "already answered?" check; the unique pair lets one insert win."""
    winner, _created = submit(pegawai.employee, pulse_survey)
    monkeypatch.setattr(services, "_existing_participation", lambda **kwargs: None)
    participation, created = submit(pegawai.employee, pulse_survey, survey_answers(pulse_survey, 1))
    assert (participation.pk, created) == (winner.pk, False)
    # The losing submission's response and answers were rolled back with its participation.
    assert SurveyResponse.objects.count() == 1
    assert set(SurveyAnswer.objects.values_list("value", flat=True)) == {4}


# Serialized rollback, as every transactional test here: the data migrations' rows come back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_record_one_response(make_person):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent transactions (PostgreSQL, as in CI)")
    employee = make_person(roles.PEGAWAI).employee
    survey = make_pulse_survey()
    answers = survey_answers(survey)
    barrier, results, errors = threading.Barrier(2), [], []

    def run():
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            results.append(services.survey_response_submit(employee=employee, survey=survey, answers=answers))
        except Exception as error:  # reported below, so a failure in a thread fails the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert sorted(created for _response, created in results) == [False, True]
    assert len({participation.pk for participation, _created in results}) == 1
    assert SurveyParticipation.objects.count() == 1 and SurveyResponse.objects.count() == 1
    assert SurveyAnswer.objects.count() == 10


@pytest.mark.django_db
def test_a_concern_longer_than_2000_characters_is_refused(pegawai, pulse_survey):
    with pytest.raises(ValidationError) as refused:
        submit(pegawai.employee, pulse_survey, concern="a" * 2001)
    assert refused.value.code == "too_long"
    _response, created = submit(pegawai.employee, pulse_survey, concern="a" * 2000 + "   ")
    assert created


@pytest.mark.django_db
def test_a_round_without_the_concern_question_keeps_no_concern(pegawai):
    survey = make_pulse_survey(ask_concerns=False)
    submit(pegawai.employee, survey, concern="Tetap ditulis")
    assert SurveyResponse.objects.get().concern == ""


@pytest.mark.django_db
def test_an_inactive_employee_cannot_answer(pegawai, pulse_survey):
    pegawai.employee.is_active = False
    pegawai.employee.save()
    with pytest.raises(ValidationError) as refused:
        submit(pegawai.employee, pulse_survey)
    assert refused.value.code == "inactive"


@pytest.mark.django_db
def test_open_surveys_leave_out_answered_closed_and_upcoming_rounds(pegawai):
    open_round = make_pulse_survey("Terbuka")
    answered = make_pulse_survey("Sudah diisi")
    make_pulse_survey("Tertutup", opened=9 * DAY, closes_in=-DAY)
    make_pulse_survey("Akan datang", opened=-DAY, closes_in=9 * DAY)
    survey_respond(pegawai.employee, answered)
    assert open_surveys_for(employee=pegawai.employee) == [open_round]
    assert open_surveys_for(employee=None) == []


# --- copying a round --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_adkar_template_exists_after_migrate_with_two_statements_per_dimension():
    template = PulseSurvey.objects.get(title=adkar.TEMPLATE_TITLE)
    dimensions = list(template.questions.order_by("sort_order").values_list("dimension", flat=True))
    assert (
        dimensions == ["awareness"] * 2 + ["desire"] * 2 + ["knowledge"] * 2 + ["ability"] * 2 + ["reinforcement"] * 2
    )
    assert not template.is_open()


@pytest.mark.django_db
def test_a_copy_is_a_new_round_with_the_same_statements_and_no_responses(pegawai, pulse_survey):
    survey_respond(pegawai.employee, pulse_survey)
    opens_at = timezone.now() + DAY
    copy = services.survey_copy(
        survey=pulse_survey, opens_at=opens_at, closes_at=opens_at + 14 * DAY, title=" Putaran 2 "
    )
    assert (copy.title, copy.opens_at, copy.intro, copy.ask_concerns) == ("Putaran 2", opens_at, "Survei uji.", True)

    def statements(survey):
        return list(survey.questions.order_by("sort_order").values_list("text", "dimension"))

    assert statements(copy) == statements(pulse_survey)
    assert not copy.responses.exists() and not copy.participations.exists()
    assert SurveyQuestion.objects.filter(survey=pulse_survey).count() == 10  # the source keeps its own
    assert services.survey_copy(survey=copy, opens_at=opens_at, closes_at=opens_at + DAY).title == "Putaran 2"


@pytest.mark.django_db
def test_a_copy_needs_a_period_that_ends_after_it_starts(pulse_survey):
    now = timezone.now()
    with pytest.raises(ValidationError) as refused:
        services.survey_copy(survey=pulse_survey, opens_at=now, closes_at=now)
    assert refused.value.code == "period"


# --- privacy threshold and concern words ------------------------------------------------------------


@pytest.mark.django_db
def test_results_of_four_respondents_are_withheld_and_of_five_are_shown(unit):
    pulse_survey = make_closed_pulse_survey()
    people = survey_staff(unit, 5)
    for employee in people[:4]:
        survey_respond(employee, pulse_survey, 4, awareness=2)
    hidden = survey_results(survey=pulse_survey, unit=unit)
    assert hidden["suppressed"] and hidden["respondents"] is None and hidden["overall"] is None
    assert all(dimension["mean"] is None for dimension in hidden["dimensions"])
    assert survey_results(survey=pulse_survey)["suppressed"]

    survey_respond(people[4], pulse_survey, 5, awareness=3)
    shown = survey_results(survey=pulse_survey, unit=unit)
    means = {dimension["key"]: dimension["mean"] for dimension in shown["dimensions"]}
    assert not shown["suppressed"] and shown["respondents"] == 5
    assert means == {"awareness": 2.2, "desire": 4.2, "knowledge": 4.2, "ability": 4.2, "reinforcement": 4.2}
    assert shown["overall"] == 3.8
    assert survey_results(survey=pulse_survey, unit=UnitFactory())["suppressed"]


@pytest.mark.django_db
def test_an_open_rounds_results_wait_until_it_closes(unit, pulse_survey):
    for employee in survey_staff(unit, 6):
        survey_respond(employee, pulse_survey, 4, awareness=2, concern="Target belum jelas")
    pending = survey_results(survey=pulse_survey, unit=unit)
    assert pending["suppressed"] and pending["pending"] and pending["overall"] is None
    assert all(dimension["mean"] is None for dimension in pending["dimensions"])
    assert concern_word_counts(survey=pulse_survey, unit=unit) is None

    close_pulse_survey(pulse_survey)
    shown = survey_results(survey=pulse_survey, unit=unit)
    assert not shown["suppressed"] and (shown["respondents"], shown["overall"]) == (6, 3.6)
    assert concern_word_counts(survey=pulse_survey, unit=unit) == [("jelas", 6), ("target", 6)]


@pytest.mark.django_db
def test_concern_words_are_lower_case_without_stop_words_and_need_five_respondents(unit):
    pulse_survey = make_closed_pulse_survey()
    concerns = [
        "Saya khawatir target SKP yang tidak realistis.",
        "TARGET terlalu banyak, dan waktu untuk pelatihan kurang. Target target target!",
        "Target: belum paham aplikasi e-kinerja; pelatihan perlu diulang.",
        "Target waktu pelatihan.",
    ]
    people = survey_staff(unit, 6)
    for employee, concern in zip(people, concerns, strict=False):
        survey_respond(employee, pulse_survey, concern=concern)
    assert concern_word_counts(survey=pulse_survey, unit=unit) is None  # four respondents

    survey_respond(people[4], pulse_survey, concern="Waktu dan target!")
    counts = dict(concern_word_counts(survey=pulse_survey, unit=unit))
    assert counts == {"target": 5}  # once per writer, however often one of them writes it
    assert not {"saya", "yang", "tidak", "dan", "untuk", "perlu", "terlalu", "banyak"} & set(counts)


@pytest.mark.django_db
def test_a_concern_word_is_shown_only_once_five_people_wrote_it(unit):
    """Five respondents, but one of them writes a word ten times: it is one person's word, not shown."""
    pulse_survey = make_closed_pulse_survey()
    people = survey_staff(unit, 7)
    survey_respond(people[0], pulse_survey, concern="Mutasi mutasi mutasi mutasi mutasi mutasi mutasi mutasi")
    for employee in people[1:4]:
        survey_respond(employee, pulse_survey, concern="Pelatihan aplikasi kurang")
    survey_respond(people[4], pulse_survey, concern="Pelatihan kurang, mutasi juga")
    counts = dict(concern_word_counts(survey=pulse_survey, unit=unit))
    assert counts == {}  # "pelatihan" and "kurang": four writers; "mutasi": two
    survey_respond(people[5], pulse_survey, concern="Pelatihan? Entahlah.")
    assert concern_word_counts(survey=pulse_survey, unit=unit) == [("pelatihan", 5)]
    survey_respond(people[6], pulse_survey, concern="Kurang pelatihan")
    assert concern_word_counts(survey=pulse_survey, unit=unit, top=1) == [("pelatihan", 6)]
    assert concern_word_counts(survey=pulse_survey, unit=unit) == [("pelatihan", 6), ("kurang", 5)]


def test_words_of_splits_on_anything_but_letters():
    assert words_of("<script>alert('Gaji')</script> 2026 e-kinerja SKP-nya") == {
        "script",
        "alert",
        "gaji",
        "kinerja",
        "skp",
    }


# --- the admin -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_hr_lists_rounds_with_period_status_and_responses(client, hr_with_mfa, pulse_survey, unit):
    for employee in survey_staff(unit, 3):
        survey_respond(employee, pulse_survey)
    make_pulse_survey("Putaran berikut", opened=-7 * DAY, closes_in=21 * DAY)
    client.force_login(hr_with_mfa)
    html = client.get(reverse("survei-denyut:index")).content.decode()
    assert pulse_survey.title in html and "Putaran berikut" in html and adkar.TEMPLATE_TITLE in html
    assert "Dibuka" in html and "Akan dibuka" in html and "Ditutup" in html
    assert "Salin sebagai putaran baru" in html
    row = next(chunk for chunk in html.split("<tr") if pulse_survey.title in chunk)
    assert ">3<" in "".join(row.split())


@pytest.mark.django_db
@pytest.mark.parametrize("role", [roles.PELATIH, roles.PEGAWAI])
def test_only_hr_manages_surveys(client, make_person, role, pulse_survey):
    client.force_login(make_person(role))
    for url in (
        reverse("survei-denyut:index"),
        reverse("survei-denyut:edit", args=[pulse_survey.pk]),
        reverse("survei-denyut:copy_round", args=[pulse_survey.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or "/survei" not in response["Location"]


@pytest.mark.django_db
def test_hr_starts_a_new_round_from_the_template(client, hr_with_mfa):
    template = PulseSurvey.objects.get(title=adkar.TEMPLATE_TITLE)
    client.force_login(hr_with_mfa)
    url = reverse("survei-denyut:copy_round", args=[template.pk])
    assert client.get(url).status_code == 200
    opens = timezone.localtime() + DAY
    data = {
        "title": "Survei Kesiapan Putaran 1",
        "opens_at": opens.strftime("%Y-%m-%d %H:%M"),
        "closes_at": (opens - DAY).strftime("%Y-%m-%d %H:%M"),
    }
    refused = client.post(url, data)
    assert refused.status_code == 200 and refused.context["form"].has_error("closes_at", code="period")
    response = client.post(url, {**data, "closes_at": (opens + 14 * DAY).strftime("%Y-%m-%d %H:%M")})
    copy = PulseSurvey.objects.get(title="Survei Kesiapan Putaran 1")
    assert response["Location"] == reverse("survei-denyut:edit", args=[copy.pk])
    assert copy.questions.count() == 10 and copy.opens_at > timezone.now()


@pytest.mark.django_db
def test_an_answered_statement_cannot_be_deleted_in_the_editor(client, hr_with_mfa, pegawai, pulse_survey):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    survey_respond(pegawai.employee, pulse_survey)
    questions = list(pulse_survey.questions.order_by("sort_order"))
    client.force_login(hr_with_mfa)

    def post(delete_first: bool):
        forms = [
            {"id": q.pk, "text": q.text, "dimension": q.dimension, "ORDER": i, "DELETE": delete_first and i == 0}
            for i, q in enumerate(questions)
        ]
        opens, closes = (timezone.localtime(pulse_survey.opens_at), timezone.localtime(pulse_survey.closes_at))
        data = nested_form_data(
            {
                "title": "Judul baru",
                "intro": pulse_survey.intro,
                "opens_at": opens.strftime("%Y-%m-%d %H:%M"),
                "closes_at": closes.strftime("%Y-%m-%d %H:%M"),
                "ask_concerns": "on",
                "questions": inline_formset(forms, initial=len(forms), min=1),
            }
        )
        data = {key: value for key, value in data.items() if value is not False}
        return client.post(reverse("survei-denyut:edit", args=[pulse_survey.pk]), data)

    refused = post(delete_first=True)
    assert refused.status_code == 200
    assert refused.context["form"].has_error(NON_FIELD_ERRORS, code="answered")
    assert pulse_survey.questions.count() == 10
    assert post(delete_first=False).status_code == 302
    pulse_survey.refresh_from_db()
    assert pulse_survey.title == "Judul baru"


def _edit_period(client, survey, closes_at):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    forms = [
        {"id": q.pk, "text": q.text, "dimension": q.dimension, "ORDER": i, "DELETE": False}
        for i, q in enumerate(survey.questions.order_by("sort_order"))
    ]
    data = nested_form_data(
        {
            "title": survey.title,
            "intro": survey.intro,
            "opens_at": timezone.localtime(survey.opens_at).strftime("%Y-%m-%d %H:%M"),
            "closes_at": timezone.localtime(closes_at).strftime("%Y-%m-%d %H:%M"),
            "ask_concerns": "on",
            "questions": inline_formset(forms, initial=len(forms), min=1),
        }
    )
    data = {key: value for key, value in data.items() if value is not False}
    return client.post(reverse("survei-denyut:edit", args=[survey.pk]), data)


@pytest.mark.django_db
def test_hr_closes_a_round_but_cannot_reopen_it_once_answered(client, hr_with_mfa, pegawai, pulse_survey):
    """Reopening a closed round for one more answer would show that answer as the difference."""
    survey_respond(pegawai.employee, pulse_survey)
    client.force_login(hr_with_mfa)
    assert _edit_period(client, pulse_survey, timezone.now() - datetime.timedelta(minutes=1)).status_code == 302
    pulse_survey.refresh_from_db()
    assert pulse_survey.is_closed()

    refused = _edit_period(client, pulse_survey, timezone.now() + 7 * DAY)
    assert refused.status_code == 200 and refused.context["form"].has_error("closes_at", code="reopen")
    pulse_survey.refresh_from_db()
    assert pulse_survey.is_closed()
    # A closed round nobody answered may still be moved (e.g. a round closed by mistake before it ran).
    empty = make_closed_pulse_survey("Belum dijawab")
    assert _edit_period(client, empty, timezone.now() + 7 * DAY).status_code == 302


@pytest.mark.django_db
def test_concern_text_never_reaches_the_admin_page_as_markup(client, hr_with_mfa):
    pulse_survey = make_closed_pulse_survey()
    unit = UnitFactory(name="<i>Kecamatan</i> Taman Sari")
    concerns = [
        "<script>alert('SKP')</script> onerror",
        '"><img src=x onerror=alert(1)> script',
        "<b>target</b> script onerror",
        "script onerror",
        "script onerror",
    ]
    for employee, concern in zip(survey_staff(unit, 5), concerns, strict=True):
        survey_respond(employee, pulse_survey, concern=concern)
    client.force_login(hr_with_mfa)
    html = client.get(reverse("change_adoption:dashboard"), {"unit": unit.pk}).content.decode()
    assert "<strong>script</strong>" in html and "<strong>onerror</strong>" in html
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>target" not in html
    assert "&lt;i&gt;Kecamatan&lt;/i&gt; Taman Sari" in html and "<i>Kecamatan</i>" not in html
