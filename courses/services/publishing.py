"""A course and its lessons go live as one unit.

A trainer writes a course and its lessons, then submits the course for review. When the course is
published (HR approves the workflow, publishes it directly or a scheduled publication comes due),
every lesson draft waiting under it is published with it: the approval of the course is the
approval of what the learner will see. A lesson HR has explicitly sent back ("perlu perubahan")
stays a draft until it is fixed and approved.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, WorkflowState

from ..models import CoursePage, LessonPage

logger = logging.getLogger(__name__)


def lesson_drafts_of(course: CoursePage) -> list[LessonPage]:
    """Lessons under `course` whose latest revision is not live yet, in lesson order."""
    lessons = LessonPage.objects.child_of(course).filter(has_unpublished_changes=True).order_by("path")
    return list(lessons.select_related("latest_revision"))


@transaction.atomic
def course_publish_lessons(*, course: CoursePage, user=None) -> list[LessonPage]:
    """Publish the lesson drafts of a course that has just been published; returns those published."""
    drafts = lesson_drafts_of(course)
    sent_back = set(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(lesson.pk) for lesson in drafts],
            status=WorkflowState.STATUS_NEEDS_CHANGES,
        ).values_list("object_id", flat=True)
    )
    published = []
    for lesson in drafts:
        if str(lesson.pk) in sent_back or lesson.latest_revision is None:
            continue
        state = lesson.current_workflow_state
        if state is not None:
            # Its own review is settled by the course's.
            state.cancel(user=user)
        lesson.latest_revision.publish(user=user)
        published.append(lesson)
    if published:
        logger.info("Course %s published with %d lesson(s)", course.pk, len(published))
    return published
