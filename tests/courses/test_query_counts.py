"""Catalog, course, lesson, dashboard and report pages: the same number of queries however many
courses, lessons or learners there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import LessonPage
from portal.people import roles
from portal.people.learner_kept import learners_changed

from .conftest import QUIZ, READING, correct_answers, make_course


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    return count_queries_once(client, url)


def count_queries_once(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def grow(n, *, pegawai=None, make_person=None, unit=None):
    """Add n courses (3 lessons each) and n other learners, with some progress."""
    for i in range(n):
        course = make_course(f"Kursus tambahan {i}", lessons=(("A", READING), ("B", READING), ("C", QUIZ)))
        learner = make_person(roles.PEGAWAI, unit=unit)
        enrollment = services.enrollment_create(employee=learner.employee, course=course)
        services.lesson_mark_done(enrollment=enrollment, lesson=LessonPage.objects.child_of(course).first())
        if pegawai is not None:
            mine = services.enrollment_create(employee=pegawai.employee, course=course)
            lessons = list(LessonPage.objects.child_of(course).order_by("path"))
            services.lesson_mark_done(enrollment=mine, lesson=lessons[0])
            services.lesson_mark_done(enrollment=mine, lesson=lessons[1])
            services.quiz_submit(
                enrollment=mine, lesson=lessons[2].specific, answers=correct_answers(lessons[2].specific), number=1
            )


@pytest.mark.django_db
def test_catalog_queries_are_constant(client, pegawai, course, make_person, unit):
    client.force_login(pegawai)
    before = count_queries(client, "/kursus/")
    before_search = count_queries(client, "/kursus/?q=keamanan&kategori=tik")
    grow(8, make_person=make_person, unit=unit)
    assert count_queries(client, "/kursus/") == before == CATALOG_QUERIES
    assert count_queries(client, "/kursus/?q=keamanan&kategori=tik") == before_search


@pytest.mark.django_db
def test_course_page_queries_are_constant(client, pegawai, course, lessons, make_person, unit):
    client.force_login(pegawai)
    services.enrollment_create(employee=pegawai.employee, course=course)
    before = count_queries(client, course.url)
    learners_changed([pegawai.employee.pk])  # built again, not kept (courses.kept_pages)
    built_before = count_queries_once(client, course.url)
    for i in range(6):
        course.add_child(instance=LessonPage(title=f"Tambahan {i}", body=READING))
    for _ in range(6):
        learner = make_person(roles.PEGAWAI, unit=unit)
        services.enrollment_create(employee=learner.employee, course=course)
    assert count_queries(client, course.url) == before == COURSE_QUERIES
    learners_changed([pegawai.employee.pk])
    assert count_queries_once(client, course.url) == built_before == COURSE_BUILT_QUERIES


@pytest.mark.django_db
def test_lesson_page_queries_are_constant(client, pegawai, course, lessons, make_person, unit):
    client.force_login(pegawai)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    before = count_queries(client, lessons[1].url)
    learners_changed([pegawai.employee.pk])  # built again, not kept (courses.kept_pages)
    built_before = count_queries_once(client, lessons[1].url)
    for i in range(6):
        course.add_child(instance=LessonPage(title=f"Tambahan {i}", body=QUIZ))
    for _ in range(6):
        learner = make_person(roles.PEGAWAI, unit=unit)
        services.enrollment_create(employee=learner.employee, course=course)
    assert count_queries(client, lessons[1].url) == before == LESSON_QUERIES
    learners_changed([pegawai.employee.pk])
    assert count_queries_once(client, lessons[1].url) == built_before == LESSON_BUILT_QUERIES


@pytest.mark.django_db
def test_dashboard_queries_are_constant(client, pegawai, course, lessons, make_person, unit):
    client.force_login(pegawai)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    before = count_queries(client, "/dasbor/")
    learners_changed([pegawai.employee.pk])  # built again, not kept (portal.dashboard)
    built_before = count_queries_once(client, "/dasbor/")
    grow(5, pegawai=pegawai, make_person=make_person, unit=unit)
    html = client.get("/dasbor/").content.decode()
    assert "Kursus tambahan 4" in html
    assert count_queries(client, "/dasbor/") == before == DASHBOARD_QUERIES
    learners_changed([pegawai.employee.pk])
    assert count_queries_once(client, "/dasbor/") == built_before == DASHBOARD_BUILT_QUERIES
    learners_changed([pegawai.employee.pk], study=True)
    assert count_queries_once(client, "/dasbor/") == DASHBOARD_STUDIED_QUERIES


def count_post(client, lesson, action, data=None):
    client.get(lesson.url)  # as the learner does: the page first (the course's structure is read)
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(reverse(action, args=[lesson.pk]), data or {})
    assert response.status_code == 302, action
    assert "/kursus/" in response["Location"], response["Location"]  # not the login, not a refusal
    return len(ctx.captured_queries)


def learners_posts(client, pegawai, course) -> dict[str, int]:
    """The queries of a lesson marked done, a quiz passed (both mid-course) and the last lesson done."""
    lessons = [lesson.specific for lesson in LessonPage.objects.child_of(course).order_by("path")]
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    counts = {"done": count_post(client, lessons[0], "lesson_done")}
    answers = {f"q-{key}": value for key, value in correct_answers(lessons[1]).items()}
    counts["quiz"] = count_post(client, lessons[1], "quiz_submit", {**answers, "attempt": "1"})
    for lesson in lessons[2:-1]:
        services.lesson_mark_done(enrollment=enrollment, lesson=lesson)
    counts["completed"] = count_post(client, lessons[-1], "lesson_done")
    enrollment.refresh_from_db()
    assert enrollment.is_completed and enrollment.final_score == 100
    return counts


@pytest.mark.django_db
def test_a_lesson_done_and_a_quiz_sent_cost_the_same_however_long_the_course(client, pegawai, make_person, unit):
    client.force_login(pegawai)
    short = make_course("Pendek", lessons=(("A", READING), ("B", QUIZ), ("C", READING)))
    long = make_course("Panjang", lessons=(("A", READING), ("B", QUIZ), *((f"T{i}", READING) for i in range(8))))
    for _ in range(3):
        learner = make_person(roles.PEGAWAI, unit=unit)
        enrollment = services.enrollment_create(employee=learner.employee, course=long)
        services.lesson_mark_done(enrollment=enrollment, lesson=LessonPage.objects.child_of(long).first())
    assert learners_posts(client, pegawai, short) == learners_posts(client, pegawai, long) == LEARNERS_POSTS


@pytest.mark.django_db
def test_course_report_queries_are_constant(client, hr_with_mfa, course, lessons, make_person, unit):
    client.force_login(hr_with_mfa)
    url = reverse("course_report", args=[course.pk])
    learner = make_person(roles.PEGAWAI, unit=unit)
    services.enrollment_create(employee=learner.employee, course=course)
    before = count_queries(client, url)
    for _ in range(10):
        learner = make_person(roles.PEGAWAI, unit=unit)
        enrollment = services.enrollment_create(employee=learner.employee, course=course)
        services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
        services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    assert count_queries(client, url) == before
    assert count_queries(client, url + "?format=csv") == count_queries(client, url + "?format=xlsx")


@pytest.mark.django_db
def test_trainers_course_report_queries_are_pinned(client, pelatih_with_mfa, course, lessons, make_person, unit):
    services.course_trainer_add(course=course, user=pelatih_with_mfa)
    client.force_login(pelatih_with_mfa)
    url = reverse("course_report", args=[course.pk])
    for _ in range(2):
        learner = make_person(roles.PEGAWAI, unit=unit)
        services.enrollment_create(employee=learner.employee, course=course)
    two = {suffix: count_queries(client, url + suffix) for suffix in ("", "?format=csv")}
    for _ in range(18):
        learner = make_person(roles.PEGAWAI, unit=unit)
        enrollment = services.enrollment_create(employee=learner.employee, course=course)
        services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
        services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    twenty = {suffix: count_queries(client, url + suffix) for suffix in ("", "?format=csv")}
    assert two == twenty == {"": COURSE_REPORT_QUERIES, "?format=csv": COURSE_EXPORT_QUERIES}
    assert count_queries(client, reverse("course_report_index")) == COURSE_REPORT_INDEX_QUERIES


# Pinned, on a warm request: a change that adds a query to these pages must say so here. The
# session, the user (portal.people.user_kept), Wagtail's routing (site, pages of the path, view
# restrictions), the header's notification bell, the user's roles and employee record, a course's
# structure (lessons, prerequisites, competencies, cover) and a page of the catalog come from the
# cache (cached_db, portal.page_routing, portal.notifications.unread, portal.people.roles_kept,
# portal.people.employee_kept, courses.structure). The course: the employee's enrolments in it and
# its prerequisites, their progress; the lesson adds the lesson's quiz attempts.
CATALOG_QUERIES = 0
# Kept per learner (courses.kept_pages): nothing is read (whether the learner is enrolled, and how
# far, is kept with the lesson).
COURSE_QUERIES = 0
LESSON_QUERIES = 0
# Built again after the learner's records changed.
COURSE_BUILT_QUERIES = 2
LESSON_BUILT_QUERIES = 3
# The dashboard: its content is kept per person (portal.dashboard), so nothing is read. Built
# again after the person's data changed: the employee with JP, their enrolments (with their
# certificates), the plan, gaps, assignments, and "Kursus saya" its enrolments with progress counts
# (the live lesson counts are kept); the change hub's part is kept (portal.change.kept). After a
# lesson done, "Kursus saya" alone.
DASHBOARD_QUERIES = 0
DASHBOARD_BUILT_QUERIES = 6
DASHBOARD_STUDIED_QUERIES = 1
# A trainer's course report in the admin: four for the second
# factor, permissions and admin profile; one for the courses they train; then the course, its
# summary, hardest questions, lessons, a page of learners, its trainers, the admin's menu, and the
# audit entry of the read (the export: the course, its lessons, the learners and the audit entry);
# and for the learners' final scores and attempt counts (best attempt per quiz), a fixed few more.
# A learner's posts, with the savepoints of their transactions: the lesson, the enrolment with its
# course, the course's live lessons with what the learner has done (read once: a lesson opens only
# once those before it are done), the write. A quiz counts the attempts before it and writes the
# attempt and the lesson's progress; the last lesson done records the completion (the best quiz scores, the conditional
# UPDATE, the course's competencies, the gaps they close, the certificate's task).
LEARNERS_POSTS = {"done": 8, "quiz": 8, "completed": 13}
COURSE_REPORT_QUERIES = 23
COURSE_EXPORT_QUERIES = 11
COURSE_REPORT_INDEX_QUERIES = 10
