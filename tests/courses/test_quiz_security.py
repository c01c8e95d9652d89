"""Quizzes: answers never reach the page; forged, repeated or late posts are refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from courses import services
from courses.models import LessonProgress, QuizAttempt

from .conftest import correct_answers, make_course, wrong_answers


@pytest.fixture
def ready(pegawai, course, lessons):
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    return enrollment, lessons[1]


@pytest.mark.django_db
def test_the_lesson_page_does_not_contain_the_answers(client, pegawai, ready):
    _enrollment, quiz = ready
    client.force_login(pegawai)
    html = client.get(quiz.url).content.decode()
    assert "Melaporkannya ke tim TIK" in html  # the option is shown...
    assert "is_correct" not in html and "Jangan klik tautan" not in html  # ...but not which is right
    assert "Tepat." not in html


@pytest.mark.django_db
def test_the_same_attempt_posted_twice_counts_once(ready):
    enrollment, quiz = ready
    services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=wrong_answers(quiz), number=1)
    with pytest.raises(ValidationError) as refused:
        services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    assert refused.value.code == "duplicate"
    assert QuizAttempt.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "forge",
    [
        lambda a: {k: ["7"] for k in a},  # index out of range
        lambda a: {k: ["x"] for k in a},  # not a number
        lambda a: {k: ["0", "1"] for k in a},  # two answers to a single-choice question
        lambda a: {**a, "bukan-soal": ["0"]},  # a question that is not in the lesson
        lambda a: {k: [] for k in a},  # unanswered
    ],
)
def test_forged_answers_are_refused_and_nothing_is_recorded(ready, forge):
    enrollment, quiz = ready
    with pytest.raises(ValidationError):
        services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=forge(correct_answers(quiz)), number=1)
    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_attempt_limit_is_honoured(pegawai):
    course = make_course(max_quiz_attempts=2)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    reading, quiz = list(course.get_children().specific())
    services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    for number in (1, 2):
        services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=wrong_answers(quiz), number=number)
    with pytest.raises(ValidationError) as refused:
        services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=3)
    assert refused.value.code == "limit"
    assert QuizAttempt.objects.count() == 2


@pytest.mark.django_db
def test_quiz_after_the_deadline_is_refused(ready):
    enrollment, quiz = ready
    enrollment.due_at = timezone.now() - datetime.timedelta(days=1)
    enrollment.save()
    with pytest.raises(ValidationError) as refused:
        services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    assert refused.value.code == "late"
    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_passed_quiz_cannot_be_retaken(ready):
    enrollment, quiz = ready
    services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    with pytest.raises(ValidationError) as refused:
        services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=2)
    assert refused.value.code == "already_passed"
    assert LessonProgress.objects.filter(lesson=quiz).count() == 1
