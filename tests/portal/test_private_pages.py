"""A page made for a logged-in person carries Cache-Control: private (no shared cache keeps it) and
no-cache (the browser asks again); public pages for anonymous visitors are left to their views."""

import pytest
from django.urls import reverse

from ..courses.conftest import make_course

pytestmark = pytest.mark.django_db


def test_a_logged_in_persons_course_page_is_private(client, pegawai):
    course = make_course("Keamanan Digital")
    client.force_login(pegawai)
    for url in (course.url, reverse("dashboard"), "/kursus/", reverse("external_list")):
        cache = client.get(url)["Cache-Control"]
        assert "private" in cache and ("no-cache" in cache or "no-store" in cache), url


def test_an_anonymous_visitors_page_is_not_marked_private(client, db):
    make_course("Keamanan Digital")
    assert "private" not in client.get("/kursus/").get("Cache-Control", "")


def test_a_views_own_cache_control_is_kept(client, pegawai):
    client.force_login(pegawai)
    assert "no-store" in client.get(reverse("my_data"))["Cache-Control"]  # never_cache, as the view says


def test_the_benchmarks_floor_is_routed_only_on_its_own_server(client, pegawai, rf):
    from portal.views import bench_floor_view

    client.force_login(pegawai)
    assert client.get("/_bench/floor/").status_code == 404  # KOMPETEN_BENCH_FLOOR is off here
    request = rf.get("/_bench/floor/")
    request.user = pegawai
    assert bench_floor_view(request).status_code == 200
