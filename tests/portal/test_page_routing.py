"""Wagtail's routing kept in the cache (portal.page_routing): a page's URL costs no routing query
the second time, for anyone, and every change to the tree or to who may see a page applies at once."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from courses import services
from portal.page_cache import public_pages_changed
from portal.people import roles
from portal.people.learner_kept import learners_changed

from ..courses.conftest import make_course

pytestmark = pytest.mark.django_db


ROUTING = ('FROM "wagtailcore_site"', '"wagtailcore_page"."alias_of_id" FROM', 'FROM "wagtailcore_pageviewrestriction"')


def routing_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if any(part in q["sql"] for part in ROUTING)]


def test_the_second_request_for_a_page_makes_no_routing_query(client, pegawai, django_assert_max_num_queries):
    course = make_course()
    lesson = course.get_children().first()
    services.enrollment_create(employee=pegawai.employee, course=course)
    client.force_login(pegawai)
    with django_assert_max_num_queries(60) as first:
        assert client.get(lesson.url).status_code == 200
    with django_assert_max_num_queries(60) as second:
        assert client.get(lesson.url).status_code == 200

    assert len(routing_queries(first.captured_queries)) >= 3  # the site, the aliases, the restrictions
    assert routing_queries(second.captured_queries) == []
    # … and the pages of the path (home, catalog, course, lesson), each made specific.
    assert len(second.captured_queries) <= len(first.captured_queries) - 7


def test_a_published_title_and_an_unpublished_page_show_at_once(client, pegawai):
    course = make_course("Keamanan Digital")
    client.force_login(pegawai)
    assert "Keamanan Digital" in client.get(course.url).content.decode()

    course.title = "Keamanan Siber"
    course.save_revision().publish()
    assert "Keamanan Siber" in client.get(course.url).content.decode()

    course.unpublish()
    assert client.get(course.url).status_code == 404


def test_a_new_slug_moves_the_page_at_once(client, pegawai):
    course = make_course("Keamanan Digital")
    old = course.url
    client.force_login(pegawai)
    assert client.get(old).status_code == 200

    course.slug = "keamanan-baru"
    course.save_revision().publish()
    assert client.get(old).status_code == 404
    assert client.get("/kursus/keamanan-baru/").status_code == 200


def test_a_view_restriction_added_or_changed_applies_at_once(client, pegawai, hr):
    course = make_course()
    client.force_login(pegawai)
    assert client.get(course.url).status_code == 200

    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.HR))
    response = client.get(course.url)
    assert response.status_code in (302, 403)

    client.force_login(hr)
    assert client.get(course.url).status_code == 200
    restriction.groups.clear()
    assert client.get(course.url).status_code in (302, 403)

    restriction.delete()
    client.force_login(pegawai)
    assert client.get(course.url).status_code == 200


def test_a_restricted_page_kept_for_one_person_is_still_refused_to_another(client, pegawai, hr):
    course = make_course()
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.HR))
    client.force_login(hr)
    assert client.get(course.url).status_code == 200
    assert client.get(course.url).status_code == 200  # from the kept route

    client.force_login(pegawai)
    assert client.get(course.url).status_code in (302, 403)
    client.logout()
    response = client.get(course.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_unknown_path_is_still_404(client):
    assert client.get("/kursus/tidak-ada/").status_code == 404
    assert client.get("/kursus/tidak-ada/").status_code == 404


def test_a_request_reads_the_sites_root_paths_once_for_all_its_links(client, pegawai, monkeypatch):
    """Every course on the dashboard links to its page (`course.url`); Wagtail would read the sites'
    root paths from the cache for each one. A request reads them once."""
    from wagtail.models import Site

    for number in range(4):
        services.enrollment_create(employee=pegawai.employee, course=make_course(f"Kursus {number}"))
    client.force_login(pegawai)
    client.get("/dasbor/")
    reads = []
    original = Site.get_site_root_paths

    def counted():
        reads.append(1)
        return original()

    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(counted))
    learners_changed([pegawai.employee.pk])  # the content is built again, not kept (portal.dashboard)
    public_pages_changed()  # … and the root paths kept (`root_paths_kept`) are old
    html = client.get("/dasbor/").content.decode()
    assert all(f"Kursus {number}" in html for number in range(4))
    assert len(reads) == 1
    learners_changed([pegawai.employee.pk])
    assert "Kursus 3" in client.get("/dasbor/").content.decode()
    assert len(reads) == 1  # kept, and read ahead with the page's other kept values


def test_a_site_moved_to_another_host_routes_no_request_of_the_old_one(client, pegawai):
    """The site of a route not kept yet is kept per host; a site saved makes it old at once."""
    from wagtail.models import Site

    client.force_login(pegawai)
    course = make_course("Keamanan Digital")
    assert client.get(course.url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "kompeten.contoh.go.id", False
    site.save()
    assert client.get(f"{course.url}").status_code == 404
    assert client.get(course.url, HTTP_HOST="kompeten.contoh.go.id").status_code == 200


def test_outside_a_request_a_site_change_shows_in_the_next_url(client, pegawai):
    """What a request shares ends with it: a task that builds a link after the site moved to another
    host uses the new host."""
    from wagtail.models import Site

    course = make_course("Keamanan Digital")
    client.force_login(pegawai)
    assert client.get(course.url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "kompeten.contoh.go.id", 443
    site.save()
    fresh = type(course).objects.get(pk=course.pk)
    assert fresh.full_url.startswith("https://kompeten.contoh.go.id/")


def test_the_routing_by_url_path_finds_what_wagtails_walk_finds(rf, django_assert_max_num_queries):
    from wagtail.models import Page

    from portal.page_routing import _route

    course = make_course("Keamanan Digital", lessons=(("Kata sandi", ""), ("Kuis", ""), ("Draf", "")))
    lessons = list(course.get_children().order_by("path"))
    lessons[2].unpublish()
    other = make_course("Literasi Data")
    paths = ["/", "/kursus/", course.url, other.url, *(lesson.url for lesson in lessons)]
    paths += ["/kursus/tidak-ada/", f"{course.url}tidak-ada/", f"{lessons[0].url}lebih/dalam/", "/perubahan/"]
    paths.append("/" + "".join(f"d{depth}/" for depth in range(10)))  # deeper than the SQL compiled once
    for path in paths:
        theirs = Page.route_for_request(rf.get(path), path)
        request = rf.get(path)
        ours = _route(request, path)
        assert (ours is None) == (theirs is None), path
        if ours is not None:
            assert (ours.page, type(ours.page), ours.args, ours.kwargs) == (
                theirs.page,
                type(theirs.page),
                theirs.args,
                theirs.kwargs,
            ), path
            parent = getattr(theirs.page, "_cached_parent_obj", None)
            assert getattr(ours.page, "_cached_parent_obj", None) == parent, path
            assert type(getattr(ours.page, "_cached_parent_obj", None)) is type(parent), path
            assert request._wagtail_route_for_request is ours
            fields = type(ours.page)._meta.concrete_fields
            assert [getattr(ours.page, f.attname) for f in fields] == [getattr(theirs.page, f.attname) for f in fields]
    request = rf.get(lessons[0].url)
    with django_assert_max_num_queries(3):  # the pages of the path, the lesson and its course made specific
        route = _route(request, lessons[0].url)  # the site is kept (`_site_kept`)
    with django_assert_max_num_queries(0):
        assert route.page.get_parent().specific == course  # found with the page


def test_a_page_made_specific_by_the_compiled_query_is_wagtails(rf):
    """Its fields, what the page held beyond them, and a page deleted in between (Wagtail's own read)."""
    from wagtail.models import Page

    from portal.page_routing import _specific

    course = make_course("Keamanan Digital", lessons=(("Kata sandi", ""),))
    page = Page.objects.get(pk=course.pk)
    page.kept_note = "dibawa"
    ours, theirs = _specific(page), Page.objects.get(pk=course.pk).specific
    assert type(ours) is type(theirs)
    assert [getattr(ours, f.attname) for f in type(ours)._meta.concrete_fields] == [
        getattr(theirs, f.attname) for f in type(theirs)._meta.concrete_fields
    ]
    assert ours.kept_note == "dibawa"
    assert _specific(ours) is ours
    stale = Page.objects.get(pk=course.get_children().first().pk)
    model = stale.specific_class
    model.objects.filter(pk=stale.pk).delete()
    with pytest.raises(model.DoesNotExist):
        _specific(stale)


def test_a_lesson_whose_course_was_routed_before_needs_two_queries(rf, django_assert_max_num_queries):
    """The course is kept per page, the view restrictions for the whole site: a lesson's route
    costs its pages by `url_path` and the lesson made specific."""
    from courses.models import CoursePage
    from portal.page_routing import _restrictions_of, _route

    course = make_course("Keamanan Digital", lessons=(("Kata sandi", ""), ("Kuis", ""), ("Ujian", "")))
    first, second = list(course.get_children().order_by("path"))[:2]
    _restrictions_of(_route(rf.get(first.url), first.url).page)
    with django_assert_max_num_queries(2):
        route = _route(rf.get(second.url), second.url)
        assert _restrictions_of(route.page) == []
    with django_assert_max_num_queries(0):
        parent = route.page.get_parent()
    assert type(parent) is CoursePage and parent == course


def test_the_restrictions_picked_for_a_route_are_wagtails(rf):
    """On the page, on an ancestor, none, and through an alias (Wagtail's own read then)."""
    from wagtail.models import Page

    from portal.page_routing import _restrictions_of, _route

    course = make_course("Keamanan Digital", lessons=(("Kata sandi", ""), ("Kuis", "")))
    other = make_course("Literasi Data")
    index = course.get_parent()
    lesson = course.get_children().order_by("path").first()
    restricted = [
        PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN),
        PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS),
        PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="x"),
    ]
    alias = course.create_alias(parent=index, update_slug="keamanan-digital-salinan")
    pages = [index, course, lesson, other, other.get_children().first(), Page.objects.get(pk=alias.pk)]
    for page in pages:
        route = _route(rf.get(page.url), page.url)
        assert route.page.pk == page.pk
        assert route.page.kept_path_has_no_alias is (page.pk != alias.pk)
        assert _restrictions_of(route.page) == sorted(page.get_view_restrictions(), key=lambda r: r.pk), page.url
    assert _restrictions_of(_route(rf.get(lesson.url), lesson.url).page) == restricted
    assert {r.pk for r in _restrictions_of(_route(rf.get(alias.url), alias.url).page)} == {r.pk for r in restricted[:2]}


def test_the_root_paths_kept_follow_a_site_or_its_root_page_changed():
    from wagtail.models import Site

    from portal.page_routing import root_paths_kept

    site = Site.objects.get(is_default_site=True)
    assert [path.root_url for path in root_paths_kept()] == [site.root_url]
    site.hostname, site.port = "kompeten.contoh.go.id", 443
    site.save()
    assert [path.root_url for path in root_paths_kept()] == ["https://kompeten.contoh.go.id"]
    home = site.root_page.specific
    home.slug = "rumah"
    home.save_revision().publish()
    assert [path.root_path for path in root_paths_kept()] == ["/rumah/"]
