"""An employee's own competency records, for "my data" (/akun/data-saya/, UU 27/2022 art. 7).

Composed by the shell with the other apps' parts; every value is JSON-serialisable.
"""

from portal.people.models import Employee

from .models import Assessment, Gap


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data_for(*, employee: Employee) -> dict:
    """The employee's assessed levels and competency gaps (with source and status), oldest first
    (two queries)."""
    assessments = Assessment.objects.filter(employee=employee).select_related("competency")
    gaps = Gap.objects.filter(employee=employee).select_related("competency")
    return {
        "assessments": [
            {
                "competency": row.competency.name,
                "level": row.level,
                "source": str(row.get_source_display()),
                "assessed_on": _iso(row.assessed_on),
                "note": row.note,
            }
            for row in assessments.order_by("assessed_on", "created_at", "pk")
        ],
        "gaps": [
            {
                "competency": row.competency.name,
                "source": str(row.get_source_display()),
                "reason": row.reason,
                "required_level": row.required_level,
                "current_level": row.current_level,
                "status": str(row.get_status_display()),
                "opened_at": _iso(row.opened_at),
                "closed_at": _iso(row.closed_at),
            }
            for row in gaps.order_by("opened_at", "pk")
        ],
    }
