"""Who trains a course: the author at creation, then whoever HR adds."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.people import roles
from portal.people.access import user_roles

from ..models import CoursePage, CourseTrainer


def course_trainer_add(*, course: CoursePage, user) -> CourseTrainer:
    """Make `user` (an account with the trainer role) a trainer of `course`; adding someone twice
    changes nothing."""
    if roles.PELATIH not in user_roles(user):
        raise ValidationError(_("Hanya akun berperan pelatih yang dapat menjadi pelatih kursus."))
    trainer, _created = CourseTrainer.objects.get_or_create(course=course, user=user)
    return trainer


def course_trainer_remove(*, course: CoursePage, user) -> bool:
    """Take `user` off the course's trainers (they no longer see its learners); True if they were one."""
    deleted, _by_model = CourseTrainer.objects.filter(course=course, user=user).delete()
    return bool(deleted)


def course_trainer_add_author(*, course: CoursePage) -> CourseTrainer | None:
    """The author of a new course is its first trainer (called when the course is created)."""
    if course.owner_id is None:
        return None
    trainer, _created = CourseTrainer.objects.get_or_create(course=course, user_id=course.owner_id)
    return trainer
