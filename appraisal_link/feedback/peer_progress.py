"""How far a peer round has come, per unit, for HR: counts only. Who rates whom and who has answered
stay out of HR's sight (anonymity): these reads return numbers, never people."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .models import PeerBallot, PeerReview, PeerRound
from .peer import MIN_RATERS


@dataclass(frozen=True)
class UnitProgress:
    """One unit's numbers in a round (the unit an employee belongs to now)."""

    unit_name: str
    employees: int = 0
    with_raters: int = 0
    invited: int = 0
    answered: int = 0
    with_results: int = 0


def peer_round_progress(*, round_: PeerRound) -> tuple[list[UnitProgress], UnitProgress]:
    """Per unit and in total: the employees in the round, those whose raters are chosen,
    the raters invited and those who answered, and the employees with at least MIN_RATERS answers
    (whose result shows once published). One query, however many reviews."""
    enough = (
        PeerBallot.objects.filter(review__round=round_)
        .values("review")
        .annotate(answers=Count("pk"))
        .filter(answers__gte=MIN_RATERS)
    )
    rows = (
        PeerReview.objects.filter(round=round_)
        .values("employee__unit_id", "employee__unit__name")
        .annotate(
            employees=Count("pk", distinct=True),
            with_raters=Count("pk", filter=Q(raters__isnull=False), distinct=True),
            invited=Count("raters", distinct=True),
            answered=Count("raters", filter=Q(raters__answered_at__isnull=False), distinct=True),
            with_results=Count("pk", filter=Q(pk__in=enough.values("review")), distinct=True),
        )
        .order_by("employee__unit__name", "employee__unit_id")
    )
    units = []
    for row in rows:
        row.pop("employee__unit_id")
        units.append(UnitProgress(unit_name=row.pop("employee__unit__name") or "—", **row))
    fields = ("employees", "with_raters", "invited", "answered", "with_results")
    total = UnitProgress(unit_name="", **{field: sum(getattr(unit, field) for unit in units) for field in fields})
    return units, total
