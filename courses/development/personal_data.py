"""An employee's own development records, for "my data" (/akun/data-saya/, UU 27/2022 art. 7): the
activities outside the portal they recorded (or HR imported) with their verification, and their
yearly development plans with the items (four queries)."""

from portal.people.models import Employee

from .models import DevelopmentPlan, ExternalActivity, PlanItem


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data_for(*, employee: Employee) -> dict:
    activities = ExternalActivity.objects.filter(employee=employee).prefetch_related("competencies")
    plans = list(DevelopmentPlan.objects.filter(employee=employee).order_by("year"))
    items: dict[int, list[dict]] = {}
    for item in (
        PlanItem.objects.filter(plan__in=plans).select_related("course", "competency").order_by("quarter", "pk")
    ):
        items.setdefault(item.plan_id, []).append(
            {
                "quarter": item.quarter,
                "course": item.course.title if item.course_id else None,
                "activity": item.activity_title or None,
                "competency": item.competency.name if item.competency_id else None,
                "goal": item.goal,
                "jp": item.jp,
            }
        )
    return {
        "outside_activities": [
            {
                "kind": row.kind_label,
                "title": row.title,
                "organiser": row.organiser,
                "starts_on": _iso(row.starts_on),
                "ends_on": _iso(row.ends_on),
                "jp": row.jp,
                "certificate_number": row.certificate_number,
                "certificate_date": _iso(row.certificate_date),
                "competencies": [c.name for c in row.competencies.all()],
                "source": str(row.get_source_display()),
                "status": str(row.get_status_display()),
                "reason": row.rejection_reason,
                "recorded_at": _iso(row.created_at),
            }
            for row in activities.order_by("ends_on", "pk")
        ],
        "development_plans": [
            {
                "year": plan.year,
                "status": str(plan.get_status_display()),
                "note": plan.supervisor_note,
                "items": items.get(plan.pk, []),
            }
            for plan in plans
        ],
    }
