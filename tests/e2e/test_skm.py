"""The public satisfaction survey as a citizen meets it on a phone (the QR address at the counter,
nine answers, thanks), and as HR sees the index move and moderates the suggestion."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appraisal_link.feedback.models import ServicePoint, SurveyResponse

from .conftest import screenshot
from .test_courses import log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_375 = {"width": 375, "height": 740}
PAGE_BUDGET = 60 * 1024  # a citizen on a slow connection: the page, its stylesheets and script


@pytest.mark.e2e
def test_a_citizen_rates_a_service_on_a_phone_and_hr_sees_the_index_move(new_context, live_server, unit, hr, password):
    ServicePoint.objects.create(unit=unit, name="Perekaman KTP-el", code="ktp-el")
    month = timezone.localdate().strftime("%Y-%m")

    # HR first: this month, nothing yet.
    staff = new_context().new_page()
    log_in_with_totp(staff, live_server, hr, password)
    staff.get_by_role("button", name="Survei kepuasan").click()
    staff.get_by_role("link", name="Indeks kepuasan (IKM)").click()
    staff.get_by_label("Periode").select_option(month)
    staff.get_by_role("button", name="Tampilkan").click()
    row = staff.get_by_role("row", name="Perekaman KTP-el")
    expect(row).to_contain_text("—")

    # The citizen scans the poster's QR code: the form's address, on a phone, no login.
    phone = new_context(viewport=PHONE_375, is_mobile=True, has_touch=True)
    citizen = phone.new_page()
    weight = {"bytes": 0}

    def count(response):
        if response.request.resource_type in ("document", "stylesheet", "script"):
            weight["bytes"] += len(response.body())

    citizen.on("response", count)
    citizen.goto(f"{live_server.url}/survei-kepuasan/ktp-el/")
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Perekaman KTP-el")
    assert weight["bytes"] < PAGE_BUDGET, weight
    assert citizen.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    screenshot(citizen, "skm-form-phone-375")

    # Sending it half-filled: told what is missing, nothing stored.
    citizen.get_by_role("group", name="1. Persyaratan").get_by_text("Sangat sesuai").tap()
    citizen.get_by_role("button", name="Kirim penilaian").tap()
    expect(citizen.get_by_test_id("problem")).to_contain_text("Waktu penyelesaian")
    assert not SurveyResponse.objects.exists()
    screenshot(citizen, "skm-form-phone-errors")

    answers = {
        "2. Sistem, mekanisme dan prosedur": "Sangat mudah",
        "3. Waktu penyelesaian": "Sangat cepat",
        "4. Biaya/tarif": "Gratis",
        "5. Produk spesifikasi jenis pelayanan": "Sangat sesuai",
        "6. Kompetensi pelaksana": "Sangat kompeten",
        "7. Perilaku pelaksana": "Kurang sopan dan ramah",
        "8. Penanganan pengaduan, saran dan masukan": "Dikelola dengan baik",
        "9. Sarana dan prasarana": "Sangat baik",
    }
    for group, words in answers.items():
        citizen.get_by_role("group", name=group).get_by_text(words, exact=True).tap()
    citizen.get_by_label("Perempuan").tap()
    citizen.get_by_label("Usia").select_option(label="30–39 tahun")
    citizen.get_by_label("Saran atau masukan").fill("Petugas loket 2 membentak. Hubungi saya 0812-7788-9900.")
    citizen.get_by_role("button", name="Kirim penilaian").tap()
    expect(citizen.get_by_test_id("thanks")).to_contain_text("Perekaman KTP-el")
    screenshot(citizen, "skm-thanks-phone")

    # The same phone again today: thanked, not counted twice.
    citizen.goto(f"{live_server.url}/survei-kepuasan/ktp-el/")
    citizen.get_by_role("group", name="1. Persyaratan").get_by_text("Tidak sesuai", exact=True).tap()
    for group in answers:
        citizen.get_by_role("group", name=group).locator("input").first.check()
    citizen.get_by_role("button", name="Kirim penilaian").tap()
    expect(citizen.get_by_test_id("already")).to_be_visible()
    assert SurveyResponse.objects.count() == 1

    # HR sees the index move: 8 elements at 4 and one at 2 → NRR mean 3.78 → IKM 94.44, A.
    staff.reload()
    expect(row).to_contain_text("94,44")
    expect(row).to_contain_text("Perilaku pelaksana")  # the weakest element
    row.get_by_role("link", name="Perekaman KTP-el").click()
    expect(staff.get_by_test_id("ikm")).to_have_text("94,44")
    expect(staff.get_by_role("progressbar", name="Perilaku pelaksana")).to_have_attribute("value", "2.00")
    screenshot(staff, "hr-skm-service-point")

    # The suggestion waits for moderation, its phone number already masked.
    staff.get_by_role("button", name="Survei kepuasan").click()
    staff.get_by_role("link", name="Moderasi saran").click()
    suggestions = staff.get_by_test_id("suggestions")
    expect(suggestions).to_contain_text("Hubungi saya [nomor telepon disamarkan].")
    expect(suggestions).not_to_contain_text("7788")
    suggestions.get_by_role("checkbox").check()
    staff.get_by_role("button", name="Terbitkan yang dipilih").click()
    expect(staff.get_by_text("1 saran diterbitkan.")).to_be_visible()
    assert SurveyResponse.objects.get().suggestion_status == SurveyResponse.Suggestion.PUBLISHED


@pytest.mark.e2e
def test_the_home_page_leads_a_citizen_to_the_survey(page, live_server, unit):
    ServicePoint.objects.create(unit=unit, name="Kartu Keluarga", code="kk")
    page.goto(live_server.url)
    page.get_by_role("link", name="Survei kepuasan masyarakat").first.click()
    page.get_by_role("link", name="Kartu Keluarga").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kartu Keluarga")


@pytest.mark.e2e
def test_a_unit_head_adds_a_service_point_on_a_phone(new_context, live_server, unit, atasan, pegawai, password):
    page = new_context(viewport=PHONE_375, is_mobile=True, has_touch=True).new_page()
    log_in_with_totp(page, live_server, atasan, password)
    page.goto(f"{live_server.url}/tim/")
    page.get_by_role("link", name="Survei kepuasan masyarakat unit saya").click()
    page.get_by_role("link", name="Tambah titik layanan").click()
    page.get_by_label("Nama layanan").fill("Pendaftaran Pasien")
    page.get_by_label("Kode singkat").fill("pendaftaran")
    page.get_by_role("group", name="Jabatan pelaksana layanan").get_by_label(pegawai.employee.position.name).check()
    page.get_by_role("button", name="Buat titik layanan").click()
    expect(page.get_by_text("Titik layanan “Pendaftaran Pasien” dibuat.", exact=False)).to_be_visible()
    page.get_by_label("Periode").fill("2026-S1")
    page.get_by_role("spinbutton", name="Jumlah orang yang dilayani").fill("1200")
    page.get_by_role("button", name="Simpan jumlah").click()
    expect(page.get_by_text("Periode 2026-S1: 1200 orang dilayani.")).to_be_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    screenshot(page, "skm-unit-head-point-phone")
    page.get_by_role("link", name="/survei-kepuasan/pendaftaran/").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pendaftaran Pasien")
    point = ServicePoint.objects.get(code="pendaftaran")
    assert point.unit == unit and point.populations.get().population == 1200
