"""Browser: an employee sees the bell's count, opens the list, marks one read, then all."""

import pytest
from playwright.sync_api import expect

from portal.notifications.models import Kind, Notification
from portal.notifications.services import notify

from .conftest import PHONE, screenshot
from .test_courses import log_in, no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def bell(page):
    return page.locator("header a.bell")


@pytest.mark.e2e
def test_employee_reads_notifications(page, new_context, live_server, pegawai, password):
    notify(
        user=pegawai,
        kind=Kind.ASSIGNMENT_CREATED,
        key="assignment:1",
        title="Pelatihan ditugaskan: Literasi Data untuk ASN",
        body="BKPSDM menugaskan kursus ini karena penilaian 2025: Adaptif di bawah ekspektasi. "
        "Selesaikan sebelum 30 Juni 2026.",
        url="/kursus/",
    )
    notify(
        user=pegawai,
        kind=Kind.CERTIFICATE_ISSUED,
        key="certificate:1",
        title="Sertifikat terbit: Pelayanan Publik Prima",
        body="Sertifikat Anda dapat diunduh dari dasbor.",
        url="/dasbor/",
    )

    log_in(page, live_server, pegawai.username, password)
    expect(bell(page)).to_have_attribute("aria-label", "Notifikasi, 2 belum dibaca")
    expect(bell(page).locator(".bell-count")).to_have_text("2")
    screenshot(page, "notifications-bell")

    bell(page).click()
    expect(page).to_have_url(f"{live_server.url}/notifikasi/")
    expect(page.locator("li.notif-unread")).to_have_count(2)
    screenshot(page, "notifications-list")

    first = page.locator("li.notif", has_text="Sertifikat terbit: Pelayanan Publik Prima")
    with page.expect_navigation():
        first.get_by_role("button", name="Tandai dibaca").click()
    expect(bell(page).locator(".bell-count")).to_have_text("1")
    expect(bell(page)).to_have_attribute("aria-label", "Notifikasi, 1 belum dibaca")
    expect(page.locator("li.notif-unread")).to_have_count(1)
    screenshot(page, "notifications-one-read")

    phone = new_context(viewport=PHONE).new_page()
    log_in(phone, live_server, pegawai.username, password)
    phone.goto(f"{live_server.url}/notifikasi/")
    assert no_sideways_scroll(phone) == 0
    screenshot(phone, "notifications-list-phone")
    phone.goto(f"{live_server.url}/notifikasi/pengaturan/")
    assert no_sideways_scroll(phone) == 0
    screenshot(phone, "notifications-preferences-phone")

    with page.expect_navigation():
        page.get_by_role("button", name="Tandai semua dibaca").click()
    expect(page.get_by_text("1 notifikasi ditandai dibaca.")).to_be_visible()
    expect(bell(page).locator(".bell-count")).to_have_count(0)
    expect(bell(page)).to_have_attribute("aria-label", "Notifikasi, tidak ada yang belum dibaca")
    expect(page.locator("li.notif-unread")).to_have_count(0)
    screenshot(page, "notifications-all-read")

    # Opening a notification follows its link.
    with page.expect_navigation():
        page.get_by_role("button", name="Pelatihan ditugaskan: Literasi Data untuk ASN").click()
    expect(page).to_have_url(f"{live_server.url}/kursus/")
    assert not Notification.objects.filter(user=pegawai, read_at__isnull=True).exists()


@pytest.mark.e2e
def test_email_choices_are_kept(page, live_server, pegawai, password):
    log_in(page, live_server, pegawai.username, password)
    page.goto(f"{live_server.url}/notifikasi/pengaturan/")
    survey = page.get_by_label("Survei dibuka")
    expect(survey).to_be_checked()
    survey.uncheck()
    screenshot(page, "notifications-preferences")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Pengaturan e-mail disimpan.")).to_be_visible()
    expect(page.get_by_label("Survei dibuka")).not_to_be_checked()
    expect(page.get_by_label("Sertifikat terbit")).to_be_checked()
