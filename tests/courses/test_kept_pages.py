"""The course and lesson pages are kept per learner (courses.kept_pages, issue #15): each action
that changes what they show shows at the very next request, every session's forms carry its own
CSRF token, and one learner never sees another's page."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import CourseCompetency, Enrollment
from courses.services.certificates import certificate_issue
from portal.people import roles
from portal.people.learner_kept import learners_changed

from .conftest import correct_answers, make_course, wrong_answers
from .test_query_counts import CATALOG_QUERIES, COURSE_QUERIES, LESSON_QUERIES, count_queries_once

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def kept(client, url, queries) -> str:
    """The page as kept: no more queries than its pin."""
    assert count_queries_once(client, url) == queries
    return page(client, url)


@pytest.mark.django_db
def test_enrolling_marking_done_and_a_quiz_show_at_once(client, pegawai, course, lessons):
    client.force_login(pegawai)
    page(client, course.url)
    assert "Daftar kursus ini" in kept(client, course.url, COURSE_QUERIES)
    assert client.get(lessons[0].url).status_code == 302  # not enrolled: kept so
    assert client.get(lessons[0].url).status_code == 302
    response = client.post(reverse("course_enroll", args=[course.pk]))
    assert response.status_code == 302
    html = page(client, course.url)
    assert "Daftar kursus ini" not in html and 'data-testid="progress">0%' in html
    assert client.get(lessons[1].url).status_code == 302  # locked until the reading is done
    page(client, lessons[0].url)  # open at once
    kept(client, lessons[0].url, LESSON_QUERIES)
    client.post(reverse("lesson_done", args=[lessons[0].pk]))
    assert 'data-testid="progress">50%' in page(client, course.url)
    assert "Kirim jawaban" in page(client, lessons[1].url)
    enrollment = pegawai.employee.enrollments.get(course=course)
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=wrong_answers(lessons[1]), number=1)
    html = page(client, lessons[1].url)
    assert "Percobaan ke-1" in html and 'name="attempt" value="2"' in html
    client.post(
        reverse("quiz_submit", args=[lessons[1].pk]),
        {"attempt": "2", **{f"q-{key}": value for key, value in correct_answers(lessons[1]).items()}},
    )
    html = page(client, course.url)
    assert 'data-testid="progress">100%' in html and "Selesai pada" in html
    assert "Sertifikat sedang diterbitkan" in html  # the task runs after the commit, next test


@pytest.mark.django_db
def test_a_certificate_issued_by_the_worker_later_shows_at_once(client, pegawai, course):
    client.force_login(pegawai)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    # Completed, the certificate still queued: as the completion service leaves it.
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now(), jp_awarded=6, jp_year=timezone.localdate().year
    )
    learners_changed([pegawai.employee.pk])
    page(client, course.url)
    assert "Sertifikat sedang diterbitkan" in kept(client, course.url, COURSE_QUERIES)
    certificate = certificate_issue(enrollment_id=enrollment.pk)
    html = page(client, course.url)
    assert "Sertifikat sedang diterbitkan" not in html
    assert reverse("certificate_download", args=[certificate.pk]) in html


@pytest.mark.django_db
def test_a_course_republished_shows_at_once(client, pegawai, course, lessons):
    client.force_login(pegawai)
    services.enrollment_create(employee=pegawai.employee, course=course)
    page(client, course.url)
    page(client, lessons[0].url)
    course.summary = "Ringkasan yang baru saja diperbarui"
    course.save_revision().publish()
    assert "Ringkasan yang baru saja diperbarui" in page(client, course.url)
    lesson = lessons[0].specific
    lesson.title = "Kata sandi yang kuat"
    lesson.save_revision().publish()
    assert "Kata sandi yang kuat" in page(client, course.url)
    assert "Kata sandi yang kuat" in page(client, lessons[0].url)


@pytest.mark.django_db
def test_every_session_posts_with_its_own_token_and_learners_see_their_own(pegawai, course, lessons, make_person):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(pegawai)
    second.force_login(pegawai)
    page(first, course.url)
    html = kept(second, course.url, COURSE_QUERIES)  # the first session's page, kept
    token = TOKEN.findall(html)[-1]
    response = second.post(reverse("course_enroll", args=[course.pk]), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert pegawai.employee.enrollments.filter(course=course).exists()
    other = make_person(roles.PEGAWAI)
    stranger = Client()
    stranger.force_login(other)
    assert "Daftar kursus ini" in page(stranger, course.url)
    assert 'data-testid="progress"' not in page(stranger, course.url)


@pytest.mark.django_db
def test_the_catalog_is_kept_for_all_and_shows_a_new_course_and_a_renamed_competency_at_once(
    client, pegawai, course, make_person
):
    from competency.models import Competency

    client.force_login(pegawai)
    catalog = course.get_parent().url
    page(client, catalog)
    assert course.title in kept(client, catalog, CATALOG_QUERIES)
    other = Client()
    other.force_login(make_person(roles.PEGAWAI))
    page(other, "/")  # their session, roles and bell are read once
    assert count_queries_once(other, catalog) == CATALOG_QUERIES  # the same content, kept once
    make_course("Literasi Data Pemerintahan")
    assert "Literasi Data Pemerintahan" in page(client, catalog)
    assert "Literasi Data Pemerintahan" not in page(client, catalog + "?q=keamanan")
    assert course.title in page(client, catalog + "?q=keamanan")
    competency = Competency.objects.create(code="k-data", name="Literasi data", kind=Competency.Kind.TEKNIS)
    course.competencies.add(CourseCompetency(competency=competency, target_level=3))
    course.save_revision().publish()
    assert "Literasi data" in page(other, catalog)
    competency.name = "Kompetensi yang baru saja diganti namanya"
    competency.save()
    assert "Kompetensi yang baru saja diganti namanya" in page(other, catalog)
