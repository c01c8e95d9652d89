"""Browser: with an LRS configured (a real HTTP server here), a learner reads a lesson and passes the
quiz by clicking; each event reaches the LRS as an xAPI statement. HR opens "Log xAPI" from the admin
menu, sees the statements sent, filters the failed ones; on a phone the log scrolls in its own region."""

import json

import pytest
from playwright.sync_api import expect

from courses.xapi.models import Statement

from ..courses.conftest import make_course
from ..xapi.fake_lrs import PASSWORD, USERNAME, FakeLRS
from .conftest import PHONE, screenshot
from .test_courses import log_in, log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_learning_reaches_the_lrs_and_hr_reads_the_log(new_context, live_server, pegawai, hr, password, settings):
    with FakeLRS() as lrs:
        settings.XAPI_LRS_ENDPOINT, settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD = lrs.url, USERNAME, PASSWORD
        course = make_course("Keamanan Digital", jp=4, pass_mark=70)

        page = new_context().new_page()
        log_in(page, live_server, pegawai.employee.nip, password)
        page.goto(f"{live_server.url}{course.url}")
        page.get_by_role("button", name="Daftar kursus ini").click()
        page.get_by_role("link", name="Mulai belajar: Kata sandi").click()
        page.get_by_role("button", name="Tandai selesai dan lanjut").click()
        quiz = page.locator("form.quiz-form")
        quiz.locator("fieldset").nth(0).get_by_label("Melaporkannya ke tim TIK", exact=True).check()
        quiz.locator("fieldset").nth(1).get_by_label("Salah", exact=True).check()
        quiz.get_by_role("button", name="Kirim jawaban").click()
        expect(page.locator("#hasil")).to_contain_text("Kursus selesai")

        sent = [json.loads(request["body"]) for request in lrs.requests]
        assert [s["verb"]["display"]["en-US"] for s in sent] == ["completed", "passed", "completed", "completed"]
        assert {s["actor"]["account"]["name"] for s in sent} == {str(pegawai.employee.pk)}

        staff = new_context(bypass_csp=True).new_page()
        log_in_with_totp(staff, live_server, hr, password)
        staff.get_by_role("link", name="Log xAPI").click()
        expect(staff.get_by_role("heading", name="Log pernyataan xAPI")).to_be_visible()
        log = staff.get_by_test_id("xapi-log")
        expect(log.locator("tbody tr")).to_have_count(4)
        expect(log).to_contain_text(pegawai.employee.name)
        expect(log).to_contain_text("Keamanan Digital")
        expect(log).to_contain_text("Terkirim")
        screenshot(staff, "xapi-log")

        # A statement the LRS refused: HR filters the failed ones and sees why.
        Statement.objects.filter(verb="passed").update(status=Statement.Status.FAILED, last_error="LRS menjawab 401:")
        staff.reload()
        staff.get_by_role("link", name="Gagal (1)").click()
        expect(log.locator("tbody tr")).to_have_count(1)
        expect(log).to_contain_text("LRS menjawab 401")
        expect(staff.get_by_role("button", name="Kirim ulang yang gagal")).to_be_visible()
        staff.get_by_role("button", name="Kirim ulang yang gagal").click()
        expect(staff.get_by_text("1 pernyataan dikirim ulang.")).to_be_visible()
        assert Statement.objects.filter(status=Statement.Status.SENT).count() == 4
        screenshot(staff, "xapi-log-resent")

        phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True, storage_state=staff.context.storage_state())
        small = phone.new_page()
        small.goto(staff.url)
        expect(small.get_by_test_id("xapi-log")).to_be_visible()
        overflow = small.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1
        screenshot(small, "xapi-log-phone")
