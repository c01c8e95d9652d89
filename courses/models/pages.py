"""The course tree that trainers write in Wagtail: catalog → course → lessons."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.page_routing import KeptRoutingMixin
from portal.pages.blocks import BaseStreamBlock

from ..blocks import LessonStreamBlock, questions_of


class CourseIndexPage(KeptRoutingMixin, Page):
    """The catalog at /kursus/: every published course, searchable and filterable."""

    intro = models.TextField(_("pengantar"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("katalog kursus")

    def get_context(self, request, *args, **kwargs):
        from ..kept_pages import catalog_content
        from ..selectors import catalog_context

        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context.update(catalog_context(params=request.GET))
        else:
            context["kept_content"] = catalog_content(request, context=context)
        return context


class CoursePage(KeptRoutingMixin, Page):
    """A course: its lessons are its child pages, in tree order."""

    class Category(models.TextChoices):
        ICT = "tik", _("TIK")
        MANAJERIAL = "manajerial", _("Manajerial")
        SOSIAL_KULTURAL = "sosial_kultural", _("Sosial Kultural")
        TEKNIS = "teknis", _("Teknis lainnya")
        PERUBAHAN = "perubahan", _("Perubahan")

    class Level(models.TextChoices):
        DASAR = "dasar", _("Dasar")
        MENENGAH = "menengah", _("Menengah")
        LANJUT = "lanjut", _("Lanjut")

    class Enrolment(models.TextChoices):
        OPEN = "terbuka", _("Terbuka untuk semua pegawai")
        ASSIGNED = "penugasan", _("Hanya melalui penugasan BKPSDM")

    summary = models.TextField(_("ringkasan"), max_length=600)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar sampul"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices, default=Category.ICT)
    level = models.CharField(_("tingkat"), max_length=10, choices=Level.choices, default=Level.DASAR)
    jp = models.PositiveSmallIntegerField(
        _("JP"), validators=[MinValueValidator(1), MaxValueValidator(200)], help_text=_("Jam pelajaran (45 menit).")
    )
    enrolment = models.CharField(_("pendaftaran"), max_length=10, choices=Enrolment.choices, default=Enrolment.OPEN)
    prerequisites = ParentalManyToManyField(
        "self", verbose_name=_("prasyarat"), symmetrical=False, blank=True, related_name="required_by"
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("nilai lulus (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_quiz_attempts = models.PositiveSmallIntegerField(
        _("batas percobaan kuis"), null=True, blank=True, help_text=_("Kosongkan bila tidak dibatasi.")
    )
    deadline_days = models.PositiveSmallIntegerField(
        _("tenggat (hari sejak mendaftar)"), null=True, blank=True, help_text=_("Kosongkan bila tanpa tenggat.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("uraian"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("level"), FieldPanel("jp")]),
        InlinePanel("competencies", label=_("Kompetensi yang dikembangkan"), heading=_("Kompetensi")),
        FieldPanel("body"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("enrolment"),
                FieldPanel("prerequisites"),
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_quiz_attempts"), FieldPanel("deadline_days")]),
            ],
            heading=_("Aturan kursus"),
        ),
        *Page.settings_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("category"),
        index.FilterField("jp"),
        index.FilterField("level"),
        index.FilterField("id"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]
    # The admin lists a course's lessons in the order learners take them (drag to reorder).
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("kursus")
        verbose_name_plural = _("kursus")
        constraints = [
            models.CheckConstraint(condition=models.Q(jp__gte=1), name="course_jp_positive"),
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=1, pass_mark__lte=100), name="course_pass_mark_range"
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        from ..kept_pages import course_content
        from ..selectors import course_context

        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        if not preview and request.user.is_authenticated:
            context["kept_content"] = course_content(request, course=self, context=context)
            if context["kept_content"] is not None:
                return context
        context.update(course_context(course=self, user=request.user, preview=preview))
        return context


class CourseCompetency(Orderable):
    """A competency a course develops, and the proficiency level it brings a learner to."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(
        "competency.Competency", verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="courses"
    )
    target_level = models.PositiveSmallIntegerField(
        _("level yang dicapai"), choices=[(level, str(level)) for level in range(1, 6)], default=2
    )

    panels = [FieldRowPanel([FieldPanel("competency"), FieldPanel("target_level")])]

    class Meta(Orderable.Meta):
        verbose_name = _("kompetensi kursus")
        constraints = [
            models.UniqueConstraint(fields=["course", "competency"], name="course_competency_once"),
            models.CheckConstraint(
                condition=models.Q(target_level__gte=1, target_level__lte=5), name="course_competency_level_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency_id} → {self.target_level}"


class LessonPage(KeptRoutingMixin, Page):
    """One lesson of a course: content blocks and, optionally, quiz questions."""

    intro = models.TextField(_("pengantar"), blank=True, max_length=400)
    minutes = models.PositiveSmallIntegerField(_("perkiraan waktu (menit)"), default=15)
    body = StreamField(LessonStreamBlock(), verbose_name=_("isi pelajaran"))

    scorm_package = models.ForeignKey(
        "scorm.ScormPackage",
        verbose_name=_("paket SCORM"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Paket yang diunggah di Paket SCORM; diputar di pelajaran ini, di bawah isinya."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("minutes"),
        FieldPanel("body"),
        FieldPanel("scorm_package"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pelajaran")
        verbose_name_plural = _("pelajaran")

    @property
    def questions(self) -> list:
        return questions_of(self.body)

    @property
    def has_quiz(self) -> bool:
        return bool(self.questions)

    def get_admin_display_title(self):
        """ "Course › Lesson" in the admin's lists (review, workflow report, search), so that a
        reviewer knows which course a lesson belongs to."""
        title = super().get_admin_display_title()
        if not hasattr(self, "_course_title"):
            parent_path = self.path[: -self.steplen] if self.path else ""
            self._course_title = (
                Page.objects.filter(path=parent_path).values_list("draft_title", flat=True).first()
                if parent_path
                else None
            )
        return f"{self._course_title} › {title}" if self._course_title else title

    def serve(self, request, *args, **kwargs):
        from ..views import lesson_serve

        return lesson_serve(request, self, *args, **kwargs)

    def get_preview_context(self, request, mode_name):
        """The editor's and reviewer's preview: the lesson as a learner who has reached it sees it."""
        from ..selectors import lesson_preview_context

        context = super().get_preview_context(request, mode_name)
        context.update(lesson_preview_context(lesson=self, course=self.get_parent().specific))
        return context
