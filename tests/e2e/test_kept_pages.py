"""Browser: what the portal keeps in the cache never outlives an editor's change (issue #15).

A learner on a phone has the course, a lesson and the catalog open (each page now served from kept
routing, structure and rendered content). HR renames the course in the Wagtail admin and publishes
it, then unpublishes a lesson; the learner's next clicks show both at once. The learner then marks
a lesson done and sees the progress at once.
"""

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import LessonPage

from ..courses.conftest import make_course
from .conftest import PHONE, screenshot
from .test_change_reading import hr_log_in, publish
from .test_courses import log_in, no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def open_catalog(page):
    """On a phone the site menu folds behind its button."""
    page.locator("button.menu-toggle").click()
    page.locator("#site-menu").get_by_role("link", name="Kursus", exact=True).click()


@pytest.mark.e2e
def test_an_editors_publish_reaches_a_learner_at_once(new_context, live_server, hr, pegawai, password):
    course = make_course("Keamanan Digital")  # a reading, then a quiz
    services.enrollment_create(employee=pegawai.employee, course=course)
    learner = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(learner, live_server, pegawai.employee.nip, password)

    # The learner opens the catalog, the course and its first lesson, by clicking: now all kept.
    open_catalog(learner)
    learner.locator(".course-card").get_by_role("link", name="Keamanan Digital").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Keamanan Digital")
    expect(learner.locator(".lesson-list li")).to_have_count(2)
    learner.reload()  # the second view comes from what was kept
    expect(learner.locator(".lesson-list li")).to_have_count(2)
    assert no_sideways_scroll(learner) == 0
    screenshot(learner, "kept-course-before-edit-phone")

    # HR renames the course and publishes it, then unpublishes the quiz lesson.
    staff = new_context().new_page()
    hr_log_in(staff, live_server, hr, password)
    staff.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    staff.fill("input[name=title]", "Keamanan Digital untuk ASN")
    publish(staff)
    expect(staff.locator(".messages")).to_contain_text("Keamanan Digital untuk ASN")
    quiz = LessonPage.objects.child_of(course).order_by("path").last()
    staff.goto(f"{live_server.url}/admin/pages/{quiz.pk}/unpublish/")
    with staff.expect_navigation():
        staff.locator("main form button[type=submit], main form input[type=submit]").first.click()
    screenshot(staff, "kept-admin-after-unpublish")

    # The learner's next clicks show both changes.
    learner.reload()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Keamanan Digital untuk ASN")
    expect(learner.locator(".lesson-list li")).to_have_count(1)
    screenshot(learner, "kept-course-after-edit-phone")
    open_catalog(learner)
    expect(learner.locator(".course-card")).to_contain_text("Keamanan Digital untuk ASN")
    screenshot(learner, "kept-catalog-after-edit-phone")

    # Progress is the learner's own: marked done, it shows at once.
    learner.locator(".course-card").get_by_role("link", name="Keamanan Digital untuk ASN").click()
    learner.get_by_role("link", name="Mulai belajar: Kata sandi").click()
    learner.get_by_role("button", name="Tandai selesai dan lanjut").click()
    expect(learner.locator("[data-testid=progress]").first).to_have_text("100%")
    screenshot(learner, "kept-course-done-phone")
