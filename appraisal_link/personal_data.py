"""An employee's own appraisals and training assignments, for "my data" (/akun/data-saya/, UU 27/2022).

Composed by the shell with the other apps' parts; every value is JSON-serialisable.
"""

from portal.people.models import Employee

from .models import BERAKHLAK, Appraisal, Assignment


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _ratings(appraisal: Appraisal) -> dict:
    # The display of each BerAKHLAK value's rating, "" where the appraisal did not rate it.
    return {
        field: str(getattr(appraisal, f"get_{field}_display")()) if getattr(appraisal, field) else ""
        for field, _label in BERAKHLAK
    }


def personal_data_for(*, employee: Employee) -> dict:
    """The employee's SKP appraisals with every rating, and the trainings HR assigned them, oldest
    first (two queries)."""
    appraisals = Appraisal.objects.filter(employee=employee).order_by("year", "period", "pk")
    assignments = Assignment.objects.filter(employee=employee).select_related("course")
    return {
        "appraisals": [
            {
                "year": row.year,
                "period": str(row.get_period_display()),
                "hasil_kerja": str(row.get_hasil_kerja_display()),
                "perilaku_kerja": str(row.get_perilaku_kerja_display()),
                "predikat": str(row.get_predikat_display()),
                **_ratings(row),
                "notes": row.notes,
                "imported_at": _iso(row.imported_at),
                "updated_at": _iso(row.updated_at),
            }
            for row in appraisals
        ],
        "assignments": [
            {
                "course": row.course.title,
                "reason": row.reason,
                "due_date": _iso(row.due_date),
                "assigned_at": _iso(row.assigned_at),
                "cancelled_at": _iso(row.cancelled_at),
            }
            for row in assignments.order_by("assigned_at", "pk")
        ],
    }
