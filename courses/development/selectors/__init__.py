"""Reads of competency development: activities outside the portal and development plans."""

from .activities import activities_of, can_decide, can_see_proof, competencies_for, pending_for
from .plans import (
    can_review,
    can_see,
    plan_items_to_link,
    plan_needs,
    plan_of,
    plan_summary,
    plans_progress,
    team_plans,
)

__all__ = [
    "activities_of",
    "can_decide",
    "can_review",
    "can_see",
    "can_see_proof",
    "competencies_for",
    "plan_items_to_link",
    "pending_for",
    "plan_needs",
    "plan_of",
    "plan_summary",
    "plans_progress",
    "team_plans",
]
