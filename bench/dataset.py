"""The benchmark's data set: courses and lessons (Wagtail pages), employees, enrolments, progress.

Built in bulk. Creating pages one by one with ``add_child`` costs about 65 ms and 30-37 queries per
page here (page log entry, search index, reference index, treebeard locking), and a revision plus
publish another ~180 ms: 13,000 pages would take 15-50 minutes. So the page rows are written with
``bulk_create`` (wagtailcore_page) plus a raw insert of the subclass rows, with treebeard's
materialised paths, depths and numchild computed here; no revisions, no log entries. The tree is
checked afterwards (``check_tree``: treebeard's ``find_problems`` and the subclass rows, which is what
Wagtail's ``fixtree`` checks; ``--fixtree`` runs the command itself too). The course pages, lesson
pages and employees are then added to the search index in bulk (the catalog search needs it).

Everything is deterministic (seeded), so the small and the full scale have the same shape, and the
benchmark user's course and lesson are in the same state at both scales: only the volume differs.
"""

import datetime
import random
import time

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from courses.models import Certificate, CourseIndexPage, CoursePage, Enrollment, LessonPage, LessonProgress, QuizAttempt
from portal.people import roles
from portal.people.models import Employee, Position, Unit, User

from .content import (
    BENCH_USERNAME,
    COURSE_BODY,
    LEVELS,
    MEASURED_OFFSET,
    QUIZ,
    READING,
    SEARCH_TERM,
    TOPICS,
    is_quiz,
    lesson_count,
    valid_nip,
)
from .covers import _create_cover_images, ensure_cover_files
from .learning import LearningSteps
from .pagetree import _insert_subclass_rows, _path, check_tree
from .scales import Scale

__all__ = ["BENCH_USERNAME", "SEARCH_TERM", "Generator", "counts", "ensure_cover_files", "measured_course"]


class Generator(LearningSteps):
    def __init__(self, scale: Scale, *, fixtree: bool = False, log=print):
        self.scale = scale
        self.fixtree = fixtree
        self.rng = random.Random(scale.seed)
        self.log = log
        self.now = timezone.now()
        self.timings: dict[str, float] = {}

    def step(self, name, fn, *args):
        start = time.perf_counter()
        result = fn(*args)
        self.timings[name] = round(time.perf_counter() - start, 2)
        self.log(f"  {name}: {self.timings[name]:.1f} s")
        return result

    def run(self) -> dict:
        with transaction.atomic():
            self.step("organisation (units, positions, employees, user)", self.people)
            self.step("cover images", self.covers)
            self.step("course and lesson pages (bulk)", self.pages)
            self.step("enrollments, progress, attempts, certificates", self.learning)
        self.step("search index (courses, lessons, employees)", self.search_index)
        self.step("tree check" + (" (with fixtree)" if self.fixtree else ""), self.check_tree)
        self.step("VACUUM ANALYZE, CHECKPOINT", self.analyze)
        return self.timings

    # --- people --------------------------------------------------------------------------------
    def people(self):
        units = Unit.objects.bulk_create(
            [Unit(code=f"bench-unit-{i:02d}", name=f"Unit Kerja Bench {i:02d}") for i in range(20)]
        )
        positions = Position.objects.bulk_create(
            [
                Position(code=f"bench-jabatan-{i:02d}", name=f"Jabatan Bench {i:02d}", kind=kind)
                for i, kind in enumerate(["struktural", "fungsional", "pelaksana"] * 4)
            ]
        )
        user = User.objects.create(
            username=BENCH_USERNAME,
            email="bench.pegawai@pangkalpinangkota.go.id",
            first_name="Pegawai",
            last_name="Bench",
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=roles.PEGAWAI))
        employees = [
            Employee(
                nip=valid_nip(i),
                name=f"Pegawai Bench {i:05d}" if i else "Pegawai Bench",
                unit=units[i % len(units)],
                position=positions[i % len(positions)],
                grade=["II/c", "III/a", "III/b", "III/c", "IV/a"][i % 5],
                user=user if i == 0 else None,
            )
            for i in range(self.scale.employees)
        ]
        self.employees = Employee.objects.bulk_create(employees, batch_size=2000)
        # A supervisor for everyone (the dashboard shows it): the first employee of each unit.
        heads = {}
        for employee in self.employees[1:]:
            heads.setdefault(employee.unit_id, employee)
        updates = []
        for employee in self.employees:
            head = heads.get(employee.unit_id)
            if head is not None and head.pk != employee.pk:
                employee.supervisor_id = head.pk
                updates.append(employee)
        Employee.objects.bulk_update(updates, ["supervisor"], batch_size=2000)
        self.user = user

    def covers(self):
        self.images = _create_cover_images(self.scale)

    # --- pages ---------------------------------------------------------------------------------
    def pages(self):
        scale = self.scale
        catalog = CourseIndexPage.objects.get()
        course_type = ContentType.objects.get_for_model(CoursePage)
        lesson_type = ContentType.objects.get_for_model(LessonPage)
        first = catalog.numchild + 1
        course_rows, course_specs = [], []
        for i in range(scale.courses):
            topic, category, summary = TOPICS[i % len(TOPICS)]
            level = LEVELS[(i // len(TOPICS)) % len(LEVELS)]
            title = f"{topic} ({level.capitalize()}) {i + 1:04d}"
            slug = f"{slugify(title)}"
            published = self.now - datetime.timedelta(days=400 - i % 400)
            course_rows.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=course_type,
                    path=_path(catalog.path, first + i),
                    depth=catalog.depth + 1,
                    numchild=lesson_count(scale, i),
                    url_path=f"{catalog.url_path}{slug}/",
                    locale_id=catalog.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            course_specs.append((category, level, summary))
        course_rows = Page.objects.bulk_create(course_rows, batch_size=1000)
        courses = []
        for i, (row, (category, level, summary)) in enumerate(zip(course_rows, course_specs, strict=True)):
            courses.append(
                CoursePage(
                    page_ptr_id=row.pk,
                    summary=f"{summary} Kursus {row.title} untuk ASN Pemerintah Kota Pangkalpinang.",
                    cover_image=self.images[i % len(self.images)] if self.images else None,
                    category=category,
                    level=level,
                    jp=2 + (i * 5) % 19,
                    enrolment="penugasan" if i % 10 == 9 else "terbuka",
                    pass_mark=70,
                    max_quiz_attempts=3 if i % 3 == 0 else None,
                    deadline_days=30 if i % 4 == 0 else None,
                    body=COURSE_BODY,
                )
            )
        _insert_subclass_rows(CoursePage, courses)
        catalog.numchild += scale.courses
        Page.objects.filter(pk=catalog.pk).update(numchild=catalog.numchild)

        lesson_rows, lesson_specs = [], []
        for i, row in enumerate(course_rows):
            for j in range(lesson_count(scale, i)):
                quiz = is_quiz(j)
                title = f"Kuis {j + 1}" if quiz else f"Pelajaran {j + 1}"
                slug = f"pelajaran-{j + 1}"
                lesson_rows.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=lesson_type,
                        path=_path(row.path, j + 1),
                        depth=row.depth + 1,
                        numchild=0,
                        url_path=f"{row.url_path}{slug}/",
                        locale_id=catalog.locale_id,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=row.first_published_at,
                        last_published_at=row.last_published_at,
                    )
                )
                lesson_specs.append(quiz)
        lesson_rows = Page.objects.bulk_create(lesson_rows, batch_size=2000)
        lessons = [
            LessonPage(
                page_ptr_id=row.pk,
                intro="Pengantar singkat pelajaran.",
                minutes=10 + (k % 4) * 5,
                body=QUIZ if quiz else READING,
            )
            for k, (row, quiz) in enumerate(zip(lesson_rows, lesson_specs, strict=True))
        ]
        _insert_subclass_rows(LessonPage, lessons)

        # Lessons of each course, in tree order: (id, is_quiz).
        self.course_ids = [row.pk for row in course_rows]
        self.course_jp = {course.page_ptr_id: course.jp for course in courses}
        self.course_titles = {row.pk: row.title for row in course_rows}
        self.lessons_of: dict[int, list[tuple[int, bool]]] = {pk: [] for pk in self.course_ids}
        by_path = {row.path: row.pk for row in course_rows}
        for row, quiz in zip(lesson_rows, lesson_specs, strict=True):
            self.lessons_of[by_path[row.path[: -Page.steplen]]].append((row.pk, quiz))

        # Prerequisites: every tenth course requires the one before it.
        through = CoursePage.prerequisites.through
        through.objects.bulk_create(
            [
                through(from_coursepage_id=self.course_ids[i], to_coursepage_id=self.course_ids[i - 1])
                for i in range(1, scale.courses)
                if i % 10 == 5
            ]
        )

    # --- enrolments ----------------------------------------------------------------------------
    def search_index(self):
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend()
        for model in (CoursePage, LessonPage, Employee):
            batch = []
            for obj in model.objects.all().order_by("pk").iterator(chunk_size=1000):
                batch.append(obj)
                if len(batch) == 1000:
                    backend.add_bulk(model, batch)
                    batch = []
            if batch:
                backend.add_bulk(model, batch)

    def check_tree(self):
        self.tree_report = check_tree(fixtree=self.fixtree)
        self.log(f"    {self.tree_report}")

    def analyze(self):
        # Statistics for the planner, as autovacuum would have them; and the bulk load's dirty pages
        # written out now rather than by a checkpoint in the middle of the measurements.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            cursor.execute("CHECKPOINT")


def measured_course(scale: Scale) -> CoursePage:
    return CoursePage.objects.order_by("path")[MEASURED_OFFSET % scale.courses]


def counts() -> dict:
    return {
        "course_pages": CoursePage.objects.count(),
        "lesson_pages": LessonPage.objects.count(),
        "pages_total": Page.objects.count(),
        "employees": Employee.objects.count(),
        "enrollments": Enrollment.objects.count(),
        "enrollments_completed": Enrollment.objects.filter(completed_at__isnull=False).count(),
        "lesson_progress": LessonProgress.objects.count(),
        "quiz_attempts": QuizAttempt.objects.count(),
        "certificates": Certificate.objects.count(),
    }
