"""A learner's own reads on the course and lesson pages and their actions run SQL compiled once per
process (portal.prepared): each must give what its queryset gives, and refuse what it refused."""

import pytest
from django.http import Http404

from courses import services
from courses.models import Enrollment, LessonPage, QuizAttempt
from courses.selectors import learning
from courses.selectors.learning import lesson_and_enrollment_or_404, lesson_context, lesson_states, own_enrollment

from ..instances import instance_state
from .conftest import make_course, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def studied(pegawai, atasan):
    """The learner enrolled in a course, its reading done and its quiz tried twice; the supervisor
    enrolled in the same course, with nothing done; a second course the learner is not in."""
    course = make_course()
    reading, quiz = course.get_children().specific()
    mine = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=mine, lesson=reading)
    for number in (1, 2):
        services.quiz_submit(enrollment=mine, lesson=quiz, answers=wrong_answers(quiz), number=number)
    theirs = services.enrollment_create(employee=atasan.employee, course=course)
    return course, reading, quiz, mine, theirs, make_course("Tata Naskah")


def test_the_lessons_done_are_the_querysets(studied):
    course, reading, quiz, mine, theirs, _other = studied
    lessons = [reading, quiz]
    assert [s["state"] for s in lesson_states(lessons=lessons, enrollment=mine)] == ["done", "open"]
    assert [s["state"] for s in lesson_states(lessons=lessons, enrollment=theirs)] == ["open", "locked"]
    assert [s["state"] for s in lesson_states(lessons=lessons, enrollment=None)] == ["locked", "locked"]


def test_the_attempts_are_the_querysets(studied):
    course, _reading, quiz, mine, theirs, _other = studied
    for enrollment in (mine, theirs):
        expected = QuizAttempt.objects.filter(enrollment=enrollment, lesson=quiz).order_by("number")
        found = lesson_context(lesson=quiz, course=course, enrollment=enrollment)["attempts"]
        assert [instance_state(attempt) for attempt in found] == [instance_state(attempt) for attempt in expected]
    assert [a.number for a in lesson_context(lesson=quiz, course=course, enrollment=mine)["attempts"]] == [1, 2]


def test_the_own_enrolment_is_the_querysets(studied, pegawai, atasan, hr):
    course, _reading, _quiz, mine, theirs, other = studied
    for user, expected in ((pegawai, mine), (atasan, theirs)):
        found, expected = own_enrollment(user, course), Enrollment.objects.get(pk=expected.pk)
        expected.course = course  # set from the page already read, as before
        assert found.course is course and instance_state(found) == instance_state(expected)
    assert own_enrollment(hr, course) is None and own_enrollment(pegawai, other) is None


def test_the_lesson_and_enrolment_of_an_action_are_the_querysets(studied, pegawai, atasan, hr):
    course, reading, quiz, mine, theirs, other = studied
    for user, expected in ((pegawai, mine), (atasan, theirs)):
        lesson, enrollment = lesson_and_enrollment_or_404(user, quiz.pk)
        assert instance_state(lesson) == instance_state(LessonPage.objects.live().get(pk=quiz.pk))
        assert instance_state(enrollment) == instance_state(
            Enrollment.objects.select_related("course").get(pk=expected.pk)
        )
    other_lesson = other.get_children().first()
    reading.unpublish()
    for user, lesson_id in (
        (hr, quiz.pk),  # not enrolled
        (pegawai, other_lesson.pk),  # another course's lesson
        (pegawai, reading.pk),  # not live any more
        (pegawai, course.pk),  # not a lesson
        (pegawai, 2**31),  # past any pk: refused before the query
        (pegawai, 10**30),
    ):
        with pytest.raises(Http404):
            lesson_and_enrollment_or_404(user, lesson_id)


def test_each_is_compiled_once(studied, pegawai, django_assert_num_queries):
    course, _reading, quiz, mine, _theirs, _other = studied
    lesson_and_enrollment_or_404(pegawai, quiz.pk)
    compiled = {name: getattr(learning, name)._compiled.copy() for name in ("_LIVE_LESSON", "_ENROLLMENT_IN")}
    with django_assert_num_queries(2):
        lesson_and_enrollment_or_404(pegawai, quiz.pk)
    assert {name: getattr(learning, name)._compiled for name in compiled} == compiled
