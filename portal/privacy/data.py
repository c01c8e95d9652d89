"""Everything the portal keeps about one person, gathered from each app's `personal_data` module.

The shell composes: the core and every app write their own part (`personal_data_for(*, employee)`),
so a new app adds its part in one place. A constant number of queries, whatever the data.
"""

from django.utils import timezone

from appraisal_link import personal_data as appraisal_data
from competency import personal_data as competency_data
from courses import personal_data as course_data
from courses.development import personal_data as development_data
from courses.scorm import personal_data as scorm_data
from courses.xapi import personal_data as xapi_data
from portal.change import personal_data as change_data
from portal.notifications import personal_data as notification_data
from portal.people import personal_data as people_data
from portal.people.access import employee_for

# The sections of the export, in the order the page shows them; "account" and "notifications"
# belong to the login, the rest to the employee record.
EMPLOYEE_PARTS = [
    ("competency", competency_data.personal_data_for),
    ("courses", course_data.personal_data_for),
    ("development", development_data.personal_data_for),
    ("scorm", scorm_data.personal_data_for),
    ("xapi", xapi_data.personal_data_for),
    ("appraisals", appraisal_data.personal_data_for),
    ("change", change_data.personal_data_for),
]


def my_data_for(*, user) -> dict:
    """All of `user`'s own data as JSON-serialisable sections: the account and notifications always,
    the employee record and each app's records when the user claimed one (otherwise None)."""
    employee = employee_for(user)
    data = {
        "generated_at": timezone.localtime().isoformat(),
        "account": people_data.account_data_for(user=user),
        "employee": people_data.personal_data_for(employee=employee) if employee else None,
    }
    for key, part in EMPLOYEE_PARTS:
        data[key] = part(employee=employee) if employee else None
    data["notifications"] = notification_data.user_data_for(user=user)
    return data
