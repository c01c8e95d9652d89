"""The notification centre: the bell, the list, marking read, the e-mail choices, and who may."""

import pytest

from portal.notifications.models import EmailPreference, Kind, Notification
from portal.notifications.services import notify

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = "/notifikasi/"


def tell(user, n=1, **kwargs):
    kwargs.setdefault("title", f"Pelatihan baru {n}")
    kwargs.setdefault("kind", Kind.ASSIGNMENT_CREATED)
    return notify(user=user, key=f"assignment:{n}", **kwargs)


def test_the_bell_shows_the_unread_count(client, pegawai):
    tell(pegawai, 1)
    tell(pegawai, 2)
    client.force_login(pegawai)
    html = client.get("/").content.decode()
    assert 'aria-label="Notifikasi, 2 belum dibaca"' in html
    assert '<span class="bell-count" aria-hidden="true">2</span>' in html
    assert f'href="{LIST}"' in html


def test_no_bell_for_a_visitor(client):
    assert 'class="bell' not in client.get("/").content.decode()


def test_the_list_is_newest_first_with_unread_highlighted(client, pegawai, atasan):
    from datetime import timedelta

    from django.utils import timezone

    old = tell(pegawai, 1, title="Yang lama", now=timezone.now() - timedelta(days=2))
    tell(pegawai, 2, title="Yang baru", body="Isi notifikasi\nbaris kedua", url="/kursus/")
    tell(atasan, 3, title="Milik orang lain")
    Notification.objects.filter(pk=old.pk).update(read_at=timezone.now())
    client.force_login(pegawai)
    response = client.get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Yang baru") < html.index("Yang lama")
    assert "Milik orang lain" not in html
    assert html.count('class="notif notif-unread"') == 1
    assert "Isi notifikasi<br>baris kedua" in html
    assert "Tandai semua dibaca" in html
    unread = client.get(LIST + "?belum=1").content.decode()
    assert "Yang baru" in unread and "Yang lama" not in unread


def test_opening_marks_read_and_follows_the_link(client, pegawai):
    notification = tell(pegawai, url="/kursus/?q=data")
    client.force_login(pegawai)
    response = client.post(f"{LIST}{notification.pk}/buka/")
    assert response.status_code == 302 and response["Location"] == "/kursus/?q=data"
    notification.refresh_from_db()
    assert notification.is_read


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"])
def test_a_link_off_the_site_is_never_followed(client, pegawai, url):
    notification = tell(pegawai, url=url)
    client.force_login(pegawai)
    response = client.post(f"{LIST}{notification.pk}/buka/")
    assert response["Location"] == LIST


def test_mark_read_and_mark_all_read(client, pegawai):
    first, second, third = (tell(pegawai, n) for n in (1, 2, 3))
    client.force_login(pegawai)
    response = client.post(f"{LIST}{first.pk}/baca/", {"next": f"{LIST}?halaman=1"})
    assert response.status_code == 302 and response["Location"] == f"{LIST}?halaman=1"
    assert 'aria-label="Notifikasi, 2 belum dibaca"' in client.get("/").content.decode()
    response = client.post(f"{LIST}baca-semua/", {"next": "https://evil.example/"}, follow=True)
    assert response.redirect_chain == [(LIST, 302)]
    assert "2 notifikasi ditandai dibaca." in response.content.decode()
    assert not Notification.objects.filter(user=pegawai, read_at__isnull=True).exists()
    assert "bell-count" not in response.content.decode()


def test_someone_elses_notification_is_404(client, pegawai, atasan):
    theirs = tell(atasan, url="/kursus/")
    client.force_login(pegawai)
    assert client.post(f"{LIST}{theirs.pk}/baca/").status_code == 404
    assert client.post(f"{LIST}{theirs.pk}/buka/").status_code == 404
    assert client.post(f"{LIST}999999/baca/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_read_takes_a_post_with_csrf(pegawai):
    from django.test import Client

    notification = tell(pegawai)
    client = Client(enforce_csrf_checks=True)
    client.force_login(pegawai)
    assert client.get(f"{LIST}{notification.pk}/baca/").status_code == 405
    assert client.post(f"{LIST}{notification.pk}/baca/").status_code == 403
    assert client.post(f"{LIST}baca-semua/").status_code == 403
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.parametrize("path", [LIST, f"{LIST}pengaturan/"])
def test_a_visitor_is_sent_to_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")


def test_a_visitor_cannot_mark_read(client, pegawai):
    notification = tell(pegawai)
    response = client.post(f"{LIST}{notification.pk}/baca/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_email_preferences_form(client, pegawai):
    client.force_login(pegawai)
    html = client.get(f"{LIST}pengaturan/").content.decode()
    assert "Kirim juga lewat e-mail" in html
    assert html.count('type="checkbox"') == len(Kind) and html.count("checked") == len(Kind)
    assert pegawai.email in html
    keep = {kind: "on" for kind in Kind.values if kind != Kind.SURVEY_OPEN}
    response = client.post(f"{LIST}pengaturan/", keep, follow=True)
    assert "Pengaturan e-mail disimpan." in response.content.decode()
    assert list(EmailPreference.objects.filter(user=pegawai).values_list("kind", "email")) == [
        (Kind.SURVEY_OPEN, False)
    ]
    assert response.content.decode().count("checked") == len(Kind) - 1


# --- Query counts: the same however many notifications -----------------------------------------
# Warm: nothing but the page's count and rows (the session, the user, the bell's count and the
# user's roles are kept in the cache until they change).
HOME_QUERIES_DELTA = 1
LIST_QUERIES = 2


def test_the_bell_costs_one_query_and_a_visitor_none(client, pegawai, django_assert_num_queries):
    client.get("/")  # warm the site-root cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as anonymous:
        client.get("/")
    assert not any("notifications_notification" in q["sql"] for q in anonymous.captured_queries)
    client.force_login(pegawai)
    tell(pegawai)
    with CaptureQueriesContext(connection) as logged_in:
        client.get("/")
    assert sum("notifications_notification" in q["sql"] for q in logged_in.captured_queries) == 1


def test_the_list_query_count_is_pinned_and_constant(client, pegawai, django_assert_num_queries):
    client.force_login(pegawai)
    client.get(LIST)  # the account is read, and kept from then on
    for n in range(3):
        tell(pegawai, n)
    with django_assert_num_queries(LIST_QUERIES + 1):  # the bell counts again after a new notification
        assert client.get(LIST).status_code == 200
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(LIST).status_code == 200
    for n in range(3, 30):
        tell(pegawai, n, url=f"/kursus/{n}/", body="Isi")
    client.get(LIST)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(LIST).status_code == 200
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(LIST + "?halaman=2&belum=1").status_code == 200


def test_someone_without_notifications_sees_an_empty_list(client):
    client.force_login(UserFactory())
    assert "Belum ada notifikasi" in client.get(LIST).content.decode()
