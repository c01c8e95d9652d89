"""Writes of the competency app: the dictionary import and the standard-gap engine."""

from .gaps import (
    STANDARD_ORIGIN,
    appraisal_gaps_drop,
    appraisal_gaps_open,
    assessment_record,
    assessments_changed,
    gaps_close,
    gaps_recompute,
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
    "gaps_close",
    "gaps_recompute",
    "standard_reason",
    "standards_changed",
]
