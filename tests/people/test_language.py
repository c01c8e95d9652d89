"""A person's language follows them: the switch saves it to their account, a new login restores it,
and what is mailed to them while they are away is written in it."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext_noop
from wagtail.users.models import UserProfile

from portal import stored_text
from portal.notifications.models import Kind
from portal.notifications.services import notify
from portal.people.language import language_of

pytestmark = pytest.mark.django_db


def test_the_switch_saves_the_choice_and_a_new_login_restores_it(client, pegawai, password):
    client.force_login(pegawai)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/dasbor/"})
    assert response.status_code == 302 and response.cookies["django_language"].value == "en"
    assert UserProfile.get_for_user(pegawai).preferred_language == "en"
    assert language_of(type(pegawai).objects.get(pk=pegawai.pk)) == "en"

    # Another browser, no cookie: English from the first page after logging in.
    elsewhere = Client()
    elsewhere.post(reverse("account_login"), {"login": pegawai.username, "password": password})
    page = elsewhere.get(reverse("dashboard"))
    assert page.status_code == 200 and page["Content-Language"] == "en"
    # Someone anonymous, or who never chose, reads Indonesian.
    assert Client().get("/")["Content-Language"] == "id"


def test_a_language_not_offered_is_ignored(client, pegawai):
    client.force_login(pegawai)
    client.post(reverse("set_language"), {"language": "xx"})
    assert language_of(type(pegawai).objects.get(pk=pegawai.pk)) == "id"


def test_a_notification_is_mailed_in_the_persons_language(
    pegawai, atasan, mailoutbox, django_capture_on_commit_callbacks
):
    UserProfile.get_for_user(pegawai)
    UserProfile.objects.filter(user=pegawai).update(preferred_language="en")
    title = stored_text.source(gettext_noop("Pelatihan ditugaskan: %(course)s"), course="Literasi Data")
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=pegawai, kind=Kind.ASSIGNMENT_CREATED, key="a:1", title=title, url="/dasbor/")
        notify(user=atasan, kind=Kind.ASSIGNMENT_CREATED, key="a:1", title=title, url="/dasbor/")
    english, indonesian = sorted(mailoutbox, key=lambda message: message.to != [pegawai.email])
    assert english.subject == "[Kompeten] Training assigned: Literasi Data"
    assert "Open in Kompeten" in english.body and "Yth." not in english.body
    assert indonesian.subject == "[Kompeten] Pelatihan ditugaskan: Literasi Data"


def test_a_visitor_switches_with_a_get_that_sets_only_the_cookie(client):
    html = client.get("/kursus/").content.decode()
    assert 'class="lang-switch" action="/i18n/setlang/" method="get"' in html
    assert "csrfmiddlewaretoken" not in html
    response = client.get(reverse("set_language"), {"language": "en", "next": "/kursus/"})
    assert response.status_code == 302 and response["Location"] == "/kursus/"
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get("/kursus/").content.decode()


def test_a_visitor_switch_goes_nowhere_else_and_ignores_an_unknown_language(client):
    response = client.get(reverse("set_language"), {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert "django_language" not in response.cookies


def test_a_logged_in_person_still_switches_with_a_post_only(client, pegawai):
    client.force_login(pegawai)
    html = client.get("/kursus/").content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    response = client.get(reverse("set_language"), {"language": "en", "next": "/kursus/"})
    assert response.status_code == 302 and "django_language" not in response.cookies
    assert UserProfile.get_for_user(pegawai).preferred_language != "en"
