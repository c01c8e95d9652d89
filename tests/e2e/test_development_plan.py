"""A development plan in the browser, from draft to approved to half done: the employee plans on a
phone for their gap (a portal course and a bimtek), submits; the supervisor asks for a change from
the notification, then approves the corrected plan; the course completed, the plan shows half done on
the employee's dashboard and on the supervisor's team page."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from appraisal_link.models import Rating

from ..appraisal_link.test_gaps_and_assignments import appraise
from ..courses.conftest import make_course
from ..development.test_plans import complete
from .conftest import screenshot
from .test_courses import log_in, log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_375 = {"width": 375, "height": 740}


@pytest.mark.e2e
def test_a_plan_from_draft_to_approved_to_half_done(new_context, live_server, pegawai, atasan, password):
    appraise(pegawai.employee, year=datetime.date.today().year, adaptif=Rating.BELOW)
    course = make_course("Literasi Perubahan", jp=8)

    page = new_context(viewport=PHONE_375, is_mobile=True, has_touch=True).new_page()
    log_in(page, live_server, pegawai.username, password)
    page.get_by_role("link", name="Susun rencana bersama atasan").click()
    page.get_by_label("Untuk kesenjangan").select_option(label="Mengelola Perubahan (Penilaian SKP)")
    page.get_by_label("Kursus portal").select_option(label="Literasi Perubahan · 8 JP")
    page.get_by_label("Triwulan").select_option("1")
    page.get_by_role("button", name="Tambahkan ke rencana").click()
    expect(page.get_by_test_id("plan-items")).to_contain_text("Literasi Perubahan")
    page.get_by_label("atau tujuan Anda sendiri").fill("Memimpin perubahan di bidang")
    page.get_by_label("atau bentuk kegiatan di luar portal").select_option("bimtek")
    page.get_by_label("Nama kegiatan di luar portal").fill("Bimtek Manajemen Perubahan")
    page.get_by_label("Triwulan").select_option("3")
    page.get_by_label("JP (kegiatan di luar portal)").fill("12")
    page.get_by_role("button", name="Tambahkan ke rencana").click()
    expect(page.get_by_test_id("plan-totals")).to_contain_text("20 JP direncanakan")
    page.get_by_role("button", name="Ajukan ke atasan").click()
    expect(page.get_by_text("Rencana diajukan ke atasan Anda.")).to_be_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    screenshot(page, "plan-submitted-phone")

    boss = new_context().new_page()
    log_in_with_totp(boss, live_server, atasan, password)
    boss.goto(f"{live_server.url}/notifikasi/")
    boss.get_by_role("button", name=re.compile("mengajukan rencana pengembangan")).first.click()
    boss.get_by_label("Catatan untuk pegawai").fill("Tambahkan coaching dengan saya di triwulan II.")
    boss.get_by_role("button", name="Minta perbaikan").click()
    expect(boss.get_by_test_id("plan-status")).to_contain_text("Perlu perbaikan")

    page.goto(f"{live_server.url}/notifikasi/")
    page.get_by_role("button", name=re.compile("perlu diperbaiki")).first.click()
    expect(page.get_by_test_id("plan-status")).to_contain_text("Tambahkan coaching")
    page.get_by_label("atau tujuan Anda sendiri").fill("Dialog kinerja")
    page.get_by_label("atau bentuk kegiatan di luar portal").select_option("coaching")
    page.get_by_label("Nama kegiatan di luar portal").fill("Coaching dengan atasan")
    page.get_by_label("Triwulan").select_option("2")
    page.get_by_label("JP (kegiatan di luar portal)").fill("2")
    page.get_by_role("button", name="Tambahkan ke rencana").click()
    page.get_by_role("button", name="Ajukan ke atasan").click()

    boss.goto(f"{live_server.url}/tim/")
    boss.get_by_role("link", name="Rencana pengembangan tim").click()
    boss.get_by_role("link", name=pegawai.employee.name).click()
    boss.get_by_role("button", name="Setujui rencana").click()
    expect(boss.get_by_test_id("plan-status")).to_contain_text("Disetujui")

    complete(pegawai.employee, course)  # the first quarter's course, finished
    page.goto(f"{live_server.url}/dasbor/")
    panel = page.get_by_test_id("plan-panel")
    expect(panel).to_contain_text("Disetujui")
    expect(panel).to_contain_text("1 dari 3 kegiatan selesai")
    screenshot(page, "plan-dashboard-phone")
    boss.goto(f"{live_server.url}/tim/rencana/")
    expect(boss.get_by_test_id("team-plans")).to_contain_text("1 dari 3 kegiatan (8 JP)")
    screenshot(boss, "plan-team")
