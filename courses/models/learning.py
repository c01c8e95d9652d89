"""What learners do: enrolments, lesson progress, quiz attempts, certificates."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.storage import private_storage


class Enrollment(models.Model):
    """An employee taking a course, by their own choice or HR's assignment.

    Completion is recorded once (completed_at), with the JP credited to the calendar year (WIB).
    """

    class Source(models.TextChoices):
        SELF = "mandiri", _("Mendaftar sendiri")
        ASSIGNED = "penugasan", _("Ditugaskan BKPSDM")

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="enrollments")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="enrollments")
    source = models.CharField(_("asal"), max_length=10, choices=Source.choices, default=Source.SELF)
    enrolled_at = models.DateTimeField(_("terdaftar"), auto_now_add=True)
    due_at = models.DateTimeField(_("tenggat"), null=True, blank=True)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    final_score = models.PositiveSmallIntegerField(_("nilai akhir"), null=True, blank=True)
    jp_awarded = models.PositiveSmallIntegerField(_("JP diperoleh"), default=0)
    jp_year = models.PositiveSmallIntegerField(_("tahun JP"), null=True, blank=True)

    class Meta:
        verbose_name = _("peserta kursus")
        verbose_name_plural = _("peserta kursus")
        constraints = [
            models.UniqueConstraint(fields=["employee", "course"], name="enrollment_once_per_course"),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True, jp_awarded=0, jp_year__isnull=True)
                | Q(completed_at__isnull=False, jp_year__isnull=False),
                name="enrollment_jp_only_when_completed",
            ),
        ]
        indexes = [
            models.Index(fields=["employee", "jp_year"]),
            models.Index(fields=["course", "completed_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.course_id}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class LessonProgress(models.Model):
    """A lesson done: read and marked done, or its quiz passed."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kemajuan pelajaran")
        constraints = [models.UniqueConstraint(fields=["enrollment", "lesson"], name="progress_once_per_lesson")]

    def __str__(self) -> str:
        return f"{self.enrollment_id}/{self.lesson_id}"


class QuizAttempt(models.Model):
    """One graded submission of a lesson's quiz; every attempt is kept as history."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveSmallIntegerField(_("percobaan ke"))
    answers = models.JSONField(_("jawaban"), default=dict)
    results = models.JSONField(_("hasil per soal"), default=list)
    score = models.PositiveSmallIntegerField(_("nilai"))
    passed = models.BooleanField(_("lulus"))
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("percobaan kuis")
        verbose_name_plural = _("percobaan kuis")
        ordering = ["enrollment", "lesson", "number"]
        constraints = [
            # A form posted twice carries the same number: the second insert fails, nothing doubles.
            models.UniqueConstraint(fields=["enrollment", "lesson", "number"], name="attempt_number_unique"),
            models.CheckConstraint(condition=Q(score__lte=100), name="attempt_score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment_id}/{self.lesson_id} #{self.number}: {self.score}"


class Certificate(models.Model):
    """The certificate of a completed enrolment; its content is frozen when it is issued."""

    enrollment = models.OneToOneField(Enrollment, on_delete=models.PROTECT, related_name="certificate")
    code = models.CharField(_("kode"), max_length=16, unique=True)
    holder_name = models.CharField(_("nama"), max_length=200)
    holder_nip = models.CharField(_("NIP"), max_length=18)
    course_title = models.CharField(_("kursus"), max_length=255)
    jp = models.PositiveSmallIntegerField(_("JP"))
    score = models.PositiveSmallIntegerField(_("nilai"), null=True, blank=True)
    completed_on = models.DateField(_("tanggal selesai"))
    issued_at = models.DateTimeField(_("diterbitkan"), auto_now_add=True)
    # Private: the PDF carries the full NIP; holder, HR and the course's trainers download it by a view.
    pdf = models.FileField(_("berkas PDF"), upload_to="sertifikat/", storage=private_storage, blank=True)
    sha256 = models.CharField(_("sidik SHA-256"), max_length=64, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    revoked_reason = models.CharField(_("alasan pencabutan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")

    def __str__(self) -> str:
        return self.code

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
