"""What /dasbor/ shows, gathered from each app's selectors."""

from django.utils import timezone

from portal.people import selectors as people_selectors
from portal.people.access import has_role
from portal.people.roles import ATASAN

JP_TARGET_PER_YEAR = 20


def dashboard_context(*, user) -> dict:
    """Everything the dashboard template needs, in a fixed number of queries."""
    employee = people_selectors.employee_for(user)
    return {
        "employee": employee,
        "year": timezone.localdate().year,
        "jp_target": JP_TARGET_PER_YEAR,
        "jp_this_year": 0,
        "jp_percent": 0,
        "courses": [],
        "gaps": [],
        "certificates": [],
        "is_supervisor": has_role(user, ATASAN),
    }
