"""What /dasbor/ shows, gathered from each app's selectors."""

from django.utils import timezone

from appraisal_link import selectors as appraisal_selectors
from courses import selectors as course_selectors
from courses.development.selectors import plan_of
from courses.ledger import jp_of
from portal import rules
from portal.change.selectors import hub as change_selectors
from portal.change.selectors import surveys as survey_selectors
from portal.people import selectors as people_selectors
from portal.people.access import has_role
from portal.people.roles import ATASAN


def dashboard_context(*, user) -> dict:
    """Everything the dashboard template needs, in a fixed number of queries."""
    employee = people_selectors.employee_for(user)
    year = timezone.localdate().year
    target = rules.jp_target()
    courses, ledger, certificates, gaps, assignments = [], None, [], [], []
    must_reads, events, open_surveys, plan = None, [], [], None
    if employee is not None:
        courses = course_selectors.my_courses(employee=employee)
        ledger = jp_of(employee=employee, year=year)
        plan = plan_of(employee=employee, year=year)
        certificates = course_selectors.certificates_among(courses)
        gaps = appraisal_selectors.open_gaps(employee=employee)
        assignments = appraisal_selectors.assignments_of(employee=employee)
        must_reads = change_selectors.must_read_items_for_dashboard(employee=employee)
        events = change_selectors.upcoming_events_for(employee=employee)
        open_surveys = survey_selectors.open_surveys_for(employee=employee)
    return {
        "employee": employee,
        "year": year,
        "jp_target": target,
        "jp_this_year": ledger.total if ledger else 0,
        "jp_ledger": ledger,
        "plan": plan,
        "jp_percent": min(100, round(100 * (ledger.total if ledger else 0) / target)),
        "courses": courses,
        "due_soon": course_selectors.due_soon(courses),
        "gaps": gaps[:5],
        "gap_count": len(gaps),
        "assignments": assignments,
        "certificates": certificates,
        "certificates_pending": course_selectors.certificates_pending(courses, certificates),
        "is_supervisor": has_role(user, ATASAN),
        "must_reads": must_reads,
        "change_events": events,
        "open_surveys": open_surveys,
    }
