"""A supervisor follows a team member's learning: from the dashboard to the team, to the member's
courses, progress, certificate and JP this year; on a desktop and on a 375 px phone."""

import pytest
from playwright.sync_api import expect

from ..courses.conftest import correct_answers, make_course
from .conftest import screenshot
from .test_courses import log_in_with_totp, no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def learning_of(employee):
    from courses import services
    from courses.models import LessonPage

    course = make_course("Keamanan Digital", jp=4)
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    enrollment = services.enrollment_create(employee=employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    services.enrollment_create(employee=employee, course=make_course("Pelayanan Publik", jp=2))


@pytest.mark.e2e
@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 800}, {"width": 375, "height": 740}], ids=["desktop", "phone"]
)
def test_supervisor_follows_a_members_learning(new_context, live_server, atasan, pegawai, password, viewport):
    from courses.models import Certificate

    learning_of(pegawai.employee)
    certificate = Certificate.objects.get()
    page = new_context(viewport=viewport).new_page()

    log_in_with_totp(page, live_server, atasan, password)
    page.goto(f"{live_server.url}/dasbor/")
    page.get_by_role("link", name="Lihat tim saya").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tim")
    page.get_by_role("link", name=pegawai.employee.name).first.click()

    courses = page.locator("section[aria-labelledby=courses-title]")
    expect(courses.get_by_test_id("jp-year")).to_contain_text("4 dari 20 JP")
    expect(courses).to_contain_text("Keamanan Digital")
    expect(courses).to_contain_text("nilai akhir 100")
    expect(courses).to_contain_text("Pelayanan Publik")
    expect(courses).to_contain_text("0% selesai")
    courses.get_by_role("link", name=f"Sertifikat {certificate.code}").click()
    expect(page.locator("main")).to_contain_text("Keamanan Digital")
    expect(page.locator("main")).to_contain_text(certificate.code)
    page.go_back()
    assert no_sideways_scroll(page) <= 0
    screenshot(page, f"supervisor-member-courses-{viewport['width']}")
