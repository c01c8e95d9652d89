"""The course page tells an enrolled learner where to go next, and says what the pass mark means."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import LessonPage

pytestmark = pytest.mark.django_db


def test_after_enrolling_the_course_page_offers_to_start_then_to_continue(client, pegawai, course, lessons):
    client.force_login(pegawai)
    client.post(reverse("course_enroll", args=[course.pk]))

    html = client.get(course.url).content.decode()
    assert "Mulai belajar: Kata sandi" in html
    assert f'href="{lessons[0].url}" data-testid="next-step"' in html

    enrollment = pegawai.employee.enrollments.get()
    services.lesson_mark_done(enrollment=enrollment, lesson=LessonPage.objects.get(pk=lessons[0].pk))
    html = client.get(course.url).content.decode()
    assert "Lanjutkan: Kuis" in html
    assert "Mulai belajar" not in html


def test_no_next_step_before_enrolling(client, pegawai, course, lessons):
    client.force_login(pegawai)
    html = client.get(course.url).content.decode()
    assert 'data-testid="next-step"' not in html
    assert "Nilai lulus kuis: 70 dari 100" in html
