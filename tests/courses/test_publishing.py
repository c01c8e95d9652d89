"""A course and its lessons are reviewed and published as one unit; a course without a published
lesson is never offered."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page

from courses import selectors, services
from courses.models import CourseIndexPage, CoursePage, Enrollment, LessonPage

from ..factories import EmployeeFactory
from .conftest import READING, make_course

pytestmark = pytest.mark.django_db


def draft_course(trainer, title="Keamanan Digital", lessons=("Kata sandi", "Phishing", "Kuis")):
    """What a trainer leaves behind: a course and its lessons, all drafts, none published."""
    catalog = CourseIndexPage.objects.get()
    course = catalog.add_child(instance=CoursePage(title=title, summary="Ringkasan.", jp=2, live=False))
    course.save_revision(user=trainer)
    for lesson_title in lessons:
        lesson = course.add_child(instance=LessonPage(title=lesson_title, body=READING, live=False))
        lesson.save_revision(user=trainer)
    return CoursePage.objects.get(pk=course.pk)


def approve(workflow_state, user):
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


def test_one_approval_of_the_course_publishes_its_lessons(pelatih, hr):
    course = draft_course(pelatih)
    state = course.get_workflow().start(course, pelatih)

    approve(state, hr)

    lessons = LessonPage.objects.child_of(course).order_by("path")
    assert [lesson.live for lesson in lessons] == [True, True, True]
    assert not any(lesson.has_unpublished_changes for lesson in lessons)
    assert [c.pk for c in selectors.catalog_context(params={})["courses"]] == [course.pk]


def test_a_lesson_waiting_in_its_own_review_goes_live_with_the_course(pelatih, hr):
    course = draft_course(pelatih, lessons=("Kata sandi",))
    lesson = LessonPage.objects.child_of(course).get()
    lesson_state = lesson.get_workflow().start(lesson, pelatih)

    approve(course.get_workflow().start(course, pelatih), hr)

    lesson.refresh_from_db()
    lesson_state.refresh_from_db()
    assert lesson.live
    assert lesson_state.status == lesson_state.STATUS_CANCELLED


def test_a_lesson_hr_sent_back_stays_a_draft(pelatih, hr):
    course = draft_course(pelatih, lessons=("Kata sandi", "Belum siap"))
    ready, sent_back = LessonPage.objects.child_of(course).order_by("path")
    state = sent_back.get_workflow().start(sent_back, pelatih)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, hr, "reject")

    approve(course.get_workflow().start(course, pelatih), hr)

    ready.refresh_from_db()
    sent_back.refresh_from_db()
    assert ready.live and not sent_back.live


def test_a_direct_publication_brings_the_lesson_drafts_too(pelatih, hr):
    course = draft_course(pelatih)
    course.get_latest_revision().publish(user=hr)
    assert LessonPage.objects.child_of(course).live().count() == 3


def test_a_published_course_without_published_lessons_is_not_offered(pegawai):
    empty = make_course("Tanpa pelajaran", lessons=())
    offered = make_course("Dengan pelajaran")

    courses = selectors.catalog_context(params={})["courses"]
    assert [c.pk for c in courses] == [offered.pk]
    assert [c.pk for c in selectors.catalog_context(params={"q": "pelajaran"})["courses"]] == [offered.pk]

    employee = pegawai.employee
    with pytest.raises(ValidationError) as refused:
        services.enrollment_create(employee=employee, course=empty)
    assert refused.value.code == "no_lessons"
    with pytest.raises(ValidationError) as refused:
        services.enrollment_create(employee=EmployeeFactory(), course=empty, source=Enrollment.Source.ASSIGNED)
    assert refused.value.code == "no_lessons"
    assert not Enrollment.objects.filter(course=empty).exists()


def test_enrolling_by_post_in_a_course_without_lessons_is_refused_with_a_message(client, pegawai):
    empty = make_course("Tanpa pelajaran", lessons=())
    client.force_login(pegawai)
    response = client.post(reverse("course_enroll", args=[empty.pk]), follow=True)
    assert "belum memiliki pelajaran yang diterbitkan" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_the_admin_lists_lessons_in_lesson_order_and_names_their_course(client, pelatih_with_mfa):
    course = make_course(lessons=(("Satu", READING), ("Dua", READING), ("Tiga", READING)))
    first = LessonPage.objects.child_of(course).order_by("path").first()
    first.save_revision(user=pelatih_with_mfa)  # the most recent edit: it would come first by date

    client.force_login(pelatih_with_mfa)
    html = client.get(f"/admin/pages/{course.pk}/").content.decode()

    assert html.index("› Satu") < html.index("› Dua") < html.index("› Tiga")
    assert first.get_admin_display_title() == "Keamanan Digital › Satu"
    assert Page.objects.get(pk=course.pk).specific.get_admin_display_title() == "Keamanan Digital"
