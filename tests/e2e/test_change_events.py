"""A sosialisasi event as people use it in Chromium.

- The employee opens the event, registers (the seats left go down), cancels, and registers again.
- HR logs in with password + TOTP, opens the attendance list in the admin, marks the employee
  present, and opens the printable sign-in sheet.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portal.change.models import EventRegistration
from portal.change.services.events import registration_create

from ..change.conftest import make_change_event
from ..factories import EmployeeFactory
from .conftest import PHONE, screenshot
from .test_courses import log_in, no_sideways_scroll, totp_code

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_employee_registers_and_hr_marks_attendance(page, new_context, live_server, pegawai, hr, unit, password):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    # At 09.00 WIB in three days, as a real session would be.
    day = timezone.localdate() + datetime.timedelta(days=3)
    starts_in = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9))) - timezone.now()
    event = make_change_event(
        "Sosialisasi SKP Baru untuk Pegawai",
        starts_in=starts_in,
        hours=3,
        capacity=10,
        location="Aula Lantai 3 Kantor Wali Kota Pangkalpinang, Jl. Merdeka No. 4",
        online_url="https://zoom.us/j/86120264017",
    )
    for colleague in EmployeeFactory.create_batch(2, unit=unit):
        registration_create(employee=colleague, event=event)
    seats = page.locator("[data-testid=seats-left]")

    # The employee finds the event: when, where, 8 of 10 seats left, the link kept for registrants.
    log_in(page, live_server, pegawai.employee.nip, password)
    page.goto(f"{live_server.url}{event.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sosialisasi SKP Baru untuk Pegawai")
    expect(page.locator("[data-testid=event-when]")).to_contain_text("09.00–12.00 WIB")
    expect(seats).to_contain_text("8 kursi tersisa")
    expect(page.locator(".event-facts")).to_contain_text("Tautan diberikan setelah Anda mendaftar")
    screenshot(page, "event-before-register")

    page.get_by_role("button", name="Daftar acara ini").click()
    expect(page.locator(".messages")).to_contain_text("Anda terdaftar di acara Sosialisasi SKP Baru untuk Pegawai")
    expect(page.locator("[data-testid=registration-status]")).to_contain_text("Anda terdaftar")
    expect(seats).to_contain_text("7 kursi tersisa")
    expect(page.get_by_role("link", name="https://zoom.us/j/86120264017")).to_be_visible()
    screenshot(page, "event-registered")

    # The same page on a phone.
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True, storage_state=page.context.storage_state())
    phone_page = phone.new_page()
    phone_page.goto(f"{live_server.url}{event.url}")
    expect(phone_page.locator("[data-testid=registration-status]")).to_contain_text("Anda terdaftar")
    phone_overflow = no_sideways_scroll(phone_page)
    screenshot(phone_page, "event-registered-phone")

    # Cancel, then change one's mind and register again.
    page.get_by_role("button", name="Batalkan pendaftaran").click()
    expect(page.locator(".messages")).to_contain_text("Pendaftaran Anda dibatalkan")
    expect(seats).to_contain_text("8 kursi tersisa")
    expect(page.get_by_role("button", name="Daftar acara ini")).to_be_visible()
    screenshot(page, "event-cancelled")
    page.get_by_role("button", name="Daftar acara ini").click()
    expect(seats).to_contain_text("7 kursi tersisa")
    registration = EventRegistration.objects.get(event=event, employee=pegawai.employee)
    assert registration.is_active and not registration.attended

    # HR: password, then the TOTP code; the list of events, then this event's attendance list.
    secret = generate_totp_secret()
    TOTP.activate(hr, secret)
    admin = new_context().new_page()
    log_in(admin, live_server, hr.username, password)
    expect(admin).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    admin.fill("input[name=code]", totp_code(secret))
    with admin.expect_navigation():
        admin.locator("main").get_by_role("button", name="Masuk", exact=True).click()
    admin.goto(f"{live_server.url}/admin/perubahan/acara/")
    expect(admin.get_by_role("heading", level=1)).to_contain_text("Daftar hadir acara")
    row = admin.locator("tr", has_text="Sosialisasi SKP Baru untuk Pegawai")
    expect(row).to_contain_text("3 / 10")
    screenshot(admin, "hr-event-list")
    row.get_by_role("link", name="Sosialisasi SKP Baru untuk Pegawai").click()
    expect(admin.locator("table.listing tbody tr")).to_have_count(3)
    present = admin.get_by_label(f"Hadir: {pegawai.employee.name}")
    expect(present).not_to_be_checked()
    present.check()
    screenshot(admin, "hr-event-attendance")
    admin.get_by_role("button", name="Simpan kehadiran").click()
    expect(admin.locator("body")).to_contain_text("Kehadiran disimpan: 1 hadir, 2 tidak hadir.")
    expect(admin.get_by_label(f"Hadir: {pegawai.employee.name}")).to_be_checked()
    expect(admin.locator("[data-testid=attended]")).to_have_text("1")
    screenshot(admin, "hr-event-attendance-saved")
    registration.refresh_from_db()
    assert registration.attended and registration.attendance_marked_at is not None

    # The sign-in sheet, on screen and as it prints.
    with admin.context.expect_page() as sheet_info:
        admin.get_by_role("link", name="Cetak lembar tanda tangan").click()
    sheet = sheet_info.value
    sheet.wait_for_load_state()
    expect(sheet.get_by_role("heading", level=1)).to_have_text("Daftar Hadir")
    expect(sheet.locator("tbody tr")).to_have_count(3 + 5)  # the registrants and five blank rows
    expect(sheet.locator("tbody")).to_contain_text(pegawai.employee.nip)
    screenshot(sheet, "hr-event-sign-in-sheet")
    sheet.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi, as it goes to paper
    sheet.emulate_media(media="print")
    expect(sheet.get_by_role("button", name="Cetak")).to_be_hidden()
    screenshot(sheet, "hr-event-sign-in-sheet-print")

    assert phone_overflow <= 0, f"the event page scrolls sideways by {phone_overflow}px on a phone"
