"""The public catalogue of courses: filters, search and its page of cards, kept per published content."""

import hashlib

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, When
from django.db.models.functions import Left, Length
from wagtail.models import Page

from competency.models import Competency
from portal.page_cache import content_kept

from .. import search
from ..models import CourseCompetency, CoursePage, LessonPage

CATALOG_PAGE_SIZE = 12
JP_RANGES = {"1-4": (1, 4), "5-10": (5, 10), "11+": (11, None)}


def catalog_context(*, params) -> dict:
    """Published courses, searched, filtered by category, JP and competency, paginated. The same
    for everyone who asks the same, so a page of it is kept until the content changes
    (portal.page_cache.content_kept)."""
    category, jp_range, competency, query, number = _asked(params)
    kept = content_kept(
        "kompeten:catalog-page:" + catalog_asked(params),
        lambda: _catalog_read(category=category, jp_range=jp_range, competency=competency, query=query, number=number),
    )
    page = PaginatorPage(kept["courses"], kept["number"], Paginator(range(kept["count"]), CATALOG_PAGE_SIZE))
    return {
        "courses": page,
        "query": query,
        "category": category,
        "jp_range": jp_range,
        "categories": CoursePage.Category.choices,
        "competency": competency,
        "competencies": kept["competencies"],
        "jp_ranges": list(JP_RANGES),
    }


def _asked(params) -> tuple[str, str, str, str, str]:
    """(category, JP range, competency, query, page number) as the catalog reads them."""
    query = (params.get("q") or "").strip()[:100]
    number = str(params.get("halaman") or "")[:10]
    return params.get("kategori", ""), params.get("jp", ""), params.get("kompetensi", ""), query, number


def catalog_asked(params) -> str:
    """What a catalog request asks, as a key: requests that ask the same get the same page."""
    category, jp_range, competency, query, number = _asked(params)
    asked = "|".join((category, jp_range, competency[:100], query, number))
    return hashlib.sha256(asked.encode()).hexdigest()


def _catalog_read(*, category: str, jp_range: str, competency: str, query: str, number: str) -> dict:
    courses = with_live_lessons(CoursePage.objects.live().public()).select_related("cover_image")
    if category in CoursePage.Category.values:
        courses = courses.filter(category=category)
    if jp_range in JP_RANGES:
        low, high = JP_RANGES[jp_range]
        courses = courses.filter(jp__gte=low) if high is None else courses.filter(jp__gte=low, jp__lte=high)
    if competency:
        courses = courses.filter(
            pk__in=CourseCompetency.objects.filter(competency__code=competency).values("course_id")
        )
    results = _search(courses, query) if query else courses.order_by("title")
    page = Paginator(results, CATALOG_PAGE_SIZE).get_page(number)
    return {
        "courses": list(page.object_list),
        "number": page.number,
        "count": page.paginator.count,
        "competencies": list(Competency.objects.filter(courses__isnull=False).distinct().order_by("name")),
    }


def _search(courses, query: str):
    """The courses matching `query` (courses.search: word forms and punctuation), title matches
    first. Two queries, whatever the catalog's size; the matching runs over titles and summaries."""
    rows = list(courses.values_list("pk", "title", "summary"))
    names: dict[int, list[str]] = {}
    for course_id, name in CourseCompetency.objects.filter(course_id__in=[pk for pk, *_ in rows]).values_list(
        "course_id", "competency__name"
    ):
        names.setdefault(course_id, []).append(name)
    ranked = []
    for pk, title, summary in rows:
        if search.matches(query, title):
            ranked.append((0, title.lower(), pk))
        elif search.matches(query, " ".join([title, summary, *names.get(pk, [])])):
            ranked.append((1, title.lower(), pk))
    order = [pk for *_, pk in sorted(ranked)]
    if not order:
        return courses.none()
    return courses.filter(pk__in=order).order_by(Case(*(When(pk=pk, then=i) for i, pk in enumerate(order))))


def with_live_lessons(courses):
    """Only the courses that have at least one published lesson: a course without one is not
    offered, whatever its own state (it went live before its lessons, or they were unpublished).

    The parent of a page is its path less one step, so the published lessons' parent paths are
    computed once and joined by equality (a hash semi-join over the lessons). A correlated "path LIKE
    course.path || '%'" cannot use the path index and cost 0.7 s a request with 1,000 courses."""
    parents = (
        LessonPage.objects.filter(live=True)
        .annotate(parent_path=Left("path", Length("path") - Page.steplen))
        .values("parent_path")
    )
    return courses.filter(path__in=parents)
