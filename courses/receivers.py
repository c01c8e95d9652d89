"""Signal receivers of the courses app, connected in CoursesConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from portal.cache import version_bump
from portal.people import learner_kept

from .models import Certificate, CoursePage, Enrollment, LessonProgress, QuizAttempt
from .services import course_publish_lessons, course_trainer_add_author
from .services.certificates import certificate_version_key


@receiver(post_save, sender=CoursePage, dispatch_uid="courses_author_is_first_trainer")
def author_is_first_trainer(sender, instance: CoursePage, created: bool, raw: bool = False, **kwargs) -> None:
    """However a course is created (admin, copy, seed), its author becomes its first trainer."""
    if created and not raw:
        course_trainer_add_author(course=instance)


@receiver(page_published, sender=CoursePage, dispatch_uid="courses_publish_lessons_with_course")
def lessons_go_live_with_course(sender, instance: CoursePage, **kwargs) -> None:
    """However a course is published (workflow approval, direct, scheduled), its lesson drafts follow."""
    course_publish_lessons(course=instance)


@receiver(post_save, sender=Certificate, dispatch_uid="courses_certificate_saved_page_renewed")
@receiver(post_delete, sender=Certificate, dispatch_uid="courses_certificate_deleted_page_renewed")
def certificate_changed(sender, instance: Certificate, **kwargs) -> None:
    """A visitor's kept verification page of this certificate (portal.page_cache) is old: a
    revocation shows at the next request."""
    version_bump(certificate_version_key(instance.code))


# What a learner's pages show of them (portal.people.learner_kept): enrolments and certificates
# renew their employee's version, progress and attempts its study version. Enrolments, progress and
# attempts are deleted only with their course or lesson page (the pages' version) or their employee
# (the register's).
learner_kept.watch(Enrollment, lambda enrollment: [enrollment.employee_id], deletions=False)
for _model in (LessonProgress, QuizAttempt):
    learner_kept.watch(_model, learner_kept.via("enrollment", Enrollment), deletions=False, study=True)
learner_kept.watch(Certificate, learner_kept.via("enrollment", Enrollment))
