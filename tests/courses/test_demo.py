"""`seed_demo` seeds six published courses and learners at every stage, idempotently."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from courses.models import (
    Certificate,
    CoursePage,
    CourseTrainer,
    Enrollment,
    LessonPage,
    LessonProgress,
    QuizAttempt,
)
from portal.people.models import Employee


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (CoursePage, LessonPage, Enrollment, LessonProgress, QuizAttempt, Certificate, Revision)
    }


def seed(django_capture_on_commit_callbacks):
    # The test runs in one transaction: run the after-commit certificate tasks explicitly.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())


@pytest.mark.django_db
def test_seed_demo_courses_are_idempotent(settings, tmp_path, client, django_capture_on_commit_callbacks):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    seed(django_capture_on_commit_callbacks)
    first = counts()
    seed(django_capture_on_commit_callbacks)
    assert counts() == first

    courses = list(CoursePage.objects.live())
    assert len(courses) >= 6
    # `pelatih` trains every demo course: it sees their learners in the course reports.
    trained = set(CourseTrainer.objects.filter(user__username="pelatih").values_list("course_id", flat=True))
    assert trained == {course.pk for course in courses}
    for course in courses:
        assert course.live_revision is not None
        lessons = list(LessonPage.objects.child_of(course).live())
        assert 2 <= len(lessons) <= 4
        assert any(3 <= len(lesson.questions) <= 5 for lesson in lessons), course.title
        assert any(not lesson.has_quiz for lesson in lessons), course.title
        for lesson in lessons:
            lesson.body.stream_block.clean(lesson.body)  # e.g. exactly one right answer per single choice
            assert not {child.block_type for child in lesson.body} & {"image", "video", "document"}

    security = CoursePage.objects.get(slug="keamanan-email-dan-digital")
    assert list(security.prerequisites.values_list("slug", flat=True)) == ["produktivitas-perkantoran-digital"]
    assert security.max_quiz_attempts == 3
    assert CoursePage.objects.filter(deadline_days=30).exists()

    pegawai = Employee.objects.get(nip="199204202019032011")
    done = Enrollment.objects.get(employee=pegawai, course__slug="produktivitas-perkantoran-digital")
    assert done.completed_at is not None and done.jp_awarded == 4
    assert Certificate.objects.filter(enrollment=done).exists()
    started = Enrollment.objects.get(employee=pegawai, course=security)
    assert started.completed_at is None and started.progress.count() == 1
    assert QuizAttempt.objects.filter(passed=False).exists()
    assert Enrollment.objects.filter(completed_at__isnull=True, progress__isnull=True).exists()

    response = client.get("/kursus/")
    assert response.status_code == 200
    for course in courses:
        assert course.title in response.content.decode()
        assert client.get(course.url).status_code == 200
