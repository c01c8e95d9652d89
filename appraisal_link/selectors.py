"""Reads of the appraisal_link app: recommendations, assignments, the supervisor's team."""

from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone

from competency import selectors as competency_selectors
from competency.models import Gap
from courses import selectors as course_selectors
from courses.development.selectors import activities_of, plan_of
from courses.ledger import jp_of, with_jp
from courses.models import CourseCompetency, CoursePage, Enrollment
from portal import rules
from portal.people.models import Employee
from portal.prepared import Prepared

from .models import Appraisal, Assignment


def open_gaps(*, employee: Employee) -> list[Gap]:
    """The employee's open gaps, largest first, each with its reason (the competency app's reader)."""
    return competency_selectors.open_gaps_for(employee=employee)


def recommendations(*, employee: Employee, gaps: list[Gap], per_gap: int = 3) -> dict[int, list[dict]]:
    """For each gap (by id): live courses that raise its competency to the needed level and the
    employee has not completed, ranked by closest level then shortest JP, with any prerequisite
    still missing named. Three queries, whatever the number of gaps or courses."""
    if not gaps:
        return {}
    competency_ids = {gap.competency_id for gap in gaps}
    offers = list(
        CourseCompetency.objects.filter(competency_id__in=competency_ids, course__live=True)
        .select_related("course")
        .only(
            "competency_id",
            "target_level",
            "course__id",
            "course__title",
            "course__jp",
            "course__url_path",
            "course__slug",
            "course__path",
            "course__depth",
        )
    )
    completed = set(
        Enrollment.objects.filter(employee=employee, completed_at__isnull=False).values_list("course_id", flat=True)
    )
    prerequisites = defaultdict(list)
    through = CoursePage.prerequisites.through
    for course_id, title, prerequisite_id in through.objects.filter(
        from_coursepage_id__in={o.course_id for o in offers}
    ).values_list("from_coursepage_id", "to_coursepage__title", "to_coursepage_id"):
        if prerequisite_id not in completed:
            prerequisites[course_id].append(title)
    result = {}
    for gap in gaps:
        fitting = [
            o
            for o in offers
            if o.competency_id == gap.competency_id
            and o.target_level >= gap.required_level
            and o.course_id not in completed
        ]
        fitting.sort(key=lambda o: (o.target_level - gap.required_level, o.course.jp, o.course.title))
        result[gap.pk] = [
            {"course": o.course, "target_level": o.target_level, "missing": prerequisites.get(o.course_id, [])}
            for o in fitting[:per_gap]
        ]
    return result


# Compiled once per process (portal.prepared): the dashboard asks it at each of its builds.
_ASSIGNMENTS_OF = Prepared(
    lambda *, employee_id: (
        Assignment.objects.filter(employee_id=employee_id, cancelled_at__isnull=True)
        .select_related("course", "enrollment")
        .order_by("due_date")
    ),
    employee_id=-7_000_203,
)


def assignments_of(*, employee: Employee) -> list[Assignment]:
    """Active assignments with their course and progress state, soonest due first."""
    return _ASSIGNMENTS_OF.objects(employee_id=employee.pk)


def team_overview(*, employees) -> list[Employee]:
    """The supervisor's team (their whole chain of reports) with each one's direct supervisor, open
    gaps, active assignments, overdue ones and JP this year, in one query."""
    year = timezone.localdate().year
    today = timezone.localdate()
    return list(
        with_jp(employees, year=year, name="jp_this_year")
        .select_related("position", "unit", "supervisor")
        .annotate(
            open_gaps=Count("gaps", filter=Q(gaps__status=Gap.Status.OPEN), distinct=True),
            active_assignments=Count("assignments", filter=Q(assignments__cancelled_at__isnull=True), distinct=True),
            overdue=Count(
                "assignments",
                filter=Q(
                    assignments__cancelled_at__isnull=True,
                    assignments__due_date__lt=today,
                    assignments__enrollment__completed_at__isnull=True,
                ),
                distinct=True,
            ),
        )
        .order_by("name")
    )


def employee_detail(*, employee: Employee) -> dict:
    """One person's gaps, assignments with progress, appraisals, courses (progress, completion,
    certificate) and JP this year, for their own or their supervisor's eyes; a fixed number of queries."""
    gaps = open_gaps(employee=employee)
    year = timezone.localdate().year
    courses = course_selectors.my_courses(employee=employee)
    certificates = {c.enrollment_id: c for c in course_selectors.certificates_among(courses)}
    for enrollment in courses:
        enrollment.certificate_issued = certificates.get(enrollment.pk)
    ledger = jp_of(employee=employee, year=year)
    jp = ledger.total
    return {
        "employee": employee,
        "courses": courses,
        "year": year,
        "jp_this_year": jp,
        "jp_ledger": ledger,
        "outside": activities_of(employee=employee),
        "plan": plan_of(employee=employee, year=year),
        "jp_target": rules.jp_target(),
        "jp_percent": min(100, round(100 * jp / rules.jp_target())),
        "gaps": gaps,
        "recommendations": recommendations(employee=employee, gaps=gaps),
        "assignments": assignments_of(employee=employee),
        "appraisals": list(Appraisal.objects.filter(employee=employee).order_by("-year", "-period")[:4]),
        "closed_gaps": list(
            Gap.objects.filter(employee=employee, status=Gap.Status.CLOSED)
            .select_related("competency")
            .order_by("-closed_at")[:10]
        ),
    }


__all__ = ["assignments_of", "employee_detail", "open_gaps", "recommendations", "team_overview"]
