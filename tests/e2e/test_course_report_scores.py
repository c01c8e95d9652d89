"""Browser: HR opens a course's report from the admin menu and reads each learner's final quiz
score (best in each quiz, as on the certificate) beside the number of attempts."""

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import LessonPage

from ..courses.conftest import correct_answers, make_course, wrong_answers
from .conftest import screenshot
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_hr_reads_final_scores_and_attempts_in_the_course_report(new_context, live_server, hr, pegawai, password):
    course = make_course("Keamanan Digital Dasar")
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=wrong_answers(lessons[1]), number=1)
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=2)

    page = new_context().new_page()
    hr_log_in(page, live_server, hr, password)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Laporan kursus").first.click()
    page.get_by_role("link", name=course.title).first.click()
    expect(page.get_by_test_id("average-score")).to_have_text("100")
    row = page.get_by_role("row").filter(has_text=pegawai.employee.nip)
    expect(row.get_by_test_id("final-score")).to_have_text("100")
    expect(row.get_by_test_id("attempts")).to_have_text("2")
    screenshot(page, "h5-course-report-scores")
