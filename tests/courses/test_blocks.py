"""Quiz block validation, without a database."""

import pytest
from django.core.exceptions import ValidationError

from courses.blocks import MultipleChoiceQuestionBlock, SingleChoiceQuestionBlock, TrueFalseQuestionBlock


def question(*marks):
    return {
        "question": "Pilih yang benar",
        "choices": [{"text": f"Pilihan {i}", "is_correct": mark} for i, mark in enumerate(marks)],
        "feedback_correct": "",
        "feedback_incorrect": "",
    }


def clean(block, value):
    return block.clean(block.to_python(value))


def test_single_choice_needs_exactly_one_right_answer():
    clean(SingleChoiceQuestionBlock(), question(False, True))
    for marks in ((False, False), (True, True)):
        with pytest.raises(ValidationError):
            clean(SingleChoiceQuestionBlock(), question(*marks))


def test_multiple_choice_needs_at_least_one_right_answer():
    clean(MultipleChoiceQuestionBlock(), question(True, True, False))
    with pytest.raises(ValidationError):
        clean(MultipleChoiceQuestionBlock(), question(False, False))


def test_true_false_grades_by_its_answer():
    block = TrueFalseQuestionBlock()
    value = clean(
        block, {"question": "Kata sandi rahasia", "answer": "benar", "feedback_correct": "", "feedback_incorrect": ""}
    )
    assert block.grade(value, {0}) and not block.grade(value, {1})
