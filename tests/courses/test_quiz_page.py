"""After an attempt the learner sees, once per question, their own choice, whether it was right and
its feedback, with the result at the top of the quiz; after a pass too."""

import re

import pytest
from django.urls import reverse

from courses.models import Enrollment

from .conftest import correct_answers, wrong_answers

pytestmark = pytest.mark.django_db


def submit(client, lesson, answers, number):
    data = {f"q-{key}": value for key, value in answers.items()} | {"attempt": str(number)}
    return client.post(reverse("quiz_submit", args=[lesson.pk]), data, follow=True)


@pytest.fixture
def at_the_quiz(client, pegawai, course, lessons):
    course.max_quiz_attempts = 3
    course.save_revision().publish()
    client.force_login(pegawai)
    client.post(reverse("course_enroll", args=[course.pk]))
    client.post(reverse("lesson_done", args=[lessons[0].pk]))
    return lessons[1]


def test_a_failed_attempt_shows_each_choice_with_its_verdict_once_and_the_attempts_left(client, at_the_quiz):
    response = submit(client, at_the_quiz, wrong_answers(at_the_quiz), 1)
    html = response.content.decode()

    assert response.redirect_chain[-1][0].endswith("#hasil")
    result = html.index('id="hasil"')
    assert result < html.index("<fieldset")  # the result comes before the questions
    assert "Percobaan ke-1: nilai 0 dari 100" in html
    assert "Sisa 2 kali percobaan." in html
    # Each question once: in the retry form, with the learner's previous choice checked and marked.
    assert html.count("Apa yang dilakukan saat menerima tautan mencurigakan?") == 1
    assert re.search(r'value="0" required checked>\s*<span>Mengekliknya <span class="badge">', html)
    assert html.count("✗ Belum tepat") == 2
    assert "Jangan klik tautan mencurigakan." in html and "Kata sandi bersifat pribadi." in html
    assert "is_correct" not in html and "Melaporkannya ke tim TIK <span" not in html


def test_after_passing_the_feedback_for_the_correct_answers_is_shown(client, at_the_quiz):
    submit(client, at_the_quiz, wrong_answers(at_the_quiz), 1)
    html = submit(client, at_the_quiz, correct_answers(at_the_quiz), 2).content.decode()

    assert "Selamat, Anda lulus dengan nilai 100." in html
    assert "Kursus selesai!" in html and "Lihat kursus dan sertifikat" in html
    assert html.count("✓ Benar") == 2
    assert "Tepat." in html and "Benar, jangan dibagikan." in html
    assert "<form" not in html.split('id="hasil"')[1].split("</section>")[0]  # nothing left to send
    assert Enrollment.objects.get().is_completed


def test_when_the_attempts_run_out_the_answers_stay_visible_without_a_form(client, course, at_the_quiz):
    for number in (1, 2, 3):
        submit(client, at_the_quiz, wrong_answers(at_the_quiz), number)
    html = client.get(at_the_quiz.url).content.decode()
    assert "Batas percobaan kuis sudah habis." in html
    assert 'class="quiz-form"' not in html
    assert html.count("jawaban Anda</span>") == 2
