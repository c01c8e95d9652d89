"""The header and the footer are rendered once per process for each way they can look
(portal/templatetags/portal_layout.py): what belongs to one request (its form token, its address)
and to one person (their links, their unread count, their language) must still be theirs."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from portal.notifications.models import Kind
from portal.notifications.services import notify
from portal.templatetags import portal_layout

pytestmark = pytest.mark.django_db


def header_of(response) -> str:
    return re.search(r'<header class="site-header">.*?</header>', response.content.decode(), re.S).group(0)


def tokens_in(html: str) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)


@pytest.fixture(autouse=True)
def _variants_forgotten():
    portal_layout._rendered.clear()
    yield
    portal_layout._rendered.clear()


def test_each_request_gets_its_own_form_token_and_its_own_address(pegawai):
    first, second = Client(), Client()
    for client in (first, second):
        client.force_login(pegawai)
    one = first.get("/kursus/?q=a&kategori=<b>")
    other = second.get("/kursus/")
    assert len(portal_layout._rendered) >= 1  # the same variant served both
    for client, response in ((first, one), (second, other)):
        header = header_of(response)
        assert "kompeten-" not in header  # no stand-in left
        tokens = tokens_in(header)
        assert len(tokens) == 2 and len(set(tokens)) == 1  # the language and logout forms
        assert client.cookies["csrftoken"].value  # the token's cookie was set with it
    assert tokens_in(header_of(one)) != tokens_in(header_of(other))
    assert 'name="next" type="hidden" value="/kursus/?q=a&amp;kategori=%3Cb%3E"' in header_of(one)
    assert 'name="next" type="hidden" value="/kursus/"' in header_of(other)

    # The token of the header is one the server accepts: logging out with it works.
    logout = Client(enforce_csrf_checks=True)
    logout.force_login(pegawai)
    token = tokens_in(header_of(logout.get("/kursus/")))[0]
    assert logout.post(reverse("account_logout"), {"csrfmiddlewaretoken": token}).status_code == 302


def test_the_links_follow_the_persons_roles(client, pegawai, atasan, hr):
    def header(user) -> str:
        client.force_login(user)
        return header_of(client.get("/kursus/"))

    assert "Kelola (admin)" not in header(pegawai) and ">Tim<" not in header(pegawai)
    assert ">Tim<" in header(atasan) and "Kelola (admin)" not in header(atasan)
    assert "Kelola (admin)" in header(hr)
    assert "Kelola (admin)" not in header(pegawai)  # the variant of HR is not served to others
    client.logout()
    visitor = header_of(client.get("/kursus/"))
    assert "Masuk" in visitor and "Keluar" not in visitor and not tokens_in(visitor)


def test_the_bell_shows_the_count_of_now_and_marks_its_own_page(client, pegawai):
    client.force_login(pegawai)
    assert "bell-count" not in header_of(client.get("/kursus/"))
    notify(user=pegawai, kind=Kind.ASSIGNMENT_CREATED, key="a", title="Tugas baru")
    header = header_of(client.get("/kursus/"))
    assert '<span class="bell-count" aria-hidden="true">1</span>' in header and "aria-current" not in header
    assert 'aria-current="page"' in header_of(client.get(reverse("notifications:list")))


def test_the_language_and_the_jp_target_are_the_readers(client, pegawai):
    client.force_login(pegawai)
    page = client.get("/kursus/").content.decode()
    assert "Keluar" in page and "paling sedikit 20 JP" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/kursus/"})
    english = client.get("/kursus/").content.decode()
    assert "Log out" in english and "Keluar" not in english
    assert 'value="en" selected' in english
