"""A peer (360°) round in the browser, from the supervisor's choice of raters through the colleagues'
answers (opened from their notification, one on a phone) to the results, with the three-answer
threshold holding for the colleague who got only two."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from appraisal_link.feedback.models import PeerReview, PeerRound

from .conftest import screenshot
from .test_courses import log_in, log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_375 = {"width": 375, "height": 740}


@pytest.mark.e2e
def test_a_peer_round_from_invitation_to_results(new_context, live_server, unit, atasan, hr, make_person, password):
    today = datetime.date.today()
    p = make_person(supervisor=atasan.employee, first_name="Putri").employee
    q = make_person(supervisor=atasan.employee, first_name="Qori").employee
    raters = [make_person(supervisor=atasan.employee, first_name=f"Rekan{n}") for n in range(3)]

    # BKPSDM opens the round in the admin and enrols the unit's people.
    staff = new_context().new_page()
    log_in_with_totp(staff, live_server, hr, password)
    staff.get_by_role("link", name="Umpan balik rekan").click()
    staff.get_by_role("link", name=re.compile("^Tambah")).first.click()
    staff.get_by_role("textbox", name=re.compile("^Nama putaran")).fill("2026-1")
    staff.locator("#id_units").select_option(label=unit.name)
    staff.get_by_role("textbox", name=re.compile("^Dibuka")).fill(today.isoformat())
    staff.get_by_role("textbox", name=re.compile("^Ditutup")).fill((today + datetime.timedelta(days=7)).isoformat())
    staff.keyboard.press("Escape")  # the date picker
    staff.get_by_role("button", name="Buat", exact=True).click()
    expect(staff.get_by_text(re.compile("Putaran 2026-1 dibuat"))).to_be_visible()
    staff.get_by_role("button", name="Siapkan peserta").click()
    expect(staff.get_by_text(re.compile(r"\d+ pegawai ditambahkan ke putaran 2026-1"))).to_be_visible()
    screenshot(staff, "peer-hr-round-opened")
    round_ = PeerRound.objects.get(name="2026-1")

    # Putri learns of the round from the bell and proposes three colleagues.
    putri_page = new_context(viewport=PHONE_375, is_mobile=True, has_touch=True).new_page()
    log_in(putri_page, live_server, p.user.username, password)
    putri_page.goto(f"{live_server.url}/notifikasi/")
    putri_page.get_by_role("button", name="Putaran umpan balik rekan 2026-1 dibuka", exact=True).click()
    proposal = putri_page.get_by_role("group", name="Rekan yang saya usulkan")
    for rater in raters:
        proposal.get_by_label(re.compile(rater.first_name)).check()
    putri_page.get_by_role("button", name="Kirim usulan ke atasan").click()
    expect(putri_page.get_by_text("Usulan Anda terkirim ke atasan.", exact=False)).to_be_visible()
    assert putri_page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    screenshot(putri_page, "peer-employee-proposes-phone")

    # The supervisor opens the proposal from the bell: Putri's proposals are ticked; two (plus Putri) for Qori.
    boss = new_context().new_page()
    log_in_with_totp(boss, live_server, atasan, password)
    boss.goto(f"{live_server.url}/notifikasi/")
    boss.get_by_role("button", name="Putri mengusulkan rekan penilai (putaran 2026-1)", exact=True).click()
    putri = boss.get_by_role("group", name="Rekan penilai untuk Putri")
    for rater in raters:
        expect(putri.get_by_label(re.compile(rater.first_name))).to_be_checked()
    expect(putri.get_by_text("diusulkan")).to_have_count(3)
    boss.get_by_role("button", name="Simpan penilai Putri").click()
    expect(boss.get_by_text("Putri: 3 rekan penilai dipilih dan diundang.")).to_be_visible()
    qori = boss.get_by_role("group", name="Rekan penilai untuk Qori")
    for name in ("Rekan0", "Rekan1", "Putri"):
        qori.get_by_label(re.compile(name)).check()
    boss.get_by_role("button", name="Simpan penilai Qori").click()
    expect(boss.get_by_text("Qori: 3 rekan penilai dipilih dan diundang.")).to_be_visible()
    screenshot(boss, "peer-supervisor-raters")

    # Each colleague opens the invitation from the bell and answers; the last one on a phone.
    def rate(user, ratee, below, comment, phone=False):
        context = new_context(viewport=PHONE_375, is_mobile=True, has_touch=True) if phone else new_context()
        page = context.new_page()
        log_in(page, live_server, user.username, password)
        page.goto(f"{live_server.url}/notifikasi/")
        page.get_by_role("button", name=re.compile(f"Mohon nilai rekan Anda, {ratee}")).first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Nilai {ratee}")
        for group in page.get_by_role("group").all():
            legend = group.locator("legend").inner_text()
            words = "Di bawah ekspektasi" if any(value in legend for value in below) else "Sesuai ekspektasi"
            group.get_by_text(words, exact=True).click()
        page.get_by_label("Komentar (tidak wajib)").fill(comment)
        page.get_by_role("button", name="Kirim penilaian").click()
        expect(page.get_by_text("Terima kasih, penilaian Anda tersimpan tanpa nama.")).to_be_visible()
        return page

    rate(raters[0], "Putri", {"Adaptif"}, "Perlu lebih berani mencoba cara kerja baru.")
    rate(raters[1], "Putri", {"Adaptif"}, "")
    last = rate(raters[2], "Putri", set(), "Selalu membantu rekan.", phone=True)
    screenshot(last, "peer-rater-done-phone")
    rate(raters[0], "Qori", {"Adaptif"}, "Komentar untuk Qori.")
    rate(raters[1], "Qori", set(), "")

    # The round closes (its last day is moved to yesterday); BKPSDM sees the counts and publishes.
    round_.opens_on = round_.closes_on = today - datetime.timedelta(days=1)
    round_.save()
    staff.reload()
    progress = staff.get_by_test_id("total")
    expect(progress).to_contain_text("5")  # five answers in all, and no name anywhere on the page
    assert "Rekan0" not in staff.content() and "Putri" not in staff.content()
    staff.get_by_role("button", name="Terbitkan hasil").click()
    expect(staff.get_by_text(re.compile("Hasil putaran 2026-1 diterbitkan: 1 pegawai mendapat hasil"))).to_be_visible()
    screenshot(staff, "peer-hr-published")

    # Putri, on her phone: the result of three colleagues, Adaptif to develop, comments unnamed.
    page = new_context(viewport=PHONE_375, is_mobile=True, has_touch=True).new_page()
    log_in(page, live_server, p.user.username, password)
    page.goto(f"{live_server.url}/notifikasi/")
    page.get_by_role("button", name="Hasil umpan balik rekan putaran 2026-1", exact=True).click()
    result = page.get_by_test_id("peer-result")
    expect(result).to_contain_text("Penilaian 3 rekan")
    expect(result.get_by_role("row", name=re.compile("Adaptif"))).to_contain_text("perlu dikembangkan")
    expect(page.get_by_text("Perlu lebih berani mencoba cara kerja baru.")).to_be_visible()
    assert "Rekan0" not in page.content()
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    screenshot(page, "peer-results-phone")
    page.goto(f"{live_server.url}/kompetensi-saya/")
    expect(page.get_by_text(re.compile("umpan balik rekan, putaran 2026-1: Adaptif"))).to_be_visible()

    # Qori got two answers: nothing is shown, not even the comment.
    page = new_context().new_page()
    log_in(page, live_server, q.user.username, password)
    page.goto(f"{live_server.url}/umpan-balik/")
    expect(page.get_by_test_id("peer-no-result")).to_be_visible()
    expect(page.get_by_text("Komentar untuk Qori.")).to_have_count(0)
    assert PeerReview.objects.get(employee=q).ballots.count() == 2
