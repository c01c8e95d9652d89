"""Browser: an employee finishes a portal course and has a bimtek verified by their supervisor; HR
opens Laporan SDM > Riwayat diklat (SIASN), asks for that employee's history by NIP, sees both
records and downloads them as XLSX in SIASN's columns; a mistyped NIP is refused with a message; on
a phone the filters still work; no serious accessibility problem."""

import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from courses.development.services import activity_verify

from ..appraisal_link.test_training_history import complete, outside
from .axe import describe, serious_violations
from .conftest import screenshot
from .test_courses import log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_hr_exports_an_employees_training_history_for_siasn(new_context, live_server, hr, pegawai, atasan, password):
    certificate = complete(pegawai.employee, "Keamanan Digital", jp=4)
    activity_verify(activity=outside(pegawai.employee, "Bimtek Keamanan Siber", by=atasan, verified=False), by=atasan)
    nip = pegawai.employee.nip

    staff = new_context(bypass_csp=True).new_page()
    log_in_with_totp(staff, live_server, hr, password)
    staff.get_by_role("button", name="Laporan SDM").click()
    staff.get_by_role("link", name="Riwayat diklat (SIASN)").click()
    expect(staff.get_by_role("heading", name="Riwayat diklat untuk SIASN")).to_be_visible()
    expect(staff.get_by_label("Selesai sejak")).to_have_value(f"{timezone.localdate().year}-01-01")

    staff.get_by_label("NIP seorang pegawai").fill("199001012020121999")
    staff.get_by_role("button", name="Tampilkan").click()
    expect(staff.get_by_text("Tidak ada pegawai dengan NIP 199001012020121999.")).to_be_visible()
    screenshot(staff, "siasn-history-unknown-nip")

    staff.get_by_label("NIP seorang pegawai").fill(nip)
    staff.get_by_role("button", name="Tampilkan").click()
    table = staff.get_by_test_id("training-history")
    expect(table.get_by_role("row", name=re.compile("Keamanan Digital"))).to_contain_text(certificate.code)
    expect(table.get_by_role("row", name=re.compile("Bimtek Keamanan Siber"))).to_contain_text("BSSN")
    found = serious_violations(staff)
    assert not found, describe(found)
    screenshot(staff, "siasn-history-employee")

    with staff.expect_download() as download_info:
        staff.get_by_role("link", name="Unduh XLSX").click()
    download = download_info.value
    assert download.suggested_filename.startswith("riwayat-diklat-siasn-")
    with open(download.path(), "rb") as file:
        rows = list(load_workbook(io.BytesIO(file.read())).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("NIP", "Nama", "Unit kerja", "Nama diklat/kursus")
    assert {row[3] for row in rows[1:]} == {"Keamanan Digital", "Bimtek Keamanan Siber"}
    assert all(row[0] == nip for row in rows[1:])

    signed_in = staff.context.storage_state()
    phone = new_context(
        storage_state=signed_in, viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
    ).new_page()
    phone.goto(f"{live_server.url}/admin/sdm/laporan/riwayat-diklat/")
    phone.get_by_label("NIP seorang pegawai").fill(nip)
    phone.get_by_role("button", name="Tampilkan").click()
    expect(phone.get_by_role("link", name="Unduh CSV")).to_be_visible()
    expect(phone.get_by_test_id("training-history")).to_contain_text("Keamanan Digital")
    screenshot(phone, "siasn-history-phone")
