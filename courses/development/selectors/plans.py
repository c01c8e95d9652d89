"""Reads of the yearly development plans: each plan's progress, which follows the portal courses
completed and the outside activities verified in its year (nothing is ticked by hand), a supervisor's
view of their reports' plans, and HR's consolidated needs per competency and unit."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.people.access import employee_for, is_hr, is_supervisor
from portal.people.models import Employee
from portal.prepared import Prepared

from ...models import Enrollment
from ..models import DevelopmentPlan, ExternalActivity, PlanItem


def plans_progress(plans: list[DevelopmentPlan]) -> list[DevelopmentPlan]:
    """Give each plan `.rows` (its items, each with `.done`), `.planned_jp`, `.done_jp` and
    `.done_count`: three queries for any number of plans."""
    if not plans:
        return plans
    items = PlanItem.objects.filter(plan__in=plans).select_related("course", "competency").order_by("quarter", "pk")
    by_plan = defaultdict(list)
    for item in items:
        by_plan[item.plan_id].append(item)
    employees = {plan.employee_id for plan in plans}
    years = {plan.year for plan in plans}
    completed = set(
        Enrollment.objects.filter(employee_id__in=employees, jp_year__in=years).values_list(
            "employee_id", "course_id", "jp_year"
        )
    )
    linked, titled = set(), set()
    for employee_id, item_id, title_key, ends_on in ExternalActivity.objects.filter(
        employee_id__in=employees, status=ExternalActivity.Status.VERIFIED, ends_on__year__in=years
    ).values_list("employee_id", "plan_item_id", "title_key", "ends_on"):
        linked.add(item_id)
        titled.add((employee_id, title_key, ends_on.year))
    for plan in plans:
        plan.rows = by_plan.get(plan.pk, [])
        for item in plan.rows:
            if item.course_id:
                item.done = (plan.employee_id, item.course_id, plan.year) in completed
            else:
                item.done = item.pk in linked or (plan.employee_id, item.activity_title_key, plan.year) in titled
        plan.planned_jp = sum(item.jp for item in plan.rows)
        plan.done_jp = sum(item.jp for item in plan.rows if item.done)
        plan.done_count = sum(1 for item in plan.rows if item.done)
    return plans


def _summary_query(*, employee_id: int, year: int, starts: datetime.date, ends: datetime.date):
    verified = ExternalActivity.objects.filter(
        status=ExternalActivity.Status.VERIFIED, ends_on__gte=starts, ends_on__lte=ends
    )
    completed = Enrollment.objects.filter(employee_id=employee_id, course_id=OuterRef("course_id"), jp_year=year)
    done = Q(course__isnull=False) & Q(Exists(completed)) | Q(course__isnull=True) & (
        Q(Exists(verified.filter(plan_item_id=OuterRef("pk"))))
        | Q(Exists(verified.filter(employee_id=employee_id, title_key=OuterRef("activity_title_key"))))
    )
    items = PlanItem.objects.filter(plan=OuterRef("pk"))

    def total(queryset, expression):
        value = queryset.order_by().values("plan").annotate(value=expression).values("value")
        return Coalesce(Subquery(value, output_field=IntegerField()), Value(0))

    return (
        DevelopmentPlan.objects.filter(employee_id=employee_id, year=year)
        .annotate(
            item_count=total(items, Count("pk")),
            planned_jp=total(items, Sum("jp")),
            done_count=total(items.filter(done), Count("pk")),
            done_jp=total(items.filter(done), Sum("jp")),
        )
        .order_by("pk")[:1]
    )


# Compiled once per process: building this query cost the dashboard more than running it.
_SUMMARY = Prepared(
    _summary_query,
    employee_id=-7_000_001,
    year=1901,
    starts=datetime.date(1901, 1, 2),
    ends=datetime.date(1901, 12, 30),
)


def plan_summary(*, employee, year: int) -> DevelopmentPlan | None:
    """The employee's plan for the year with `.planned_jp`, `.done_jp`, `.done_count` and `.item_count`
    (the numbers plans_progress gives, without the rows), in one query."""
    rows = _SUMMARY.rows(
        employee_id=employee.pk, year=year, starts=datetime.date(year, 1, 1), ends=datetime.date(year, 12, 31)
    )
    return rows[0] if rows else None


def plan_of(*, employee, year: int) -> DevelopmentPlan | None:
    plan = DevelopmentPlan.objects.filter(employee=employee, year=year).first()
    return plans_progress([plan])[0] if plan else None


def plan_items_to_link(*, employee):
    """The outside activities of the employee's plans (this year's and last year's), to say which one a
    record fulfils."""
    this_year = timezone.localdate().year
    return (
        PlanItem.objects.filter(plan__employee=employee, plan__year__in=[this_year - 1, this_year], course__isnull=True)
        .exclude(activity_title="")
        .order_by("-plan__year", "quarter", "pk")
    )


def team_plans(*, supervisor, year: int) -> list:
    """The direct reports of `supervisor`, each with `.plan` for the year (None if not started)."""
    people = list(
        Employee.objects.filter(supervisor=supervisor, is_active=True)
        .order_by("name")
        .prefetch_related(
            Prefetch("development_plans", queryset=DevelopmentPlan.objects.filter(year=year), to_attr="plans")
        )
    )
    plans = plans_progress([person.plans[0] for person in people if person.plans])
    by_employee = {plan.employee_id: plan for plan in plans}
    for person in people:
        person.plan = by_employee.get(person.pk)
    return people


def can_review(user, plan: DevelopmentPlan) -> bool:
    """The employee's direct supervisor (with a second factor) decides; never the employee."""
    me = employee_for(user)
    return is_supervisor(user) and me is not None and plan.employee.supervisor_id == me.pk != plan.employee_id


def can_see(user, plan: DevelopmentPlan) -> bool:
    """The employee, their direct supervisor, and HR (who sees every plan)."""
    me = employee_for(user)
    return (me is not None and plan.employee_id == me.pk) or can_review(user, plan) or is_hr(user)


@dataclass
class Need:
    competency: str
    unit: str
    people: int
    planned_jp: int
    done_jp: int


def plan_needs(*, year: int, statuses=(DevelopmentPlan.Status.APPROVED, DevelopmentPlan.Status.SUBMITTED)) -> list:
    """The agency's needs for the year from its plans: per competency and unit, how many people
    planned it and how much JP, planned against done (four queries)."""
    plans = plans_progress(
        list(DevelopmentPlan.objects.filter(year=year, status__in=statuses).select_related("employee__unit"))
    )
    cells: dict[tuple[str, str], dict] = {}
    for plan in plans:
        for item in plan.rows:
            name = item.competency.name if item.competency_id else "—"
            cell = cells.setdefault((name, plan.employee.unit.name), {"people": set(), "planned": 0, "done": 0})
            cell["people"].add(plan.employee_id)
            cell["planned"] += item.jp
            cell["done"] += item.jp if item.done else 0
    return [
        Need(competency, unit, len(cell["people"]), cell["planned"], cell["done"])
        for (competency, unit), cell in sorted(cells.items())
    ]
