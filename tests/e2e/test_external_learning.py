"""Learning outside the portal in the browser: an employee records a bimtek with its certificate on a
phone, the supervisor verifies it from the notification, the JP move on the employee's dashboard and
in HR's JP compliance report, and HR finds it with its certificate number in the history for SIASN."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from competency.models import Gap

from ..appraisal_link.test_gaps_and_assignments import appraise
from .conftest import screenshot
from .test_courses import log_in, log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_375 = {"width": 375, "height": 740}
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.e2e
def test_a_bimtek_recorded_verified_and_counted(new_context, live_server, pegawai, atasan, hr, password, tmp_path):
    from appraisal_link.models import Rating

    appraise(pegawai.employee, year=datetime.date.today().year, adaptif=Rating.BELOW)  # a gap in change
    certificate = tmp_path / "sertifikat-bimtek.pdf"
    certificate.write_bytes(PDF)
    today = datetime.date.today()

    page = new_context(viewport=PHONE_375, is_mobile=True, has_touch=True).new_page()
    log_in(page, live_server, pegawai.username, password)
    page.get_by_role("link", name=re.compile("Catat bimtek, workshop")).click()
    page.get_by_role("link", name="Catat pengembangan").click()
    page.get_by_label("Bentuk pengembangan").select_option("bimtek")
    page.get_by_label("Nama kegiatan").fill("Bimtek Manajemen Perubahan")
    page.get_by_label("Penyelenggara").fill("BPSDM Provinsi Kepulauan Bangka Belitung")
    page.get_by_label("Tanggal mulai").fill(today.isoformat())
    page.get_by_label("Tanggal selesai").fill(today.isoformat())
    page.get_by_label("Jumlah JP").fill("16")
    page.get_by_role("group", name="Kompetensi yang dikembangkan").get_by_label("Mengelola Perubahan").check()
    page.get_by_label("Sertifikat atau bukti").set_input_files(str(certificate))
    page.get_by_label("Nomor sertifikat").fill("800/45/BPSDM/2026")
    page.get_by_label("Tanggal sertifikat").fill(today.isoformat())
    page.get_by_role("button", name="Kirim untuk verifikasi").click()
    expect(page.get_by_text(re.compile("tercatat dan menunggu verifikasi"))).to_be_visible()
    expect(page.get_by_test_id("outside-activities")).to_contain_text("Menunggu verifikasi")
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    screenshot(page, "external-recorded-phone")

    boss = new_context().new_page()
    log_in_with_totp(boss, live_server, atasan, password)
    boss.goto(f"{live_server.url}/notifikasi/")
    recorded = re.compile("^Pengguna .* mencatat pengembangan: Bimtek Manajemen Perubahan")
    boss.get_by_role("button", name=recorded).click()
    pending = boss.get_by_test_id("pending-activity")
    expect(pending).to_contain_text("BPSDM Provinsi Kepulauan Bangka Belitung")
    expect(pending).to_contain_text("800/45/BPSDM/2026")
    with boss.expect_popup() as proof:
        pending.get_by_role("link", name=re.compile("Buka bukti")).click()
    assert proof.value.url.endswith("/bukti/")
    screenshot(boss, "external-verify")
    boss.get_by_role("button", name=re.compile("^Verifikasi")).click()
    expect(boss.get_by_text(re.compile("diverifikasi, 16 JP dihitung"))).to_be_visible()
    gaps = Gap.objects.filter(employee=pegawai.employee, competency__code="mengelola-perubahan")
    assert not gaps.filter(status=Gap.Status.OPEN).exists()

    page.goto(f"{live_server.url}/dasbor/")
    expect(page.locator(".big-number")).to_contain_text("16")
    expect(page.get_by_test_id("jp-sources")).to_contain_text("16 JP dari pengembangan di luar portal")
    screenshot(page, "external-dashboard-phone")

    staff = new_context().new_page()
    log_in_with_totp(staff, live_server, hr, password)
    staff.get_by_role("button", name="Laporan SDM").click()
    staff.get_by_role("link", name="Kepatuhan JP").click()
    expect(staff.get_by_role("row", name=re.compile(pegawai.employee.nip))).to_contain_text("16")
    screenshot(staff, "external-hr-jp-report")

    # The same record, ready for SIASN, with the number the employee gave.
    staff.get_by_role("button", name="Laporan SDM").click()
    staff.get_by_role("link", name="Riwayat diklat (SIASN)").click()
    staff.get_by_label("NIP seorang pegawai").fill(pegawai.employee.nip)
    staff.get_by_role("button", name="Tampilkan").click()
    row = staff.get_by_test_id("training-history").get_by_role("row", name=re.compile("Bimtek Manajemen Perubahan"))
    expect(row).to_contain_text("800/45/BPSDM/2026")
    expect(row).to_contain_text(today.strftime("%d-%m-%Y"))
    screenshot(staff, "external-hr-siasn-history")
