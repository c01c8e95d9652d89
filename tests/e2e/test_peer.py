"""A peer (360°) round in the browser, from the supervisor's choice of raters through the colleagues'
answers (opened from their notification, one on a phone) to the results, with the three-answer
threshold holding for the colleague who got only two."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from appraisal_link.feedback.models import PeerReview, PeerRound
from appraisal_link.feedback.peer import peer_round_open, peer_round_publish

from .conftest import screenshot
from .test_courses import log_in, log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_375 = {"width": 375, "height": 740}


@pytest.mark.e2e
def test_a_peer_round_from_invitation_to_results(new_context, live_server, unit, atasan, make_person, password):
    today = datetime.date.today()
    p = make_person(supervisor=atasan.employee, first_name="Putri").employee
    q = make_person(supervisor=atasan.employee, first_name="Qori").employee
    raters = [make_person(supervisor=atasan.employee, first_name=f"Rekan{n}") for n in range(3)]
    round_ = PeerRound.objects.create(name="2026-1", opens_on=today, closes_on=today + datetime.timedelta(days=7))
    round_.units.add(unit)
    peer_round_open(round_=round_)

    # The supervisor picks three colleagues for Putri and two (plus Putri) for Qori.
    boss = new_context().new_page()
    log_in_with_totp(boss, live_server, atasan, password)
    boss.goto(f"{live_server.url}/tim/")
    boss.get_by_role("link", name=re.compile("pilih rekan penilai")).click()
    putri = boss.get_by_role("group", name="Rekan penilai untuk Putri")
    for rater in raters:
        putri.get_by_label(re.compile(rater.first_name)).check()
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

    # BKPSDM closes and publishes the round.
    round_.opens_on = round_.closes_on = today - datetime.timedelta(days=1)
    round_.save()
    peer_round_publish(round_=round_)

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
