"""Writes of the competency app: the dictionary import, the standard-gap engine, and every other
write of a gap (appraisal gaps opened, dropped and closed; a completed course's levels)."""

from .completion import course_completion_apply, development_completion_apply, training_completed
from .gaps import (
    STANDARD_ORIGIN,
    appraisal_gaps_drop,
    appraisal_gaps_open,
    assessment_record,
    assessments_changed,
    gaps_close,
    gaps_recompute,
    observed_gaps_open,
    standard_reason,
    standards_changed,
)
from .importing import ImportResult, competencies_import

__all__ = [
    "STANDARD_ORIGIN",
    "ImportResult",
    "appraisal_gaps_drop",
    "appraisal_gaps_open",
    "assessment_record",
    "assessments_changed",
    "competencies_import",
    "course_completion_apply",
    "development_completion_apply",
    "gaps_close",
    "gaps_recompute",
    "observed_gaps_open",
    "standard_reason",
    "standards_changed",
    "training_completed",
]
