"""Reads of the courses app, shared by pages, views, the dashboard and reports.

Each returns in a fixed number of queries, whatever the number of courses, lessons or learners.
"""

from .catalog import CATALOG_PAGE_SIZE, JP_RANGES, catalog_asked, catalog_context, with_live_lessons
from .learning import (
    certificate_of,
    course_context,
    lesson_after,
    lesson_and_enrollment_or_404,
    lesson_context,
    lesson_preview_context,
    lesson_states,
    live_prerequisites,
    own_enrollment,
    progress_percent,
    quiz_questions,
)
from .records import (
    certificate_public_facts,
    certificates_among,
    certificates_pending,
    course_stats,
    due_soon,
    live_lesson_counts_kept,
    my_courses,
    my_enrollments,
    nip_masked,
)

__all__ = [
    "CATALOG_PAGE_SIZE",
    "JP_RANGES",
    "catalog_asked",
    "catalog_context",
    "certificate_of",
    "certificate_public_facts",
    "certificates_among",
    "certificates_pending",
    "course_context",
    "course_stats",
    "due_soon",
    "lesson_after",
    "lesson_and_enrollment_or_404",
    "lesson_context",
    "lesson_preview_context",
    "lesson_states",
    "live_lesson_counts_kept",
    "live_prerequisites",
    "my_courses",
    "my_enrollments",
    "nip_masked",
    "own_enrollment",
    "progress_percent",
    "quiz_questions",
    "with_live_lessons",
]
