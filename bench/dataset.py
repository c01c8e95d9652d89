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
import io
import random
import time

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from courses.models import Certificate, CourseIndexPage, CoursePage, Enrollment, LessonPage, LessonProgress, QuizAttempt
from portal.people import roles
from portal.people.models import Employee, Position, Unit, User
from portal.people.nip import validate_nip

from .scales import Scale

BENCH_USERNAME = "bench.pegawai"
# The measured course is the user's first: the 4th course in tree order (at full scale a 14-lesson
# course rather than the shortest one).
MEASURED_OFFSET = 3
# Stemmed to "aman" by the 'indonesian' configuration: two topics match, 80 courses of 1,000 (1 of 10).
SEARCH_TERM = "keamanan"


TOPICS = [
    ("Keamanan Digital", "tik", "Melindungi akun, perangkat dan data kantor dari ancaman siber."),
    ("Pelayanan Publik Prima", "sosial_kultural", "Standar pelayanan, keluhan warga dan survei kepuasan."),
    ("Microsoft Excel untuk Perkantoran", "tik", "Rumus, tabel pivot dan grafik untuk laporan bulanan."),
    ("Kepemimpinan Pengawas", "manajerial", "Memimpin tim kecil, mendelegasikan dan memberi umpan balik."),
    ("Manajemen Arsip Dinamis", "teknis", "Klasifikasi, retensi dan alih media arsip."),
    ("Penyusunan SKP", "perubahan", "Menyusun rencana hasil kerja dan indikator kinerja yang terukur."),
    ("Pengadaan Barang dan Jasa", "teknis", "Prosedur e-katalog, swakelola dan tender sederhana."),
    ("Komunikasi Efektif", "sosial_kultural", "Menulis surat dinas, rapat yang efektif dan presentasi."),
    ("Budaya Kerja BerAKHLAK", "perubahan", "Nilai dasar ASN dalam pekerjaan sehari-hari."),
    ("Analisis Data Sederhana", "tik", "Membersihkan data, statistik deskriptif dan visualisasi."),
    ("Manajemen Risiko", "manajerial", "Mengenali, menilai dan mengendalikan risiko unit kerja."),
    ("Penulisan Naskah Dinas", "teknis", "Tata naskah dinas sesuai pedoman terbaru."),
    ("Pelayanan Inklusif", "sosial_kultural", "Melayani warga penyandang disabilitas dan kelompok rentan."),
    ("Perencanaan Anggaran", "manajerial", "Rencana kerja dan anggaran berbasis kinerja."),
    ("Tanda Tangan Elektronik", "tik", "Sertifikat elektronik dan alur persetujuan dokumen digital."),
    ("Etika dan Integritas ASN", "perubahan", "Konflik kepentingan, gratifikasi dan pelaporan pelanggaran."),
    ("Kearsipan Digital", "tik", "Sistem informasi kearsipan dinamis terintegrasi."),
    ("Manajemen Kinerja", "manajerial", "Dialog kinerja, coaching dan evaluasi berkala."),
    ("Kesehatan dan Keselamatan Kerja", "teknis", "Lingkungan kerja aman dan tanggap darurat."),
    ("Inovasi Pelayanan", "perubahan", "Merancang dan menguji inovasi layanan publik."),
    ("Penanganan Pengaduan", "sosial_kultural", "Alur pengaduan, tindak lanjut dan pelaporan."),
    ("Statistik Sektoral", "tik", "Satu data Indonesia di tingkat kota."),
    ("Pengelolaan Barang Milik Daerah", "teknis", "Inventarisasi, pemeliharaan dan penghapusan aset."),
    ("Coaching dan Mentoring", "manajerial", "Mengembangkan kompetensi rekan kerja."),
    ("Literasi Regulasi", "teknis", "Membaca dan menerapkan peraturan perundang-undangan."),
]
LEVELS = ["dasar", "menengah", "lanjut"]

READING = [
    {"type": "heading", "value": {"text": "Tujuan pembelajaran", "size": "h2"}},
    {"type": "paragraph", "value": "<p>Setelah pelajaran ini Anda mampu menerapkan prosedur yang dibahas.</p>"},
    {
        "type": "paragraph",
        "value": "<p>Bacalah contoh kasus berikut dengan saksama, lalu catat langkah yang perlu diambil "
        "di unit kerja Anda. <b>Perhatikan</b> tenggat dan pihak yang terlibat.</p><ul><li>Langkah satu</li>"
        "<li>Langkah dua</li><li>Langkah tiga</li></ul>",
    },
    {
        "type": "callout",
        "value": {"kind": "tip", "title": "Tips", "text": "<p>Simpan catatan Anda untuk kuis berikutnya.</p>"},
    },
]
QUIZ = [
    {"type": "paragraph", "value": "<p>Jawab pertanyaan berikut.</p>"},
    {
        "type": "single_choice",
        "value": {
            "question": "Apa yang dilakukan saat menerima tautan mencurigakan?",
            "choices": [
                {"text": "Mengekliknya", "is_correct": False},
                {"text": "Melaporkannya ke tim TIK", "is_correct": True},
                {"text": "Meneruskannya ke rekan", "is_correct": False},
            ],
            "feedback_correct": "Tepat.",
            "feedback_incorrect": "Jangan klik tautan mencurigakan.",
        },
    },
    {
        "type": "multiple_choice",
        "value": {
            "question": "Mana saja ciri kata sandi yang kuat?",
            "choices": [
                {"text": "Minimal 12 karakter", "is_correct": True},
                {"text": "Tanggal lahir sendiri", "is_correct": False},
                {"text": "Berbeda untuk setiap aplikasi", "is_correct": True},
            ],
            "feedback_correct": "Benar.",
            "feedback_incorrect": "Kata sandi yang kuat panjang dan unik.",
        },
    },
    {
        "type": "true_false",
        "value": {
            "question": "Kata sandi boleh dibagikan ke rekan satu bidang.",
            "answer": "salah",
            "feedback_correct": "Benar, jangan dibagikan.",
            "feedback_incorrect": "Kata sandi bersifat pribadi.",
        },
    },
]
COURSE_BODY = [
    {"type": "heading", "value": {"text": "Tentang kursus ini", "size": "h2"}},
    {"type": "paragraph", "value": "<p>Kursus daring mandiri; setiap pelajaran diakhiri latihan singkat.</p>"},
]


def lesson_count(scale: Scale, course_index: int) -> int:
    spread = scale.lessons_max - scale.lessons_min + 1
    return scale.lessons_min + (course_index * 7) % spread


def is_quiz(lesson_index: int) -> bool:
    """The second lesson of every course is a quiz (the measured lesson), then every fourth."""
    return lesson_index == 1 or lesson_index % 4 == 3


def valid_nip(i: int) -> str:
    birth = datetime.date(1968, 1, 1) + datetime.timedelta(days=i * 3)  # unique per i
    start_year = min(birth.year + 22 + i % 9, 2024)
    nip = f"{birth:%Y%m%d}{start_year}{1 + i % 12:02d}{1 + i % 2}{i % 1000:03d}"
    validate_nip(nip)
    return nip


def _path(parent_path: str, position: int) -> str:
    """The treebeard path of the `position`-th child (1-based) of a node."""
    key = Page._int2str(position)
    return parent_path + key.rjust(Page.steplen, "0")


def _insert_subclass_rows(model, objs, batch=2000):
    """bulk_create refuses multi-table models; insert the subclass table's own columns directly."""
    fields = model._meta.local_concrete_fields
    for start in range(0, len(objs), batch):
        model._base_manager._insert(objs[start : start + batch], fields=fields)


def _cover_png(index: int) -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageDraw

    colours = ["#0a4a7a", "#f2b705", "#2e7d32", "#8e24aa", "#c62828", "#00838f"]
    image = PILImage.new("RGB", (960, 540), colours[index % len(colours)])
    draw = ImageDraw.Draw(image)
    draw.rectangle([60, 60, 900, 480], outline="white", width=12)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_cover_files():
    """The images' original files live outside the database: put them back when a reused database
    outlives its media directory (renditions already in the database are used as they are)."""
    from wagtail.images import get_image_model

    restored = 0
    for index, image in enumerate(get_image_model().objects.filter(title__startswith="Sampul bench").order_by("pk")):
        storage = image.file.storage
        if not storage.exists(image.file.name):
            storage.save(image.file.name, io.BytesIO(_cover_png(index)))
            restored += 1
    return restored


def _create_cover_images(scale: Scale) -> list:
    from wagtail.images import get_image_model

    image_model = get_image_model()
    images = []
    for index in range(scale.cover_images):
        image = image_model(title=f"Sampul bench {index + 1}")
        image.file = ImageFile(io.BytesIO(_cover_png(index)), name=f"sampul-bench-{index + 1}.png")
        image.save()
        images.append(image)
    return images


class Generator:
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
    def learning(self):
        scale, rng, now = self.scale, self.rng, self.now
        year = timezone.localdate(now).year
        # The benchmark user: courses spread over the catalog, in fixed states (see user_plan).
        user_courses = [
            self.course_ids[((k * scale.courses) // scale.user_enrollments + MEASURED_OFFSET) % scale.courses]
            for k in range(scale.user_enrollments)
        ]
        self.measured_course_id = user_courses[0]
        plan = []  # (employee, course, state, done, due_at, completed_at)
        for k, course_id in enumerate(user_courses):
            n = len(self.lessons_of[course_id])
            if k == 0:  # measured: first lesson done, the quiz (2nd) failed once, open
                plan.append((0, course_id, "measured", 1, now + datetime.timedelta(days=7), None))
            elif k % 4 == 1:
                plan.append((0, course_id, "done", n, None, now - datetime.timedelta(days=20 + k)))
            elif k % 4 == 2:
                plan.append((0, course_id, "open", n // 2, now + datetime.timedelta(days=10 + k), None))
            elif k % 4 == 3:
                plan.append((0, course_id, "open", 0, now + datetime.timedelta(days=40 + k), None))
            else:
                plan.append((0, course_id, "done", n, None, now - datetime.timedelta(days=380 + k)))
        # The measured course requires another course the user has completed.
        self.prerequisite_course_id = plan[1][1] if scale.user_enrollments > 1 else None

        # Everyone else: about the same number of courses each, none twice.
        others = scale.enrollments - scale.user_enrollments
        people = max(scale.employees - 1, 1)
        pairs = []
        for e in range(1, scale.employees):
            share = others // people + (1 if e - 1 < others % people else 0)
            for course_index in rng.sample(range(scale.courses), min(share, scale.courses)):
                pairs.append((e, self.course_ids[course_index]))
        rng.shuffle(pairs)

        # Progress: completed enrolments have every lesson; the others the first k lessons.
        remaining = scale.progress - sum(step[3] for step in plan)
        sizes = [len(self.lessons_of[c]) for _e, c in pairs]
        mean_n = sum(sizes) / len(sizes) if sizes else 0
        mean_partial = sum((n - 1) / 2 for n in sizes) / len(sizes) if sizes else 0
        wanted = remaining / len(pairs) if pairs else 0
        share_done = (
            0.0 if mean_n == mean_partial else min(max((wanted - mean_partial) / (mean_n - mean_partial), 0), 1)
        )
        done = []
        for n in sizes:
            done.append(n if rng.random() < share_done else rng.randint(0, n - 1))
        # Nudge partial enrolments one lesson at a time until the total is exact.
        gap = remaining - sum(done)
        order = list(range(len(pairs)))
        rng.shuffle(order)
        while gap:
            moved = False
            for idx in order:
                if gap == 0:
                    break
                n = sizes[idx]
                if gap > 0 and done[idx] < n - 1:
                    done[idx] += 1
                    gap -= 1
                    moved = True
                elif gap < 0 and 0 < done[idx] < n:
                    done[idx] -= 1
                    gap += 1
                    moved = True
            if not moved:
                self.log(f"  warning: {gap} progress rows could not be placed")
                break
        for (e, course_id), k, n in zip(pairs, done, sizes, strict=True):
            if k == n:
                completed = now - datetime.timedelta(days=rng.randint(1, 700))
                plan.append((e, course_id, "done", k, None, completed))
            else:
                due = now + datetime.timedelta(days=rng.randint(-30, 90)) if rng.random() < 0.3 else None
                plan.append((e, course_id, "open", k, due, None))

        enrollments = []
        for e, course_id, _state, _k, due, completed in plan:
            jp = self.course_jp[course_id]
            enrollments.append(
                Enrollment(
                    employee=self.employees[e],
                    course_id=course_id,
                    source="penugasan" if due is not None else "mandiri",
                    due_at=due,
                    completed_at=completed,
                    final_score=rng.randint(70, 100) if completed else None,
                    jp_awarded=jp if completed else 0,
                    jp_year=timezone.localdate(completed).year if completed else None,
                )
            )
        enrollments = Enrollment.objects.bulk_create(enrollments, batch_size=5000)
        self.log(f"    {len(enrollments)} enrollments, {sum(1 for p in plan if p[5])} completed ({year} and earlier)")

        progress_rows, attempts = [], []
        attempt_budget = scale.attempt_enrollments
        for enrollment, (e, course_id, state, k, _due, _completed) in zip(enrollments, plan, strict=True):
            lessons = self.lessons_of[course_id]
            with_attempts = e == 0 or (attempt_budget > 0 and k > 1)
            if e != 0 and with_attempts:
                attempt_budget -= 1
            for lesson_id, quiz in lessons[:k]:
                progress_rows.append(LessonProgress(enrollment=enrollment, lesson_id=lesson_id))
                if quiz and with_attempts:
                    number = 1
                    if (lesson_id + e) % 3 == 0:  # failed once first
                        attempts.append(self._attempt(enrollment, lesson_id, number, 33, False))
                        number += 1
                    attempts.append(self._attempt(enrollment, lesson_id, number, 100, True))
            if state == "measured":
                attempts.append(self._attempt(enrollment, lessons[1][0], 1, 33, False))
        for start in range(0, len(progress_rows), 20000):
            LessonProgress.objects.bulk_create(progress_rows[start : start + 20000], batch_size=5000)
        QuizAttempt.objects.bulk_create(attempts, batch_size=5000)
        self.log(f"    {len(progress_rows)} lesson progress rows, {len(attempts)} quiz attempts")

        # A certificate for every completed enrolment (the PDF files themselves are not written).
        completed = [(en, plan_row) for en, plan_row in zip(enrollments, plan, strict=True) if plan_row[5]]
        certificates = []
        for number, (enrollment, (e, course_id, _s, _k, _d, completed_at)) in enumerate(completed):
            employee = self.employees[e]
            certificates.append(
                Certificate(
                    enrollment=enrollment,
                    code=f"BENCH{number:07d}",
                    holder_name=employee.name,
                    holder_nip=employee.nip,
                    course_title=self.course_titles[course_id],
                    jp=enrollment.jp_awarded,
                    score=enrollment.final_score,
                    completed_on=timezone.localdate(completed_at),
                    pdf=f"sertifikat/BENCH{number:07d}.pdf",
                    sha256="0" * 64,
                )
            )
        Certificate.objects.bulk_create(certificates, batch_size=5000)
        self.log(f"    {len(certificates)} certificates")

        # auto_now_add stamped everything "now": spread the dates as a real history would be.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE courses_enrollment SET enrolled_at = coalesce(completed_at, now()) "
                "- ((id % 60) + 1) * interval '1 day'"
            )
            cursor.execute(
                "UPDATE courses_certificate c SET issued_at = e.completed_at FROM courses_enrollment e "
                "WHERE e.id = c.enrollment_id"
            )
        if self.prerequisite_course_id:
            CoursePage.prerequisites.through.objects.get_or_create(
                from_coursepage_id=self.measured_course_id, to_coursepage_id=self.prerequisite_course_id
            )

    def _attempt(self, enrollment, lesson_id, number, score, passed):
        results = [{"id": f"q{i}", "correct": passed or i == 0} for i in range(3)]
        return QuizAttempt(
            enrollment=enrollment,
            lesson_id=lesson_id,
            number=number,
            answers={},
            results=results,
            score=score,
            passed=passed,
        )

    # --- after the data ------------------------------------------------------------------------
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


def check_tree(*, fixtree: bool = False) -> str:
    """The page tree must be valid: treebeard's find_problems (paths, depths, numchild, orphans) finds
    nothing and every page has its subclass row. These are exactly the checks of Wagtail's
    `fixtree`; with fixtree=True the command itself runs too (slower: it loads every page's
    specific object, ~13,000 queries at full scale) and must report "No problems found"."""
    from django.core.management import call_command
    from wagtail.models import Collection

    names = ("bad characters", "bad path length", "orphans", "wrong depth", "wrong numchild")
    for model in (Page, Collection):
        problems = model.find_problems()
        if any(problems):
            found = ", ".join(f"{n}: {p[:10]}" for n, p in zip(names, problems, strict=True) if p)
            raise SystemExit(f"{model.__name__} tree problems: {found}")
    for content_type_id in Page.objects.order_by().values_list("content_type", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model is Page:
            continue
        missing = (
            Page.objects.filter(content_type_id=content_type_id)
            .exclude(pk__in=model._base_manager.values("pk"))
            .count()
        )
        if missing:
            raise SystemExit(f"{missing} {model.__name__} pages have no subclass row")
    if not fixtree:
        return "find_problems: none; subclass rows: complete"
    out = io.StringIO()
    call_command("fixtree", "--noinput", stdout=out)
    report = out.getvalue()
    bad = [
        line for line in report.splitlines() if line and not line.startswith("Checking ") and "No problems" not in line
    ]
    if bad:
        raise SystemExit("fixtree reported:\n" + report)
    return report.strip().replace("\n\n", "; ").replace("\n", " ")


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
