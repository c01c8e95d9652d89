"""Signal receivers of the courses app, connected in CoursesConfig.ready()."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import CoursePage
from .services import course_publish_lessons, course_trainer_add_author


@receiver(post_save, sender=CoursePage, dispatch_uid="courses_author_is_first_trainer")
def author_is_first_trainer(sender, instance: CoursePage, created: bool, raw: bool = False, **kwargs) -> None:
    """However a course is created (admin, copy, seed), its author becomes its first trainer."""
    if created and not raw:
        course_trainer_add_author(course=instance)


@receiver(page_published, sender=CoursePage, dispatch_uid="courses_publish_lessons_with_course")
def lessons_go_live_with_course(sender, instance: CoursePage, **kwargs) -> None:
    """However a course is published (workflow approval, direct, scheduled), its lesson drafts follow."""
    course_publish_lessons(course=instance)
