"""The public form: no login, every field checked, abuse held off, nothing stored from a bad request."""

import pytest
from django.test import Client
from django.urls import reverse

from appraisal_link.feedback.models import SurveyResponse
from appraisal_link.feedback.views import DEVICE_COOKIE, DONE_COOKIE

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(point):
    """A browser that has opened the service point's form (and so holds its device cookie)."""
    client = Client(enforce_csrf_checks=False)
    response = client.get(point.get_absolute_url())
    assert response.status_code == 200
    assert DEVICE_COOKIE in response.cookies
    return client


def test_the_form_needs_no_login_and_shows_the_nine_elements_with_their_own_words(client, point):
    response = client.get("/survei-kepuasan/ktp-el/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('type="radio" name="u') == 36  # nine elements × four answers
    for words in ("Sangat sesuai", "Gratis", "Sangat sopan dan ramah", "Dikelola dengan baik", "Sangat baik"):
        assert words in page
    assert "<script" not in page.split("</main>")[0].split("<main")[1]  # works without JavaScript


def test_an_answer_is_stored_and_the_citizen_thanked(citizen, point, answers):
    answers |= {"gender": "P", "age_group": "30-39", "education": "s1", "occupation": "wirausaha"}
    answers |= {"officer_code": "dk-07", "suggestion": "Antre lama. WA saya 0812 3456 7890"}
    response = citizen.post(point.get_absolute_url(), answers)
    assert response.status_code == 302 and response["Location"] == reverse("skm_thanks", args=["ktp-el"])
    stored = SurveyResponse.objects.get()
    assert [getattr(stored, f"u{n}") for n in range(1, 10)] == [3] * 9
    assert (stored.gender, stored.age_group, stored.officer_code) == ("P", "30-39", "DK-07")
    assert stored.suggestion == "Antre lama. WA saya [nomor telepon disamarkan]"
    assert stored.suggestion_status == SurveyResponse.Suggestion.PENDING
    assert citizen.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("u3", "5", "invalid_choice"),
        ("u3", "0", "invalid_choice"),
        ("u3", "3; DROP TABLE", "invalid_choice"),
        ("u9", "", "required"),
        ("gender", "X", "invalid_choice"),
        ("education", "phd", "invalid_choice"),
        ("officer_code", "199204202019032001", "max_length"),
        ("officer_code", "<b>", "officer_code"),
        ("suggestion", "x" * 1001, "max_length"),
    ],
)
def test_a_forged_or_out_of_range_field_is_refused_and_nothing_stored(citizen, point, answers, field, value, code):
    answers[field] = value
    response = citizen.post(point.get_absolute_url(), answers)
    assert response.status_code == 400
    assert response.context["form"].has_error(field, code)
    assert 'data-testid="problem"' in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_the_honeypot_thanks_a_robot_and_stores_nothing(citizen, point, answers):
    response = citizen.post(point.get_absolute_url(), answers | {"situs_web": "http://spam.example"})
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()


def test_one_answer_per_device_per_service_per_day(citizen, point, answers):
    assert citizen.post(point.get_absolute_url(), answers).status_code == 302
    again = citizen.post(point.get_absolute_url(), answers)
    assert again.status_code == 409
    assert 'data-testid="already"' in again.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_a_forged_done_cookie_does_not_unlock_a_second_answer(citizen, point, answers):
    citizen.post(point.get_absolute_url(), answers)
    citizen.cookies[DONE_COOKIE] = "forged"  # unsigned: read as "nothing answered" …
    citizen.cookies[DEVICE_COOKIE] = "forged"  # … but then the device is unknown too
    assert citizen.post(point.get_absolute_url(), answers).status_code == 400
    assert SurveyResponse.objects.count() == 1


def test_without_the_device_cookie_nothing_is_stored(client, point, answers):
    response = client.post(point.get_absolute_url(), answers)
    assert response.status_code == 400
    assert response.context["problem"] == "cookie"
    assert not SurveyResponse.objects.exists()


def test_a_device_is_rate_limited(settings, citizen, unit, answers):
    from appraisal_link.feedback.models import ServicePoint

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "skm": "100/h/ip,3/h/key"}
    statuses = []
    for number in range(5):
        point = ServicePoint.objects.create(unit=unit, name=f"Layanan {number}", code=f"layanan-{number}")
        statuses.append(citizen.post(point.get_absolute_url(), answers).status_code)
    assert statuses == [302, 302, 302, 429, 429]
    assert SurveyResponse.objects.count() == 3


def test_an_inactive_or_unknown_service_point_is_not_found(client, point, answers):
    point.active = False
    point.save()
    assert client.get(point.get_absolute_url()).status_code == 404
    assert client.get("/survei-kepuasan/tidak-ada/").status_code == 404
    assert client.post("/survei-kepuasan/tidak-ada/", answers).status_code == 404
