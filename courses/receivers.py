"""Signal receivers of the courses app, connected in CoursesConfig.ready()."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import CoursePage
from .services import course_trainer_add_author


@receiver(post_save, sender=CoursePage, dispatch_uid="courses_author_is_first_trainer")
def author_is_first_trainer(sender, instance: CoursePage, created: bool, raw: bool = False, **kwargs) -> None:
    """However a course is created (admin, copy, seed), its author becomes its first trainer."""
    if created and not raw:
        course_trainer_add_author(course=instance)
