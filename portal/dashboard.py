"""What /dasbor/ shows, gathered from each app's selectors, and its content kept per person.

The content (everything below the messages) is the same at every visit until something it shows
changes, so it is kept in the cache as HTML (issue #15), per account and language, in two parts:

- "Kursus saya" (each course's progress), under all the versions of the person's pages
  (`learner_kept.page_versions`): a lesson done or a quiz attempt builds it again;
- the rest, per day too, under the versions of all it shows but the person's study
  (`learner_kept.record_versions`: enrolments, certificates, JP from outside the portal, the plan,
  gaps, assignments, the account's name; the register's, the roles', the public pages'), and those of
  the change hub's part. A lesson done leaves it kept (it shows no progress); a course finished
  renews it. Time moves the rest too: it is kept until an open enrolment's deadline enters "Tenggat
  dekat", or the hub's part ends (an event starts, a survey closes or opens), `SECONDS` at most.

Both are kept by `portal.kept_html`, with no session's form token in them, and read in one round
trip to Redis (`portal.cache.prefetch_more`).
"""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from appraisal_link import selectors as appraisal_selectors
from courses import selectors as course_selectors
from courses.development.selectors import plan_summary
from courses.ledger import jp_of
from portal import rules
from portal.cache import prefetch_more
from portal.change import kept as change_kept
from portal.kept_html import kept_html, kept_key
from portal.people import learner_kept
from portal.people.access import employee_for, has_role
from portal.people.roles import ATASAN

CONTENT_TEMPLATE = "portal/_dashboard_content.html"
COURSES_TEMPLATE = "portal/_dashboard_courses.html"
COURSES_STAND_IN = SafeString("<!-- kompeten-dashboard-courses -->")
SECONDS = 300
DUE_SOON_DAYS = 14


def dashboard_content(request) -> str:
    """The dashboard's content for the logged-in user: kept, or built (see the module)."""
    user = request.user
    employee = employee_for(user)
    if employee is None:
        courses = render_to_string(COURSES_TEMPLATE, {"courses": []}, request)
        return mark_safe(_built(request, {"courses_section": courses})["html"])  # noqa: S308 - our own templates
    rest_key = f"dashboard:{user.pk}:{employee.pk}:{timezone.localdate().isoformat()}"
    rest_versions = (*learner_kept.record_versions(employee.pk), *change_kept.dashboard_versions(employee.pk))
    courses_key = f"dashboard-courses:{user.pk}:{employee.pk}"
    courses_versions = learner_kept.page_versions(employee.pk)
    prefetch_more([*rest_versions, kept_key(request, rest_key), *courses_versions, kept_key(request, courses_key)])
    rest = kept_html(
        request,
        key=rest_key,
        versions=rest_versions,
        build=lambda overrides: _built(request, {**overrides, "courses_section": COURSES_STAND_IN}),
        seconds=_seconds,
    )
    courses = kept_html(
        request,
        key=courses_key,
        versions=courses_versions,
        build=lambda overrides: {"html": _courses_html(request, employee, overrides)},
        seconds=SECONDS,
    )
    return mark_safe(rest["html"].replace(COURSES_STAND_IN, courses["html"], 1))  # noqa: S308 - our own templates


def _built(request, overrides: dict) -> dict:
    context = dashboard_context(user=request.user)
    html = render_to_string(CONTENT_TEMPLATE, {**context, **overrides}, request)
    return {"html": html, "seconds": context["seconds_true"]}


def _courses_html(request, employee, overrides: dict) -> str:
    courses = course_selectors.my_courses(employee=employee)
    return render_to_string(COURSES_TEMPLATE, {"courses": courses, **overrides}, request)


def _seconds(built: dict) -> int:
    return built["seconds"]


def dashboard_context(*, user) -> dict:
    """Everything the dashboard's template needs but "Kursus saya" (`COURSES_TEMPLATE`, whose
    enrolments carry their progress), in a fixed number of queries."""
    year = timezone.localdate().year
    employee = employee_for(user)  # kept under the register's version, which the page is kept under too
    target = rules.jp_target()
    courses, ledger, certificates, gaps, assignments = [], None, [], [], []
    must_reads, events, open_surveys, plan, hub_seconds = None, [], [], None, SECONDS
    if employee is not None:
        courses = course_selectors.my_enrollments(employee=employee)
        ledger = jp_of(employee=employee, year=year)
        plan = plan_summary(employee=employee, year=year)
        certificates = course_selectors.certificates_among(courses)
        gaps = appraisal_selectors.open_gaps(employee=employee)
        assignments = appraisal_selectors.assignments_of(employee=employee)
        hub = change_kept.dashboard_part(employee=employee)
        must_reads, events, open_surveys = hub["must_reads"], hub["events"], hub["surveys"]
        hub_seconds = change_kept.seconds_left(hub)
    return {
        "employee": employee,
        "year": year,
        "jp_target": target,
        "jp_this_year": ledger.total if ledger else 0,
        "jp_ledger": ledger,
        "plan": plan,
        "jp_percent": min(100, round(100 * (ledger.total if ledger else 0) / target)),
        "due_soon": course_selectors.due_soon(courses, days=DUE_SOON_DAYS),
        "gaps": gaps[:5],
        "gap_count": len(gaps),
        "assignments": assignments,
        "certificates": certificates,
        "certificates_pending": course_selectors.certificates_pending(courses, certificates),
        "is_supervisor": has_role(user, ATASAN),
        "must_reads": must_reads,
        "change_events": events,
        "open_surveys": open_surveys,
        "seconds_true": min(hub_seconds, _until_due_soon(courses)),
    }


def _until_due_soon(courses) -> int:
    """Seconds until the next open enrolment's deadline comes within `DUE_SOON_DAYS` (it then shows
    under "Tenggat dekat"); `SECONDS` at most, one at least."""
    now = timezone.now()
    entering = [
        e.due_at - datetime.timedelta(days=DUE_SOON_DAYS) for e in courses if e.completed_at is None and e.due_at
    ]
    left = min(((moment - now).total_seconds() for moment in entering if moment > now), default=SECONDS)
    return max(1, min(SECONDS, int(left)))
