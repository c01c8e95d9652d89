"""Browser: a file whose new NIP is one digit off a registered employee's is refused until HR,
on the job's page, confirms the flagged NIP and imports the same file again."""

import pytest
from playwright.sync_api import expect

from portal.people.models import Employee

from ..appraisal_link.conftest import csv_bytes, record
from .conftest import screenshot
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def one_digit_off(nip: str) -> str:
    last = str((int(nip[-1]) + 1) % 10 or 1)
    return nip[:-1] + last


@pytest.mark.e2e
def test_hr_confirms_a_lookalike_nip_and_imports_the_same_file(
    new_context, live_server, hr, pegawai, password, tmp_path
):
    employee = pegawai.employee
    mistyped = one_digit_off(employee.nip)
    newcomer = {
        "nip": mistyped,
        "nama": "Dewi Kartika",
        "unit_kerja": employee.unit.name,
        "jabatan": employee.position.name,
        "tahun": 2026,
    }
    path = tmp_path / "penilaian-baru.csv"
    path.write_bytes(csv_bytes([record(**newcomer)], delimiter=";", bom=True))

    page = new_context(viewport={"width": 375, "height": 812}).new_page()
    hr_log_in(page, live_server, hr, password)
    page.goto(f"{live_server.url}/admin/penilaian/impor/")
    page.set_input_files("input[name=berkas]", str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Unggah dan impor").click()
    expect(page.get_by_test_id("status")).to_contain_text("Gagal", timeout=15_000)
    expect(page.get_by_test_id("lookalike-note")).to_be_visible()
    expect(page.get_by_text("mirip dengan pegawai terdaftar").first).to_be_visible()
    screenshot(page, "hr-import-lookalike-refused-phone")
    assert not Employee.objects.filter(nip=mistyped).exists()

    # "Impor sekarang" without the tick is refused with a message; with it, the same file is imported.
    with page.expect_navigation():
        page.get_by_test_id("import-now").click()
    expect(page.get_by_text("Centang konfirmasi bahwa NIP baru")).to_be_visible()
    page.get_by_label("NIP baru yang ditandai di bawah sudah saya periksa").check()
    with page.expect_navigation():
        page.get_by_test_id("import-now").click()
    expect(page.get_by_test_id("status")).to_contain_text("Berhasil", timeout=15_000)
    expect(page.get_by_test_id("created")).to_have_text("1")
    expect(page.get_by_text("atas konfirmasi pengimpor").first).to_be_visible()
    screenshot(page, "hr-import-lookalike-confirmed-phone")
    assert Employee.objects.get(nip=mistyped).name == "Dewi Kartika"
