"""/sitemap.xml lists the public pages only; /robots.txt keeps crawlers out of the private parts."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page, PageViewRestriction

from courses.models import CoursePage, LessonPage
from portal.pages.models import StandardPage

from ..conftest import cache_empty
from ..courses.conftest import make_course

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return [loc.text.split("://", 1)[1].split("/", 1)[1] for loc in root.findall("sm:url/sm:loc", NS)]


@pytest.mark.django_db
def test_sitemap_lists_public_pages_and_leaves_out_lessons_private_and_drafts(client):
    course = make_course("Etika Digital")
    lesson = LessonPage.objects.child_of(course).first()
    home = Page.objects.get(depth=2)
    private = home.add_child(instance=StandardPage(title="Khusus Pegawai", slug="khusus-pegawai"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = home.add_child(instance=StandardPage(title="Draf", slug="draf", live=False))

    paths = ["/" + path for path in sitemap_paths(client)]

    assert "/" in paths
    assert "/kursus/" in paths
    assert "/perubahan/" in paths
    assert course.url in paths
    assert lesson.url not in paths  # lessons are for enrolled learners only
    assert private.url not in paths and draft.url not in paths
    assert not any(path.startswith(lesson.url) for path in paths)
    # An anonymous visitor can open every page the sitemap lists.
    for path in paths:
        assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_sitemap_query_count_does_not_grow_with_pages(client, django_assert_max_num_queries):
    for n in range(3):
        make_course(f"Kursus {n}", lessons=())
    # Each count from the same state: the process warmed, the cache empty.
    client.get("/sitemap.xml")
    cache_empty()
    with django_assert_max_num_queries(40) as counted:
        client.get("/sitemap.xml")
    few = len(counted.captured_queries)
    for n in range(3, 15):
        make_course(f"Kursus {n}", lessons=())
    client.get("/sitemap.xml")
    cache_empty()
    with django_assert_max_num_queries(few):
        client.get("/sitemap.xml")
    assert CoursePage.objects.count() >= 15


@pytest.mark.django_db
def test_robots_txt_allows_public_pages_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    for private in ("/admin/", "/django-admin/", "/accounts/", "/akun/", "/dasbor/", "/tim/", "/kompetensi-saya/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /kursus/" not in lines and "Disallow: /perubahan/" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
