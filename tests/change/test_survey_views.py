"""The pulse survey pages on the site: the list, the answer sheet (errors, double submission, closed
rounds, CSRF), and the receipt that only its owner may open."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from portal.change.models import SurveyParticipation, SurveyResponse
from portal.people import roles

from ..factories import UserFactory
from .conftest import make_pulse_survey, survey_answers, survey_respond

DAY = datetime.timedelta(days=1)


def detail(survey):
    return reverse("change:survey-detail", args=[survey.pk])


def form_data(survey, value=4, concern=""):
    return {**{f"q-{pk}": str(score) for pk, score in survey_answers(survey, value).items()}, "concern": concern}


@pytest.mark.django_db
def test_pages_need_a_login(client, pulse_survey):
    for url in (reverse("change:survey-list"), detail(pulse_survey), reverse("change:survey-receipt", args=[1])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_the_list_shows_open_rounds_and_receipts_of_answered_ones(client, pegawai, pulse_survey):
    answered = make_pulse_survey("Putaran lalu", opened=30 * DAY, closes_in=-20 * DAY)
    survey_respond(pegawai.employee, answered)
    client.force_login(pegawai)
    html = client.get(reverse("change:survey-list")).content.decode()
    assert detail(pulse_survey) in html
    assert reverse("change:survey-receipt", args=[answered.pk]) in html


@pytest.mark.django_db
def test_the_answer_sheet_has_a_fieldset_per_statement_and_a_label_per_option(client, pegawai, pulse_survey):
    client.force_login(pegawai)
    html = client.get(detail(pulse_survey)).content.decode()
    assert html.count("<fieldset") == 10 and html.count("<legend>") == 10
    assert html.count('type="radio"') == 50
    question = pulse_survey.questions.order_by("sort_order").first()
    for value in range(5):
        assert f'for="id_q-{question.pk}_{value}"' in html and f'id="id_q-{question.pk}_{value}"' in html
    assert "Sangat tidak setuju" in html and "Sangat setuju" in html
    assert 'name="concern"' in html and "csrfmiddlewaretoken" in html


@pytest.mark.django_db
def test_answering_records_one_response_and_shows_a_receipt_without_the_answers(client, pegawai, pulse_survey):
    client.force_login(pegawai)
    response = client.post(detail(pulse_survey), form_data(pulse_survey, 5, "Target terlalu tinggi"), follow=True)
    recorded = SurveyResponse.objects.get()
    assert recorded.concern == "Target terlalu tinggi"
    assert SurveyParticipation.objects.get().employee == pegawai.employee
    assert response.redirect_chain[-1][0] == reverse("change:survey-receipt", args=[pulse_survey.pk])
    html = response.content.decode()
    assert "Terima kasih, jawaban Anda sudah tercatat." in html and pulse_survey.title in html
    # Nothing on the receipt leads to the answers: not the answers, not the concern, not the row's key.
    assert "Target terlalu tinggi" not in html and "Sangat setuju" not in html
    assert str(recorded.pk) not in html
    assert "disimpan terpisah dari nama Anda" in html


@pytest.mark.django_db
def test_a_double_submission_keeps_one_record_and_says_so(client, pegawai, pulse_survey):
    client.force_login(pegawai)
    client.post(detail(pulse_survey), form_data(pulse_survey, 5))
    response = client.post(detail(pulse_survey), form_data(pulse_survey, 1), follow=True)
    assert "Jawaban Anda untuk survei ini sudah tercatat." in response.content.decode()
    assert SurveyResponse.objects.count() == 1 and SurveyParticipation.objects.count() == 1
    assert set(SurveyResponse.objects.get().answers.values_list("value", flat=True)) == {5}


@pytest.mark.django_db
def test_form_errors_are_in_indonesian_and_keep_the_answers_given(client, pegawai, pulse_survey):
    client.force_login(pegawai)
    data = form_data(pulse_survey, 2, "Aplikasi <b>lambat</b>")
    questions = list(pulse_survey.questions.order_by("sort_order"))
    del data[f"q-{questions[3].pk}"]
    data[f"q-{questions[4].pk}"] = "9"
    response = client.post(detail(pulse_survey), data)
    html = response.content.decode()
    assert response.status_code == 200 and not SurveyResponse.objects.exists()
    form = response.context["form"]
    assert form.has_error(f"q-{questions[3].pk}", code="required")
    assert form.has_error(f"q-{questions[4].pk}", code="invalid_choice")
    # The wording is what this test is about: the page explains both errors in Indonesian.
    assert "Jawaban belum dapat dikirim" in html
    assert "Pilih salah satu jawaban untuk pernyataan ini." in html
    assert "Pilih salah satu jawaban dari 1 sampai 5." in html
    assert f'href="#fs-{questions[3].pk}"' in html
    assert f'value="2" id="id_q-{questions[0].pk}_1" checked' in html.replace("required ", "")
    assert "Aplikasi &lt;b&gt;lambat&lt;/b&gt;" in html and "<b>lambat</b>" not in html


@pytest.mark.django_db
def test_a_concern_over_2000_characters_is_an_error(client, pegawai, pulse_survey):
    client.force_login(pegawai)
    response = client.post(detail(pulse_survey), form_data(pulse_survey, concern="x" * 2001))
    assert response.context["form"].has_error("concern", code="max_length")
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("opened", "closes_in", "message"),
    [(-DAY, 7 * DAY, "Survei ini belum dibuka"), (7 * DAY, -DAY, "Survei ini sudah ditutup")],
    ids=["upcoming", "closed"],
)
def test_a_round_that_is_not_open_explains_itself_without_a_form(client, pegawai, opened, closes_in, message):
    survey = make_pulse_survey(opened=opened, closes_in=closes_in)
    client.force_login(pegawai)
    html = client.get(detail(survey)).content.decode()
    assert message in html and '<form method="post" class="survey-form"' not in html
    client.post(detail(survey), form_data(survey))
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_an_answered_round_sends_to_the_receipt(client, pegawai, pulse_survey):
    survey_respond(pegawai.employee, pulse_survey)
    client.force_login(pegawai)
    page = client.get(detail(pulse_survey), follow=True)
    assert page.redirect_chain[-1][0] == reverse("change:survey-receipt", args=[pulse_survey.pk])
    assert "Jawaban Anda untuk survei ini sudah tercatat." in page.content.decode()


@pytest.mark.django_db
def test_an_account_without_an_employee_record_gets_a_clear_message(client, pulse_survey):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    for url in (reverse("change:survey-list"), detail(pulse_survey)):
        assert "belum terhubung dengan data pegawai" in client.get(url).content.decode()
    client.post(detail(pulse_survey), form_data(pulse_survey))
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_the_receipt_is_its_owners_only(client, pegawai, make_person, pulse_survey):
    survey_respond(pegawai.employee, pulse_survey, concern='<script>alert("x")</script>')
    url = reverse("change:survey-receipt", args=[pulse_survey.pk])
    client.force_login(pegawai)
    html = client.get(url).content.decode()
    assert pulse_survey.title in html and "alert" not in html
    for other in (make_person(roles.PEGAWAI), make_person(roles.ATASAN), UserFactory(is_superuser=True)):
        client.force_login(other)
        assert client.get(url).status_code == 404
    client.force_login(pegawai)
    assert client.get(reverse("change:survey-receipt", args=[pulse_survey.pk + 1000])).status_code == 404


@pytest.mark.django_db
def test_a_post_without_the_csrf_token_is_refused(pegawai, pulse_survey):
    client = Client(enforce_csrf_checks=True)
    client.force_login(pegawai)
    assert client.post(detail(pulse_survey), form_data(pulse_survey)).status_code == 403
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_the_dashboard_invites_to_an_open_round_until_it_is_answered(client, pegawai, pulse_survey):
    client.force_login(pegawai)
    assert detail(pulse_survey) in client.get(reverse("dashboard")).content.decode()
    survey_respond(pegawai.employee, pulse_survey)
    assert detail(pulse_survey) not in client.get(reverse("dashboard")).content.decode()
