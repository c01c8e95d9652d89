"""Browser: an employee opens "Data saya" from the dashboard, reads it on a phone, downloads the JSON."""

import json

import pytest
from playwright.sync_api import expect

from appraisal_link.models import Appraisal
from portal.notifications.models import Kind
from portal.notifications.services import notify

from .conftest import screenshot
from .test_courses import log_in, no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SMALL_PHONE = {"width": 375, "height": 812}


@pytest.mark.e2e
def test_employee_reads_and_downloads_their_data(page, new_context, live_server, pegawai, password):
    Appraisal.objects.create(
        employee=pegawai.employee,
        year=2026,
        period=Appraisal.Period.ANNUAL,
        hasil_kerja="sesuai",
        perilaku_kerja="di_bawah",
        predikat="butuh_perbaikan",
        adaptif="di_bawah",
        notes="Perlu lebih terbuka pada cara kerja baru.",
    )
    notify(user=pegawai, kind=Kind.APPRAISAL_UPDATED, key="appraisal:2026", title="Penilaian SKP 2026 diperbarui")

    log_in(page, live_server, pegawai.username, password)
    page.goto(f"{live_server.url}/dasbor/")
    page.get_by_role("link", name="Data saya: lihat dan unduh semua data pribadi Anda").click()
    expect(page.get_by_role("heading", name="Data saya", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Penilaian SKP dan penugasan")).to_be_visible()
    expect(page.get_by_text(pegawai.employee.nip).first).to_be_visible()
    expect(page.get_by_text("Butuh Perbaikan")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_test_id("download").click()
    download = download_info.value
    assert download.suggested_filename.startswith("data-saya-") and download.suggested_filename.endswith(".json")
    with open(download.path(), encoding="utf-8") as file:
        data = json.load(file)
    assert data["employee"]["nip"] == pegawai.employee.nip
    assert data["appraisals"]["appraisals"][0]["adaptif"] == "Di bawah ekspektasi"

    phone = new_context(viewport=SMALL_PHONE).new_page()
    log_in(phone, live_server, pegawai.username, password)
    phone.goto(f"{live_server.url}/akun/data-saya/")
    assert no_sideways_scroll(phone) == 0
    screenshot(phone, "my-data-phone")
