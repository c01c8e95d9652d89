"""HR's adoption dashboard, unit by unit: must-reads read, event attendance, readiness by ADKAR
dimension in a survey round and its trend against the previous round.

Everything is aggregated in the database, grouped by unit: the dashboard costs the same ten queries
(nine for a round still open) however many units, employees, articles or responses there are.

Readiness is published only for rounds that have closed: while a round is open the dashboard shows
how many answered per unit and nothing of what they answered, since one more respondent would
otherwise move the figures by exactly their own answers. It is shown only for groups of at least
`PRIVACY_THRESHOLD` respondents, per unit and per round, and the trend compares closed rounds.
"""

import datetime
from collections import defaultdict

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.people.models import Employee, Unit

from ..models import (
    Acknowledgement,
    ChangeArticlePage,
    Dimension,
    EventRegistration,
    PulseSurvey,
    SurveyAnswer,
    SurveyResponse,
)
from ..models.surveys import PRIVACY_THRESHOLD
from .surveys import concern_word_counts, overall_mean
from .targeting import covers

# Column headings where the full "Kesadaran (Awareness)" would not fit.
SHORT_LABELS = {
    Dimension.AWARENESS: _("Kesadaran"),
    Dimension.DESIRE: _("Keinginan"),
    Dimension.KNOWLEDGE: _("Pengetahuan"),
    Dimension.ABILITY: _("Kemampuan"),
    Dimension.REINFORCEMENT: _("Penguatan"),
}
LOW_READINESS = 3.0  # below the scale's midpoint ("ragu-ragu"): more doubt than agreement
FALLING_DROP = 0.3  # a drop this large between rounds is more than noise on a 1–5 scale


def survey_rounds(*, now: datetime.datetime | None = None) -> list[PulseSurvey]:
    """The rounds HR may look at, newest first, each with `respondent_count`: opened already, and open
    now or answered by someone (so the ADKAR template, which is never open, stays out). One query."""
    now = now or timezone.now()
    return list(
        PulseSurvey.objects.filter(opens_at__lte=now)
        .annotate(respondent_count=Count("participations"))
        .filter(Q(closes_at__gt=now) | Q(respondent_count__gt=0))
        .order_by("-opens_at", "-pk")
    )


def previous_round(
    *, survey: PulseSurvey, rounds: list[PulseSurvey], now: datetime.datetime | None = None
) -> PulseSurvey | None:
    """The latest closed round before `survey` that anyone answered: the baseline of the trend."""
    earlier = [
        r for r in rounds if r.opens_at < survey.opens_at and r.is_closed(now) and getattr(r, "respondent_count", 0) > 0
    ]
    return max(earlier, key=lambda r: (r.opens_at, r.pk), default=None)


def _targets(article_ids: list[int]) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """Each article's target units and positions (two queries)."""
    units, positions = defaultdict(set), defaultdict(set)
    through = ChangeArticlePage.target_units.through
    for article_id, unit_id in through.objects.filter(changearticlepage_id__in=article_ids).values_list(
        "changearticlepage_id", "unit_id"
    ):
        units[article_id].add(unit_id)
    through = ChangeArticlePage.target_positions.through
    for article_id, position_id in through.objects.filter(changearticlepage_id__in=article_ids).values_list(
        "changearticlepage_id", "position_id"
    ):
        positions[article_id].add(position_id)
    return units, positions


def _share(read: int, required: int) -> int | None:
    return round(100 * read / required) if required else None


def _must_reads(
    staff: dict[tuple[int, int], int], parents: dict[int, int | None]
) -> tuple[list[dict], dict[int, dict[int, dict]]]:
    """The live must-read articles, and per unit per article: targeted employees and how many of them
    confirmed reading (four queries). An acknowledgement by someone the article no longer targets
    does not count."""
    articles = list(ChangeArticlePage.objects.live().filter(must_read=True).order_by("title").values("pk", "title"))
    ids = [article["pk"] for article in articles]
    target_units, target_positions = _targets(ids)
    acknowledged = {
        (row["article_id"], row["employee__unit_id"], row["employee__position_id"]): row["people"]
        for row in Acknowledgement.objects.filter(article_id__in=ids, employee__is_active=True)
        .values("article_id", "employee__unit_id", "employee__position_id")
        .annotate(people=Count("employee_id", distinct=True))
        .order_by()
    }
    per_unit: dict[int, dict[int, dict]] = defaultdict(dict)
    for article in articles:
        units, positions = target_units[article["pk"]], target_positions[article["pk"]]
        required = read = 0
        for (unit_id, position_id), people in staff.items():
            if not covers(
                unit_ids=units, position_ids=positions, unit=(unit_id, parents.get(unit_id)), position_id=position_id
            ):
                continue
            cell = per_unit[unit_id].setdefault(article["pk"], {"required": 0, "read": 0})
            cell["required"] += people
            cell["read"] += acknowledged.get((article["pk"], unit_id, position_id), 0)
            required += people
            read += acknowledged.get((article["pk"], unit_id, position_id), 0)
        article.update(required=required, read=read, share=_share(read, required))
    return articles, per_unit


def _readiness_groups(round_ids: list[int], closed_ids: list[int]) -> tuple[dict, dict]:
    """Respondents per (round, unit), and, for the closed rounds only, per (round, unit, dimension)
    the mean and the number of answers (two queries; one when no round is closed)."""
    respondents = {
        (row["survey_id"], row["unit_id"]): row["people"]
        for row in SurveyResponse.objects.filter(survey_id__in=round_ids)
        .values("survey_id", "unit_id")
        .annotate(people=Count("pk"))
        .order_by()
    }
    means = {
        (row["response__survey_id"], row["response__unit_id"], row["question__dimension"]): (row["mean"], row["n"])
        for row in SurveyAnswer.objects.filter(response__survey_id__in=closed_ids)
        .values("response__survey_id", "response__unit_id", "question__dimension")
        .annotate(mean=Avg("value"), n=Count("pk"))
        .order_by()
    }
    return respondents, means


def _readiness(*, latest: dict | None, previous: dict | None) -> dict:
    """One group's readiness in the selected round against the previous one. `latest`/`previous` are
    {"respondents": n, "means": {dimension: mean}} or None; a group under the threshold gives None."""
    latest_shown = latest if latest and latest["respondents"] >= PRIVACY_THRESHOLD else None
    previous_shown = previous if previous and previous["respondents"] >= PRIVACY_THRESHOLD else None
    dimensions = []
    for key, label in Dimension.choices:
        now_mean = _round(latest_shown["means"].get(key)) if latest_shown else None
        before = _round(previous_shown["means"].get(key)) if previous_shown else None
        dimensions.append(
            {"key": key, "label": label, "mean": now_mean, "previous": before, "trend": _diff(now_mean, before)}
        )
    overall = overall_mean(latest_shown["means"]) if latest_shown else None
    previous_overall = overall_mean(previous_shown["means"]) if previous_shown else None
    trend = _diff(overall, previous_overall)
    return {
        "respondents": latest_shown["respondents"] if latest_shown else None,
        "pending": False,
        "suppressed": latest_shown is None,
        "previous_suppressed": previous_shown is None,
        "dimensions": dimensions,
        "overall": overall,
        "previous_overall": previous_overall,
        "trend": trend,
        "low": overall is not None and overall < LOW_READINESS,
        "falling": trend is not None and trend <= -FALLING_DROP,
    }


def _pending(respondents: int) -> dict:
    """A group's place in a round still open: how many answered, and no figure of what they answered."""
    return {
        "respondents": respondents,
        "pending": True,
        "suppressed": True,
        "previous_suppressed": True,
        "dimensions": [
            {"key": key, "label": label, "mean": None, "previous": None, "trend": None}
            for key, label in Dimension.choices
        ],
        "overall": None,
        "previous_overall": None,
        "trend": None,
        "low": False,
        "falling": False,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _diff(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else round(now - before, 2)


def _group(survey_id: int | None, unit_ids, respondents: dict, means: dict) -> dict | None:
    """Respondents and mean per dimension of a round over some units, combined by answer counts."""
    if survey_id is None:
        return None
    people = sum(respondents.get((survey_id, unit_id), 0) for unit_id in unit_ids)
    if not people:
        return None
    combined = {}
    for key, _label in Dimension.choices:
        parts = [means[(survey_id, unit_id, key)] for unit_id in unit_ids if (survey_id, unit_id, key) in means]
        answers = sum(n for _mean, n in parts)
        combined[key] = sum(mean * n for mean, n in parts) / answers if answers else None
    return {"respondents": people, "means": combined}


def _hides_small_units(survey_id: int | None, unit_ids: list[int], respondents: dict) -> bool:
    """Whether the all-units figure would give a small unit away: if the units hidden for having 1–4
    respondents add up to 1–4 people, the total minus the visible units would show them."""
    hidden = sum(n for unit_id in unit_ids if 0 < (n := respondents.get((survey_id, unit_id), 0)) < PRIVACY_THRESHOLD)
    return 0 < hidden < PRIVACY_THRESHOLD


def _all_units(survey_id: int | None, unit_ids: list[int], respondents: dict, means: dict) -> dict | None:
    """All units together, or None when that would give a small unit away."""
    if survey_id is None or _hides_small_units(survey_id, unit_ids, respondents):
        return None
    return _group(survey_id, unit_ids, respondents, means)


def adoption_by_unit(*, survey: PulseSurvey | None = None, now: datetime.datetime | None = None) -> dict:
    """The dashboard: per unit (with active staff or responses) its employees, must-read shares
    (overall and per article), event registrations and attendance (live events, seats not given
    back), and readiness in `survey` (default: the newest round) against the previous closed round,
    with the `low` and `falling` flags; plus the same figures for all units together. Ten queries.

    While `survey` is open at `now` (`pending`), readiness is each group's number of respondents
    only. Must-read and event figures are cumulative: the campaign's material is not tied to a round.
    """
    now = now or timezone.now()
    rounds = survey_rounds(now=now)
    survey = survey or (rounds[0] if rounds else None)
    pending = survey is not None and not survey.is_closed(now)
    previous = previous_round(survey=survey, rounds=rounds, now=now) if survey else None
    units = list(Unit.objects.order_by("name"))

    staff: dict[tuple[int, int], int] = {
        (row["unit_id"], row["position_id"]): row["people"]
        for row in Employee.objects.filter(is_active=True)
        .values("unit_id", "position_id")
        .annotate(people=Count("pk"))
        .order_by()
    }
    employees = defaultdict(int)
    for (unit_id, _position_id), people in staff.items():
        employees[unit_id] += people
    articles, reads = _must_reads(staff, {unit.pk: unit.parent_id for unit in units})
    events = {
        row["employee__unit_id"]: row
        for row in EventRegistration.objects.filter(event__live=True, cancelled_at__isnull=True)
        .values("employee__unit_id")
        .annotate(registered=Count("pk"), attended=Count("pk", filter=Q(attended=True)))
        .order_by()
    }
    latest_id, previous_id = (survey.pk if survey else None), (previous.pk if previous else None)
    if pending:
        previous_id = None  # no trend for a round whose own figures are not out yet
    round_ids = [pk for pk in (latest_id, previous_id) if pk]
    respondents, means = _readiness_groups(round_ids, [pk for pk in round_ids if not (pending and pk == latest_id)])

    answered = {unit_id for (_survey_id, unit_id) in respondents}
    rows = []
    for unit in units:
        if not employees[unit.pk] and unit.pk not in answered:
            continue
        unit_reads = reads.get(unit.pk, {})
        required = sum(cell["required"] for cell in unit_reads.values())
        read = sum(cell["read"] for cell in unit_reads.values())
        if pending:
            readiness = _pending(respondents.get((latest_id, unit.pk), 0))
        else:
            readiness = _readiness(
                latest=_group(latest_id, [unit.pk], respondents, means),
                previous=_group(previous_id, [unit.pk], respondents, means),
            )
        rows.append(
            {
                "unit": unit,
                "employees": employees[unit.pk],
                "must_read": {"required": required, "read": read, "share": _share(read, required)},
                "articles": [
                    {**unit_reads.get(a["pk"], {"required": 0, "read": 0}), "share": _cell_share(unit_reads, a["pk"])}
                    for a in articles
                ],
                "events": {
                    "registered": events.get(unit.pk, {}).get("registered", 0),
                    "attended": events.get(unit.pk, {}).get("attended", 0),
                },
                "readiness": readiness,
                "low": readiness["low"],
                "falling": readiness["falling"],
                "alert": readiness["low"] or readiness["falling"],
            }
        )

    unit_ids = [row["unit"].pk for row in rows]
    if pending:
        total = _pending(sum(row["readiness"]["respondents"] for row in rows))
        total["protects_small_units"] = False
    else:
        total = _readiness(
            latest=_all_units(latest_id, unit_ids, respondents, means),
            previous=_all_units(previous_id, unit_ids, respondents, means),
        )
        # Said on the page, so that a dash beside a large total is not mistaken for too few respondents.
        total["protects_small_units"] = latest_id is not None and _hides_small_units(latest_id, unit_ids, respondents)
    required = sum(article["required"] for article in articles)
    read = sum(article["read"] for article in articles)
    return {
        "survey": survey,
        "pending": pending,
        "previous": previous,
        "rounds": rounds,
        "rows": rows,
        "articles": articles,
        "dimensions": [(key, SHORT_LABELS[key], label) for key, label in Dimension.choices],
        "total": {
            "employees": sum(row["employees"] for row in rows),
            "must_read": {"required": required, "read": read, "share": _share(read, required)},
            "events": {
                "registered": sum(row["events"]["registered"] for row in rows),
                "attended": sum(row["events"]["attended"] for row in rows),
            },
            "readiness": total,
        },
        "alerts": [row for row in rows if row["alert"]],
        "threshold": PRIVACY_THRESHOLD,
        "low_readiness": LOW_READINESS,
        "falling_drop": FALLING_DROP,
    }


def _cell_share(unit_reads: dict, article_id: int) -> int | None:
    cell = unit_reads.get(article_id)
    return _share(cell["read"], cell["required"]) if cell else None


def dashboard_concerns(*, data: dict, unit: Unit | None = None, top: int = 15) -> list[tuple[str, int]] | None:
    """The commonest concern words of the dashboard's round, for one unit or all; None where the
    numbers would be hidden (the round still open, under the threshold, or all units while a small
    unit would show)."""
    survey = data["survey"]
    if survey is None or data["pending"]:
        return None
    if unit is None and data["total"]["readiness"]["suppressed"]:
        return None
    return concern_word_counts(survey=survey, unit=unit, top=top)
