"""Reads of the change hub: the hub page, an article, the FAQ, and the dashboard's part.

Each returns in a fixed number of queries, however many pages, targets or employees there are:
each kind of page is read from its own table with its audience computed in SQL, instead of
`Page.specific()`, which costs a query per content type and then per relation.
"""

import datetime
import functools
import html
import itertools
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from portal.people.access import employee_for, is_hr
from portal.people.models import Employee
from portal.prepared import Prepared

from ..models import (
    Acknowledgement,
    ChangeArticlePage,
    ChangeEventPage,
    ChangeHubPage,
    EventRegistration,
    FAQPage,
    GuidePage,
    StoryPage,
)
from .targeting import (
    EVERYONE,
    MINE,
    OTHERS,
    RANK,
    VISIBLE,
    audience_expression,
    audience_of,
    employees_targeted_by,
    with_audience,
)

__all__ = [
    "STORY_PHOTO",
    "article_context",
    "employees_targeted_by",
    "faq_context",
    "hub_context",
    "must_read_items_for_dashboard",
    "pending_must_reads",
    "upcoming_events_for",
]

STORY_PHOTO = "fill-160x160"  # the rendition the hub and the story page show; prefetched with the stories
FAQ_QUERY_MAX = 100
HUB_EVENTS = 4


def _acknowledged_at(employee: Employee | None):
    """The time `employee` confirmed each article (NULL when not, or when there is no employee)."""
    if employee is None:
        return Value(None, output_field=DateTimeField())
    return Subquery(
        Acknowledgement.objects.filter(article=OuterRef("pk"), employee_id=employee.pk).values("acknowledged_at")[:1]
    )


def _registered(employee: Employee | None):
    """Whether `employee` holds a seat (a registration not cancelled) at each event."""
    if employee is None:
        return Value(False, output_field=BooleanField())
    return Exists(
        EventRegistration.objects.filter(event=OuterRef("pk"), employee_id=employee.pk, cancelled_at__isnull=True)
    )


def _overdue(today) -> ExpressionWrapper:
    return ExpressionWrapper(Q(must_read_deadline__lt=today), output_field=BooleanField())


def _by_audience(pages) -> list:
    """Pages meant for the employee first, then those for everyone, then (for HR) the others."""
    return sorted(pages, key=lambda page: RANK[page.audience])


def _kind(pages, model) -> list:
    """Tag each page with its kind, which the hub's cards show and style."""
    for page in pages:
        page.kind = model._meta.model_name
        page.kind_label = model._meta.verbose_name
    return pages


# --- The hub -----------------------------------------------------------------------------------


def hub_context(*, hub: ChangeHubPage, user, params) -> dict:
    """What the hub at /perubahan/ shows `user`, in a fixed number of queries.

    Material aimed at the employee's unit or position comes first ("untuk Anda"), then material for
    everyone; HR also sees what is aimed at other units and positions. Alongside: the user's
    pending must-reads, upcoming events, stories, guides and the featured micro-course. `params`
    (the query string) may choose an article topic with `topik`.

    The pages and their audience are the same for everyone in the same unit and position: they are
    kept for them (`portal.change.kept.hub_pages`); the reader's own confirmations and seats are read
    on each request (two queries).
    """
    from ..kept import hub_pages

    employee = employee_for(user)
    hr = is_hr(user)
    today = timezone.localdate()
    pages = hub_pages(hub=hub, employee=employee, hr=hr, read=lambda: hub_pages_read(hub=hub, employee=employee, hr=hr))
    articles, faqs, stories, events, guides = (
        pages[kind] for kind in ("articles", "faqs", "stories", "events", "guides")
    )
    acknowledged, registered = _own_answers(employee, articles=articles, events=events)
    for article in articles:
        article.acknowledged_at = acknowledged.get(article.pk)
    for event in events:
        event.is_registered = event.pk in registered

    topics = ChangeArticlePage.Topic
    topic = params.get("topik", "")
    topic = topic if topic in topics.values else ""
    shown = [a for a in articles if not topic or a.topic == topic]
    reading = shown + ([] if topic else faqs)  # a topic narrows the articles only; the FAQ has none
    pending = [a for a in articles if a.must_read and a.audience in VISIBLE and a.acknowledged_at is None]
    pending.sort(key=lambda a: (a.must_read_deadline is None, a.must_read_deadline or today, a.path))
    everything = itertools.chain(articles, faqs, stories, events, guides)
    return {
        "employee": employee,
        "is_hr": hr,
        "for_you": [page for page in reading if page.audience == MINE],
        "general": [page for page in reading if page.audience == EVERYONE],
        "for_others": [page for page in everything if page.audience == OTHERS] if hr else [],
        "pending_must_reads": pending,
        "stories": _by_audience(p for p in stories if p.audience in VISIBLE),
        "guides": _by_audience(p for p in guides if p.audience in VISIBLE),
        "events": [e for e in events if e.audience in VISIBLE][:HUB_EVENTS],
        "featured_course": pages["featured_course"],
        "topics": topics.choices,
        "topic": topic,
    }


def hub_pages_read(*, hub: ChangeHubPage, employee: Employee | None, hr: bool) -> dict:
    """The hub's live children of each kind with their `audience` for `employee` (HR: the others'
    too), the events not started yet, and the featured course: nothing of one person."""
    today = timezone.localdate()

    def children(model):
        return with_audience(model.objects.live().child_of(hub), employee, include_others=hr)

    articles = children(ChangeArticlePage).defer_streamfields().annotate(overdue=_overdue(today)).order_by("path")
    stories = (
        children(StoryPage)
        .defer_streamfields()
        .prefetch_related(Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(STORY_PHOTO)))
        .order_by("path")
    )
    events = children(ChangeEventPage).defer_streamfields().filter(starts_at__gt=timezone.now())
    return {
        "articles": _kind(list(articles), ChangeArticlePage),
        "faqs": _kind(list(children(FAQPage).defer_streamfields().order_by("path")), FAQPage),
        "stories": _kind(_with_photos_rendered(stories), StoryPage),
        "events": _kind(list(events.order_by("starts_at", "pk")), ChangeEventPage),
        "guides": _kind(
            list(children(GuidePage).defer_streamfields().select_related("document").order_by("path")), GuidePage
        ),
        "featured_course": _featured_course(hub),
    }


def _with_photos_rendered(stories) -> list:
    """The stories, each photo's rendition made now if it is missing: it is then kept with the
    photo, instead of being looked up on every request that serves the kept pages."""
    stories = list(stories)
    for story in stories:
        if story.photo is not None:
            try:
                story.photo.get_rendition(STORY_PHOTO)
            except SourceImageIOError:
                continue  # the template meets the same error and decides; the read goes on
    return stories


def _own_answers(employee: Employee | None, *, articles, events) -> tuple[dict, set]:
    """When `employee` confirmed each of `articles` ({article id: time}), and which of `events` they
    hold a seat at (a registration not cancelled): a query each, none without an employee."""
    if employee is None:
        return {}, set()
    acknowledged = dict(
        Acknowledgement.objects.filter(employee=employee, article_id__in=[a.pk for a in articles]).values_list(
            "article_id", "acknowledged_at"
        )
        if articles
        else ()
    )
    registered = set(
        EventRegistration.objects.filter(
            employee=employee, event_id__in=[e.pk for e in events], cancelled_at__isnull=True
        ).values_list("event_id", flat=True)
        if events
        else ()
    )
    return acknowledged, registered


def _featured_course(hub: ChangeHubPage):
    """The live course the hub recommends, as its specific page (the hub does not import courses)."""
    if not hub.featured_course_id:
        return None
    return Page.objects.live().filter(pk=hub.featured_course_id).specific().first()


# --- An article --------------------------------------------------------------------------------


def article_context(*, article: ChangeArticlePage, user) -> dict:
    """What an article page shows `user`: whom it is for, and for a must-read their confirmation.

    Reads the targets from the instance, so a preview of an unsaved draft shows its own targets.
    """
    employee = employee_for(user)
    units = list(article.target_units.all())
    positions = list(article.target_positions.all())
    audience = audience_of(unit_ids={u.pk for u in units}, position_ids={p.pk for p in positions}, employee=employee)
    acknowledgement = None
    if article.must_read and employee is not None and article.pk is not None:
        acknowledgement = Acknowledgement.objects.filter(article_id=article.pk, employee=employee).first()
    today = timezone.localdate()
    deadline = article.must_read_deadline
    return {
        "employee": employee,
        "audience": audience,
        "target_units": units,
        "target_positions": positions,
        "acknowledgement": acknowledgement,
        "can_acknowledge": bool(
            article.must_read and article.live and employee is not None and audience in VISIBLE and not acknowledgement
        ),
        "is_overdue": bool(article.must_read and deadline and deadline < today and acknowledgement is None),
    }


# --- The FAQ -----------------------------------------------------------------------------------


def _plain(text) -> str:
    return html.unescape(strip_tags(str(text))).casefold()


def faq_context(*, page: FAQPage, query: str) -> dict:
    """The FAQ's questions, grouped under their headings, narrowed to those whose question or answer
    contains `query` (case-insensitive, on the answer's rendered text, so markup never matches)."""
    query = " ".join((query or "").split())[:FAQ_QUERY_MAX]
    needle = query.casefold()
    groups, total, count = [], 0, 0
    current = {"heading": None, "items": []}
    for child in page.body:
        if child.block_type == "heading":
            if current["heading"] is not None or current["items"]:
                groups.append(current)
            current = {"heading": child, "items": []}
            continue
        if child.block_type != "item":
            continue
        total += 1
        if needle and needle not in _plain(child.value["question"]) and needle not in _plain(child.value["answer"]):
            continue
        count += 1
        current["items"].append(child)
    groups.append(current)
    return {
        "query": query,
        "faq_groups": [group for group in groups if group["items"]],
        "faq_total": total,
        "faq_count": count,
    }


# --- The dashboard -----------------------------------------------------------------------------
#
# Its two queries are built once per process and run with each employee's values (`Prepared`): the
# ORM spent about 4 ms of Python compiling each of them, on every dashboard a person saw first.


@dataclass(frozen=True)
class _Reader:
    """What the targeting rule and the personal annotations read of an employee."""

    pk: int
    unit_id: int
    position_id: int


_STAND_INS = {"employee_id": -7_000_001, "unit_id": -7_000_002, "position_id": -7_000_003}


def _must_reads_for(employee, today: datetime.date | None = None) -> QuerySet[ChangeArticlePage]:
    """Live must-read articles meant for `employee` (aimed at them or at everyone), by deadline."""
    return (
        with_audience(ChangeArticlePage.objects.live().filter(must_read=True), employee)
        .defer_streamfields()
        .annotate(overdue=_overdue(today or timezone.localdate()))
        .order_by(F("must_read_deadline").asc(nulls_last=True), "path")
    )


def pending_must_reads(*, employee: Employee) -> QuerySet[ChangeArticlePage]:
    """The live must-read articles meant for `employee` that they have not confirmed yet, the
    nearest deadline first (none last); each is annotated `overdue` once its deadline has passed."""
    confirmed = Acknowledgement.objects.filter(article=OuterRef("pk"), employee=employee)
    return _must_reads_for(employee).filter(~Exists(confirmed))


def _must_reads_with_confirmations(*, employee_id, unit_id, position_id, today) -> QuerySet[ChangeArticlePage]:
    reader = _Reader(employee_id, unit_id, position_id)
    return _must_reads_for(reader, today).annotate(acknowledged_at=_acknowledged_at(reader))


_MUST_READS = Prepared(_must_reads_with_confirmations, **_STAND_INS, today=datetime.date(1901, 2, 3))


def must_read_items_for_dashboard(*, employee: Employee, limit: int = 5) -> dict:
    """The dashboard's "Bacaan wajib" in one query: the first `limit` pending must-reads (overdue
    ones flagged), how many are pending and overdue, and how many the employee already confirmed."""
    articles = _MUST_READS.rows(**_values_of(employee), today=timezone.localdate())
    pending = [article for article in articles if article.acknowledged_at is None]
    return {
        "items": pending[:limit],
        "pending_count": len(pending),
        "overdue_count": sum(1 for article in pending if article.overdue),
        "confirmed_count": len(articles) - len(pending),
    }


def _events_query(*, employee_id, unit_id, position_id, now, limit: int) -> QuerySet[ChangeEventPage]:
    reader = _Reader(employee_id, unit_id, position_id)
    return (
        ChangeEventPage.objects.live()
        .filter(starts_at__gt=now)
        .defer_streamfields()
        .annotate(is_registered=_registered(reader), audience=audience_expression(ChangeEventPage, reader))
        .filter(Q(is_registered=True) | Q(audience__in=VISIBLE))
        .order_by("starts_at", "pk")[:limit]
    )


@functools.cache
def _events(limit: int) -> Prepared:
    return Prepared(
        functools.partial(_events_query, limit=limit),
        **_STAND_INS,
        now=datetime.datetime(1901, 2, 3, 4, 5, 6, tzinfo=datetime.UTC),
    )


def upcoming_events_for(*, employee: Employee, limit: int = 3) -> list[ChangeEventPage]:
    """The next live events that have not started and that `employee` registered for (seat not
    cancelled) or that are meant for them, by start; each with `is_registered` and `audience`."""
    return _events(limit).rows(**_values_of(employee), now=timezone.now())


def _values_of(employee: Employee) -> dict:
    return {"employee_id": employee.pk, "unit_id": employee.unit_id, "position_id": employee.position_id}
