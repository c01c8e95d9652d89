"""Browser: HR goes from the gap heatmap to a cell, assigns a course after confirming who gets it,
finds it in the list of assignments, moves its due date, cancels it; the employee sees it on the
dashboard, then no longer."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appraisal_link.models import Assignment, Rating
from competency.models import Competency
from courses.models import CourseCompetency

from ..appraisal_link.test_gaps_and_assignments import appraise
from ..courses.conftest import make_course
from .conftest import screenshot
from .test_courses import log_in
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_hr_assigns_from_the_heatmap_confirms_changes_and_cancels(new_context, live_server, hr, pegawai, password):
    change = Competency.objects.get(code="mengelola-perubahan")
    course = make_course("Beradaptasi dengan Sistem Kinerja Baru", category="perubahan", jp=3)
    CourseCompetency.objects.create(course=course, competency=change, target_level=3)
    unrelated = make_course("Menulis Surat Dinas")
    appraise(pegawai.employee, adaptif=Rating.BELOW)
    due = timezone.localdate() + datetime.timedelta(days=21)
    later = due + datetime.timedelta(days=14)

    page = new_context().new_page()
    hr_log_in(page, live_server, hr, password)
    page.goto(f"{live_server.url}/admin/sdm/laporan/kesenjangan/")
    page.locator(f"a[href$='/{pegawai.employee.unit_id}/{change.pk}/']").click()
    page.get_by_role("link", name="Tugaskan kursus ke pegawai dengan kesenjangan ini").click()
    expect(page.get_by_test_id("assign-cell")).to_contain_text(pegawai.employee.unit.name)
    expect(page.locator("input[name=target]")).to_have_count(0)
    expect(page.locator("input[name=nip]")).to_have_count(0)
    expect(page.locator("select[name=course] option", has_text=unrelated.title)).to_have_count(0)
    page.select_option("select[name=course]", str(course.pk))
    page.fill("input[name=due_date]", due.isoformat())
    screenshot(page, "h5-assign-from-cell")
    page.get_by_role("button", name="Lanjut: periksa penerima").click()
    expect(page.get_by_test_id("assign-count")).to_have_text("Anda akan menugaskan 1 orang")
    expect(page.get_by_test_id("assign-people")).to_contain_text(pegawai.employee.name)
    assert not Assignment.objects.exists()
    screenshot(page, "h5-assign-confirm")
    page.get_by_role("button", name="Ya, tugaskan 1 orang").click()
    expect(page.get_by_text("1 penugasan dibuat.")).to_be_visible()
    row = page.get_by_test_id("assignments").get_by_role("row").filter(has_text=pegawai.employee.name)
    expect(row).to_contain_text(course.title)
    expect(row.get_by_test_id("status")).to_have_text("Aktif")
    screenshot(page, "h5-assignment-list")

    learner = new_context().new_page()
    log_in(learner, live_server, pegawai.username, password)
    expect(learner).to_have_url(re.compile(r"/dasbor/$"))
    assigned = learner.locator("section[aria-labelledby=assign-title]")
    expect(assigned.get_by_role("link", name=course.title)).to_be_visible()
    screenshot(learner, "h5-dashboard-assigned")

    row.get_by_role("link", name=re.compile("Ubah tenggat")).click()
    page.fill("input[name=due_date]", later.isoformat())
    page.get_by_role("button", name="Simpan tenggat").click()
    expect(page.get_by_text("diubah.")).to_be_visible()
    assert Assignment.objects.get().due_date == later
    row = page.get_by_test_id("assignments").get_by_role("row").filter(has_text=pegawai.employee.name)
    row.get_by_role("link", name=re.compile("Batalkan")).click()
    screenshot(page, "h5-assignment-cancel-confirm")
    page.get_by_role("button", name="Ya, batalkan penugasan").click()
    expect(page.get_by_text("dibatalkan.")).to_be_visible()
    page.select_option("select[name=status]", "dibatalkan")
    page.get_by_role("button", name="Saring").click()
    row = page.get_by_test_id("assignments").get_by_role("row").filter(has_text=pegawai.employee.name)
    expect(row.get_by_test_id("status")).to_have_text("Dibatalkan")
    screenshot(page, "h5-assignment-list-cancelled")
    page.set_viewport_size({"width": 375, "height": 800})
    expect(page.get_by_role("button", name="Saring")).to_be_visible()
    screenshot(page, "h5-assignment-list-phone")

    learner.reload()
    expect(assigned.get_by_role("link", name=course.title)).to_have_count(0)
    expect(assigned).to_contain_text("Tidak ada penugasan pelatihan.")
    screenshot(learner, "h5-dashboard-after-cancel")
