"""What /dasbor/ shows, gathered from each app's selectors."""

from django.utils import timezone

from appraisal_link import selectors as appraisal_selectors
from courses import selectors as course_selectors
from courses.development.selectors import plan_summary
from courses.ledger import jp_annotated, jp_annotations
from portal import rules
from portal.change.kept import dashboard_part as change_part
from portal.people.access import employee_read, has_role
from portal.people.roles import ATASAN


def dashboard_context(*, user) -> dict:
    """Everything the dashboard template needs, in a fixed number of queries."""
    year = timezone.localdate().year
    employee = employee_read(user, **jp_annotations(year))
    target = rules.jp_target()
    courses, ledger, certificates, gaps, assignments = [], None, [], [], []
    must_reads, events, open_surveys, plan = None, [], [], None
    if employee is not None:
        courses = course_selectors.my_courses(employee=employee)
        ledger = jp_annotated(employee)
        plan = plan_summary(employee=employee, year=year)
        certificates = course_selectors.certificates_among(courses)
        gaps = appraisal_selectors.open_gaps(employee=employee)
        assignments = appraisal_selectors.assignments_of(employee=employee)
        hub = change_part(employee=employee)
        must_reads, events, open_surveys = hub["must_reads"], hub["events"], hub["surveys"]
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
