"""Fixtures for the courses tests: a course with a reading lesson and a quiz lesson."""

import pytest

from courses.models import CoursePage, LessonPage

from ..page_factories import CoursePageFactory, LessonPageFactory

READING = [{"type": "paragraph", "value": "<p>Gunakan kata sandi yang kuat.</p>"}]
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
        "type": "true_false",
        "value": {
            "question": "Kata sandi boleh dibagikan ke rekan satu bidang.",
            "answer": "salah",
            "feedback_correct": "Benar, jangan dibagikan.",
            "feedback_incorrect": "Kata sandi bersifat pribadi.",
        },
    },
]


def make_course(title="Keamanan Digital", *, lessons=(("Kata sandi", READING), ("Kuis", QUIZ)), **fields):
    """A live course in the catalog with its lessons (a reading and a quiz unless told otherwise)."""
    course = CoursePageFactory(title=title, **fields)
    for lesson_title, body in lessons:
        LessonPageFactory(parent=course, title=lesson_title, body=body)
    return CoursePage.objects.get(pk=course.pk)


def correct_answers(lesson):
    """The right answers of a lesson's quiz, as the form would post them."""
    answers = {}
    for child in lesson.questions:
        answers[child.id] = [str(i) for i in sorted(child.block.correct(child.value))]
    return answers


def wrong_answers(lesson):
    answers = {}
    for child in lesson.questions:
        wrong = set(range(len(child.block.options(child.value)))) - child.block.correct(child.value)
        answers[child.id] = [str(min(wrong))]
    return answers


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture
def lessons(course):
    return list(LessonPage.objects.child_of(course).order_by("path"))
