"""Who trains which course: a trainer sees the learners, scores and exports of their courses only."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseTrainer(models.Model):
    """A trainer (pelatih/widyaiswara) of a course.

    Learners' NIP, unit and scores are personal data: a trainer sees them for the courses they
    train, not for every course they could edit. The author becomes the first trainer when the
    course is created; HR adds or removes others on the course report. Kept apart from the page
    (not a ParentalKey), so that a change takes effect at once rather than at the next publish.
    """

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("kursus"), on_delete=models.CASCADE, related_name="trainers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pelatih"), on_delete=models.CASCADE, related_name="trained_courses"
    )
    added_at = models.DateTimeField(_("ditambahkan"), auto_now_add=True)

    class Meta:
        verbose_name = _("pelatih kursus")
        verbose_name_plural = _("pelatih kursus")
        constraints = [models.UniqueConstraint(fields=["course", "user"], name="course_trainer_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.course_id}"
