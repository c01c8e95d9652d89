"""Must-read articles as employees meet them: confirming once (with its time), the refusals, the
article page before and after, and the confirm action (POST only, CSRF, 404s, messages)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.change.models import Acknowledgement
from portal.change.services.reading import acknowledgement_record
from portal.people import roles

from ..factories import PositionFactory, UserFactory


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def url(article) -> str:
    return reverse("change:acknowledge", args=[article.pk])


# --- Service: acknowledgement_record -------------------------------------------------------------


@pytest.mark.django_db
def test_confirming_records_the_time_once_and_a_double_submit_returns_the_same_record(pegawai, must_read_article):
    before = timezone.now()
    first, created = acknowledgement_record(employee=pegawai.employee, article=must_read_article)
    again, created_again = acknowledgement_record(employee=pegawai.employee, article=must_read_article)
    assert created and not created_again
    assert again.pk == first.pk and again.acknowledged_at == first.acknowledged_at
    assert before <= first.acknowledged_at <= timezone.now()
    assert Acknowledgement.objects.filter(article=must_read_article).count() == 1


@pytest.mark.django_db
def test_a_racing_double_submit_returns_the_record_the_other_request_made(monkeypatch, pegawai, must_read_article):
    # The other request commits between this one's check and its insert: the unique pair decides.
    other = Acknowledgement.objects.create(employee=pegawai.employee, article=must_read_article)
    manager, real_filter, calls = Acknowledgement.objects, Acknowledgement.objects.filter, []

    def stale_first_check(*args, **kwargs):
        calls.append(1)
        return manager.none() if len(calls) == 1 else real_filter(*args, **kwargs)

    monkeypatch.setattr(manager, "filter", stale_first_check)
    record, created = acknowledgement_record(employee=pegawai.employee, article=must_read_article)
    assert (record.pk, created) == (other.pk, False)


@pytest.mark.django_db
def test_a_must_read_for_everyone_or_for_the_position_can_be_confirmed(make_article, pegawai):
    everyone = make_article("Untuk semua", must_read=True)
    position = make_article("Untuk jabatan", must_read=True, positions=[pegawai.employee.position])
    assert acknowledgement_record(employee=pegawai.employee, article=everyone)[1]
    assert acknowledgement_record(employee=pegawai.employee, article=position)[1]


@pytest.mark.django_db
def test_refuses_an_article_that_is_not_a_must_read(make_article, pegawai):
    article = make_article("Bacaan biasa", must_read=False)
    with pytest.raises(ValidationError) as error:
        acknowledgement_record(employee=pegawai.employee, article=article)
    assert error.value.code == "not_must_read"
    assert not Acknowledgement.objects.exists()


@pytest.mark.django_db
def test_refuses_an_article_that_is_not_live(make_article, pegawai):
    draft = make_article("Masih draf", must_read=True, live=False)
    with pytest.raises(ValidationError) as error:
        acknowledgement_record(employee=pegawai.employee, article=draft)
    assert error.value.code == "not_live"


@pytest.mark.django_db
def test_refuses_an_article_meant_for_another_unit_or_position(make_article, pegawai, other_unit):
    article = make_article("Untuk kecamatan", must_read=True, units=[other_unit], positions=[PositionFactory()])
    with pytest.raises(ValidationError) as error:
        acknowledgement_record(employee=pegawai.employee, article=article)
    assert error.value.code == "not_targeted"


@pytest.mark.django_db
def test_a_stale_article_object_cannot_get_past_the_checks(must_read_article, pegawai):
    stale = type(must_read_article).objects.get(pk=must_read_article.pk)
    must_read_article.unpublish()
    with pytest.raises(ValidationError) as error:
        acknowledgement_record(employee=pegawai.employee, article=stale)
    assert error.value.code == "not_live"


# --- The article page and the confirm action -----------------------------------------------------


@pytest.mark.django_db
def test_the_article_page_offers_the_confirmation_then_shows_its_time(client, pegawai, must_read_article):
    client.force_login(pegawai)
    html = client.get(must_read_article.url).content.decode()
    assert "Wajib dibaca" in html and "Untuk Anda" in html
    assert "Saya sudah membaca dan memahami" in html
    assert f'action="{url(must_read_article)}"' in html
    assert "csrfmiddlewaretoken" in html
    deadline = must_read_article.must_read_deadline
    assert f"{deadline.day} " in html and str(deadline.year) in html

    response = client.post(url(must_read_article))
    assert response.status_code == 302 and response["Location"] == must_read_article.url
    [message] = texts(response)
    assert message.startswith("Terima kasih, konfirmasi Anda tercatat pada ")
    assert message.endswith(" WIB.")

    acknowledgement = Acknowledgement.objects.get(employee=pegawai.employee, article=must_read_article)
    html = client.get(must_read_article.url).content.decode()
    assert "Saya sudah membaca dan memahami</button>" not in html
    assert 'data-testid="acknowledged"' in html
    assert timezone.localtime(acknowledgement.acknowledged_at).strftime("%H.%M") in html


@pytest.mark.django_db
def test_a_second_post_keeps_one_record_and_says_when_it_was_confirmed(client, pegawai, must_read_article):
    client.force_login(pegawai)
    client.post(url(must_read_article))
    response = client.post(url(must_read_article))
    assert response.status_code == 302
    message = texts(response)[-1]  # the first confirmation's message was never shown: no page between
    assert message.startswith("Anda sudah mengonfirmasi artikel ini pada ")
    assert Acknowledgement.objects.filter(article=must_read_article).count() == 1


@pytest.mark.django_db
def test_confirming_is_post_only_for_logged_in_users_with_a_csrf_token(client, pegawai, must_read_article):
    response = client.post(url(must_read_article))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(pegawai)
    assert client.get(url(must_read_article)).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(pegawai)
    assert strict.post(url(must_read_article)).status_code == 403
    assert not Acknowledgement.objects.exists()


@pytest.mark.django_db
def test_other_units_articles_drafts_and_unknown_ids_are_404(client, pegawai, make_article, other_unit):
    client.force_login(pegawai)
    elsewhere = make_article("Untuk kecamatan", must_read=True, units=[other_unit])
    draft = make_article("Draf", must_read=True, live=False)
    for article_id in (elsewhere.pk, draft.pk, 999_999):
        assert client.post(reverse("change:acknowledge", args=[article_id])).status_code == 404
    assert not Acknowledgement.objects.exists()


@pytest.mark.django_db
def test_an_ordinary_article_cannot_be_confirmed_and_says_why(client, pegawai, make_article):
    client.force_login(pegawai)
    article = make_article("Bacaan biasa")
    response = client.post(url(article))
    assert response.status_code == 302
    assert "tidak wajib dibaca" in texts(response)[0]
    assert "Saya sudah membaca dan memahami" not in client.get(article.url).content.decode()


@pytest.mark.django_db
def test_an_account_without_an_employee_record_is_told_so(client, must_read_article, make_article):
    client.force_login(UserFactory(roles=[roles.PEGAWAI]))
    general = make_article("Untuk semua", must_read=True)
    response = client.post(url(general))
    assert "belum terhubung dengan data pegawai" in texts(response)[0]
    assert not Acknowledgement.objects.exists()


@pytest.mark.django_db
def test_an_overdue_must_read_says_so_on_the_article(client, pegawai, make_article):
    client.force_login(pegawai)
    article = make_article("Terlambat", must_read=True, deadline=timezone.localdate() - datetime.timedelta(days=2))
    html = client.get(article.url).content.decode()
    assert "Batas waktunya sudah lewat." in html
    assert "Saya sudah membaca dan memahami" in html


@pytest.mark.django_db
def test_a_visitor_sees_the_article_and_a_login_link(client, make_article):
    article = make_article("Untuk semua", must_read=True)
    html = client.get(article.url).content.decode()
    assert "Masuk untuk mengonfirmasi" in html


@pytest.mark.django_db
def test_free_text_is_escaped_on_the_article_the_hub_and_the_dashboard(client, pegawai, make_article):
    client.force_login(pegawai)
    evil = '<script>alert("x")</script>'
    article = make_article(f"Judul {evil}", must_read=True, intro=f"Ringkasan {evil}")
    for path in (article.url, "/perubahan/", "/dasbor/"):
        html = client.get(path).content.decode()
        assert evil not in html, path
        assert "&lt;script&gt;" in html, path
