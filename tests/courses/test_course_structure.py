"""A course's structure kept in the cache (courses.structure): the course and lesson pages read no
lesson, prerequisite, competency or cover query once kept, and every published change, and every
step of the learner's own, shows at the next request."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from competency.models import Competency
from courses import services
from courses.models import CourseCompetency, LessonPage

from .conftest import READING, correct_answers, make_course

pytestmark = pytest.mark.django_db

STRUCTURE_TABLES = (
    'FROM "courses_lessonpage"',
    '"courses_coursepage_prerequisites"',
    'FROM "courses_coursecompetency"',
    'FROM "wagtailimages_image"',
)


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_kept_course_reads_only_the_learners_own_rows(client, pegawai, django_assert_max_num_queries):
    course = make_course()
    services.enrollment_create(employee=pegawai.employee, course=course)
    client.force_login(pegawai)
    page(client, course.url)
    with django_assert_max_num_queries(5) as queries:
        page(client, course.url)
    assert not [q for q in queries.captured_queries if any(table in q["sql"] for table in STRUCTURE_TABLES)]


def test_a_lesson_published_or_unpublished_shows_at_once_on_the_course_and_its_lessons(client, pegawai):
    course = make_course()
    first = LessonPage.objects.child_of(course).order_by("path").first()
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    client.force_login(pegawai)
    assert "Pelajaran baru" not in page(client, course.url)
    page(client, first.url)

    new = course.add_child(instance=LessonPage(title="Pelajaran baru", body=READING, live=False))
    new.save_revision().publish()
    assert "Pelajaran baru" in page(client, course.url)
    assert "Pelajaran baru" in page(client, first.url)  # the lesson list beside a lesson

    LessonPage.objects.get(pk=new.pk).unpublish()
    assert "Pelajaran baru" not in page(client, course.url)
    services.lesson_mark_done(enrollment=enrollment, lesson=first)
    assert 'data-testid="progress"' in page(client, course.url)


def test_prerequisites_competencies_and_cover_show_at_once(client, pegawai):
    basics = make_course("Dasar TIK")
    course = make_course("Keamanan Digital")
    client.force_login(pegawai)
    assert "Prasyarat" not in page(client, course.url)

    competency = Competency.objects.create(code="k-siber", name="Keamanan siber", kind=Competency.Kind.TEKNIS)
    image = get_image_model().objects.create(title="Sampul", file=get_test_image_file("sampul.png"))
    course.prerequisites.add(basics)
    course.competencies.add(CourseCompetency(competency=competency, target_level=3))
    course.cover_image = image
    course.save_revision().publish()
    html = page(client, course.url)
    assert "Prasyarat" in html and "Dasar TIK" in html
    assert "Keamanan siber" in html and 'class="cover"' in html
    assert "Selesaikan dulu kursus prasyarat" in html

    competency.name = "Keamanan informasi"
    competency.save()
    assert "Keamanan informasi" in page(client, course.url)

    basics.unpublish()  # no longer listed among the course's facts, still required
    html = page(client, course.url)
    assert "Prasyarat:" not in html and "Selesaikan dulu kursus prasyarat" in html


def test_completing_a_prerequisite_opens_the_course_at_once(client, pegawai):
    basics = make_course("Dasar TIK")
    course = make_course("Keamanan Digital")
    course.prerequisites.add(basics)
    course.save_revision().publish()
    client.force_login(pegawai)
    assert "Selesaikan dulu kursus prasyarat" in page(client, course.url)

    enrollment = services.enrollment_create(employee=pegawai.employee, course=basics)
    reading, quiz = [lesson.specific for lesson in LessonPage.objects.child_of(basics).order_by("path")]
    services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    assert "Selesaikan dulu kursus prasyarat" not in page(client, course.url)
    assert "Sertifikat" in page(client, basics.url) or "sertifikat" in page(client, basics.url)


def test_the_kept_catalog_follows_every_publish_at_once(client, pegawai, django_assert_max_num_queries):
    make_course("Keamanan Digital")
    client.force_login(pegawai)
    page(client, "/kursus/?q=keamanan")
    with django_assert_max_num_queries(2):  # the user (and the session, when not kept)
        assert "Keamanan Digital" in page(client, "/kursus/?q=keamanan")

    added = make_course("Keamanan Jaringan")
    assert "Keamanan Jaringan" in page(client, "/kursus/?q=keamanan")
    assert "Keamanan Jaringan" in page(client, "/kursus/")
    added.unpublish()
    assert "Keamanan Jaringan" not in page(client, "/kursus/?q=keamanan")
    assert "Keamanan Jaringan" not in page(client, "/kursus/")
    assert "Keamanan Digital" in page(client, "/kursus/?halaman=99")  # the last page, as before


def test_the_rendered_results_are_kept_per_language(client, pegawai):
    make_course("Keamanan Digital")
    client.force_login(pegawai)
    assert "1 kursus" in page(client, "/kursus/")
    client.post("/i18n/setlang/", {"language": "en", "next": "/kursus/"})
    html = page(client, "/kursus/")
    assert "1 course" in html and "1 kursus" not in html
    assert "No matching courses" in page(client, "/kursus/?q=tidak-ada-yang-cocok")


def test_a_published_body_shows_at_once_on_the_course_and_the_lesson(client, pegawai):
    course = make_course()
    reading = LessonPage.objects.child_of(course).order_by("path").first().specific
    services.enrollment_create(employee=pegawai.employee, course=course)
    client.force_login(pegawai)
    assert "kata sandi yang kuat" in page(client, reading.url)
    page(client, course.url)

    reading.body = [{"type": "paragraph", "value": "<p>Pakai pengelola kata sandi.</p>"}]
    reading.save_revision().publish()
    html = page(client, reading.url)
    assert "Pakai pengelola kata sandi." in html and "kata sandi yang kuat" not in html

    course.body = [{"type": "paragraph", "value": "<p>Tentang kursus ini.</p>"}]
    course.save_revision().publish()
    assert "Tentang kursus ini." in page(client, course.url)


def test_the_dashboard_counts_a_published_lesson_and_a_new_certificate_at_once(client, pegawai):
    course = make_course()
    reading, quiz = [lesson.specific for lesson in LessonPage.objects.child_of(course).order_by("path")]
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    client.force_login(pegawai)
    assert "50%" in page(client, "/dasbor/")

    extra = course.add_child(instance=LessonPage(title="Tambahan", body=READING, live=False))
    extra.save_revision().publish()
    assert "33%" in page(client, "/dasbor/")

    LessonPage.objects.get(pk=extra.pk).unpublish()
    services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    html = page(client, "/dasbor/")
    assert "Belum ada sertifikat" not in html and "selesai" in html


def test_the_cover_is_rendered_from_the_kept_structure_without_another_read(client, pegawai, django_assert_num_queries):
    """Its rendition is read with the structure (made then if the image has none yet): a course page
    built from the kept structure neither reads nor writes the renditions' cache, nor asks the
    database, and shows the cover as Wagtail's tag would."""
    from wagtail.images.models import Filter

    from courses.structure import COVER, course_structure, cover_rendition

    from ..conftest import cache_empty

    image = get_image_model().objects.create(title="Sampul", file=get_test_image_file("sampul.png"))
    course = make_course("Keamanan Digital")
    course.cover_image = image
    course.save_revision().publish()
    assert not image.renditions.exists()

    course_structure(course)
    assert image.renditions.filter(filter_spec=COVER).count() == 1
    kept = course_structure(course)["cover"]  # from the cache, as a later request reads it
    cache_empty()
    with django_assert_num_queries(0):
        rendition = cover_rendition(kept)
    rendition_model = image.get_rendition_model()
    key = rendition_model.construct_cache_key(image, Filter(COVER).get_cache_key(image), COVER)
    assert rendition_model.cache_backend.get(key) is None, "nothing written to the renditions' cache"
    wagtails = get_image_model().objects.get(pk=image.pk).get_rendition(COVER)
    assert rendition.url == wagtails.url
    client.force_login(pegawai)
    assert wagtails.img_tag({"alt": "", "class": "cover"}) in page(client, course.url)
    assert cover_rendition(course_structure(make_course("Tanpa sampul"))["cover"]) is None
