"""The must-read flow as users see it in Chromium.

HR (password + TOTP) writes an article in the Wagtail admin under /perubahan/, marks it "wajib
dibaca" with a deadline, aims it at the employee's unit and publishes it. The employee finds it on
/dasbor/, reads it, confirms "saya sudah membaca dan memahami", and sees the time it was recorded;
the hub and the FAQ are checked on a phone too.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portal.change.models import Acknowledgement, ChangeArticlePage, ChangeHubPage, FAQPage

from ..change.conftest import make_change_article, make_hub_page
from ..change.test_hub import FAQ_BODY
from .conftest import PHONE, autosave_settled, screenshot
from .test_courses import log_in, no_sideways_scroll, settled_popups, totp_code

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Jadwal dialog kinerja Diskominfo"


def hr_log_in(page, live_server, hr, password):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(hr, secret)
    log_in(page, live_server, hr.username, password)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Masuk", exact=True).click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))


def publish(page):
    """The footer's "Terbitkan" (publish) action, in the "more actions" menu when it is not the main button."""
    button = page.locator("footer button[name=action-publish]")
    if not button.is_visible():
        page.locator("footer [data-controller~=w-dropdown]:has(button[name=action-publish])").locator(
            "[data-w-dropdown-target=toggle]"
        ).click()
        settled_popups(page)
    expect(button).to_be_visible()
    with page.expect_navigation():
        button.click()


@pytest.mark.e2e
def test_hr_publishes_a_must_read_and_the_employee_confirms_it(new_context, live_server, hr, pegawai, unit, password):
    hub = ChangeHubPage.objects.get()
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    admin = f"{live_server.url}/admin"

    # HR writes the article under the hub.
    editor = new_context().new_page()
    hr_log_in(editor, live_server, hr, password)
    editor.goto(f"{admin}/pages/{hub.pk}/")
    expect(editor.locator("h1")).to_contain_text("Perubahan")
    editor.goto(f"{admin}/pages/add/change/changearticlepage/{hub.pk}/")
    editor.fill("input[name=title]", TITLE)
    editor.fill("textarea[name=intro]", "Mulai bulan ini, setiap pegawai Diskominfo berdialog dengan atasannya.")
    editor.select_option("select[name=topic]", "perubahan")
    editor.locator("button.c-sf-add-button").first.click()
    editor.get_by_role("option", name="Paragraf", exact=True).click()
    body = editor.locator("[data-contentpath] .public-DraftEditor-content").first
    expect(body).to_be_visible()
    body.click()
    editor.keyboard.type("Siapkan kemajuan, kendala dan rencana pengembangan Anda sebelum dialog.")
    screenshot(editor, "change-admin-article-content")

    # Settings: must-read with a deadline, for the employee's unit.
    editor.locator("a[role=tab][href='#tab-settings'], [role=tab]:has-text('Pengaturan')").first.click()
    editor.check("input[name=must_read]")
    editor.fill("input[name=must_read_deadline]", deadline.isoformat())
    editor.keyboard.press("Escape")
    units = editor.locator("[name=target_units]")
    if units.first.evaluate("element => element.tagName") == "SELECT":
        units.select_option(str(unit.pk))
    else:
        editor.check(f"input[name=target_units][value='{unit.pk}']")
    screenshot(editor, "change-admin-article-settings")
    autosave_settled(editor)
    publish(editor)
    screenshot(editor, "change-admin-article-published")

    article = ChangeArticlePage.objects.get(title=TITLE)
    assert article.live and article.must_read and article.must_read_deadline == deadline
    assert list(article.target_units.all()) == [unit]
    assert article.get_latest_revision() is not None and article.url.startswith("/perubahan/")

    # The employee: the dashboard lists it as a pending must-read.
    page = new_context().new_page()
    log_in(page, live_server, pegawai.username, password)
    expect(page).to_have_url(f"{live_server.url}/dasbor/")
    must_reads = page.locator("section[aria-labelledby=mustread-title]")
    expect(must_reads).to_contain_text("1 artikel menunggu konfirmasi Anda.")
    expect(must_reads.get_by_role("link", name=TITLE)).to_be_visible()
    screenshot(page, "change-dashboard-must-read")

    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True, storage_state=page.context.storage_state())
    phone_page = phone.new_page()
    phone_page.goto(f"{live_server.url}/dasbor/")
    expect(phone_page.locator("section[aria-labelledby=mustread-title]")).to_contain_text(TITLE)
    overflow = {"dasbor": no_sideways_scroll(phone_page)}
    screenshot(phone_page, "change-dashboard-must-read-phone")

    # Reads it and confirms.
    must_reads.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".tags")).to_contain_text("Untuk Anda")
    expect(page.get_by_test_id("must-read-note")).to_contain_text(str(deadline.year))
    screenshot(page, "change-article-before-confirm")
    phone_page.goto(page.url)
    overflow["artikel"] = no_sideways_scroll(phone_page)
    screenshot(phone_page, "change-article-before-confirm-phone")

    page.get_by_role("button", name="Saya sudah membaca dan memahami").click()
    expect(page.locator(".messages")).to_contain_text("Terima kasih, konfirmasi Anda tercatat pada")
    acknowledgement = Acknowledgement.objects.get(employee=pegawai.employee, article=article)
    recorded = timezone.localtime(acknowledgement.acknowledged_at).strftime("%H.%M")
    expect(page.get_by_test_id("acknowledged")).to_contain_text(recorded)
    expect(page.get_by_role("button", name="Saya sudah membaca dan memahami")).to_have_count(0)
    screenshot(page, "change-article-confirmed")
    phone_page.goto(page.url)
    expect(phone_page.get_by_test_id("acknowledged")).to_contain_text(recorded)
    overflow["artikel dikonfirmasi"] = no_sideways_scroll(phone_page)
    screenshot(phone_page, "change-article-confirmed-phone")

    # Back on the dashboard, nothing is pending.
    page.goto(f"{live_server.url}/dasbor/")
    expect(must_reads).to_contain_text("Tidak ada bacaan wajib yang menunggu konfirmasi.")
    screenshot(page, "change-dashboard-after-confirm")

    # The hub and a searched FAQ, on a phone as on a desktop.
    make_change_article("Mengapa SKP berubah?", intro="Alasan perubahan sistem manajemen kinerja.")
    faq = make_hub_page(FAQPage, "Tanya jawab SKP baru", intro="Pertanyaan yang sering diajukan.", body=FAQ_BODY)
    page.goto(f"{live_server.url}/perubahan/")
    expect(page.locator("section[aria-labelledby=for-you-title]")).to_contain_text(TITLE)
    screenshot(page, "change-hub")
    phone_page.goto(f"{live_server.url}/perubahan/")
    overflow["hub"] = no_sideways_scroll(phone_page)
    screenshot(phone_page, "change-hub-phone")
    phone_page.goto(f"{live_server.url}{faq.url}")
    phone_page.get_by_label("Cari pertanyaan atau jawaban").fill("skp")
    phone_page.get_by_role("button", name="Cari", exact=True).click()
    expect(phone_page.get_by_test_id("faq-count")).to_contain_text("2 dari 3 pertanyaan")
    expect(phone_page.locator("details[open]")).to_have_count(2)
    overflow["faq"] = no_sideways_scroll(phone_page)
    screenshot(phone_page, "change-faq-search-phone")

    assert all(pixels <= 0 for pixels in overflow.values()), f"sideways scroll on a phone: {overflow}"
