"""Browser: HR watches the adoption dashboard while `pegawai` answers the open pulse survey.

Four colleagues of pegawai's unit have answered already; while the round is open the dashboard shows
only how many answered. pegawai answers by keyboard and clicks on a phone, with a concern that looks
like markup; the receipt says that they answered, not what. HR reloads: the count moves from 4 to 5
and nothing else. HR closes the round in the admin, and the unit's numbers appear, with the concern
words that five people wrote (not pegawai's own "script").
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from portal.change import adkar
from portal.change.models import PulseSurvey, SurveyParticipation, SurveyResponse
from portal.change.services.surveys import survey_copy

from ..change.conftest import survey_respond, survey_staff
from .conftest import PHONE, screenshot
from .test_courses import log_in, no_sideways_scroll
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CONCERN = "Target <script>alert('SKP')</script> belum jelas bagi pelayanan kelurahan."
COLLEAGUES_CONCERN = "Target pelayanan di kelurahan belum jelas."


@pytest.mark.e2e
def test_pegawai_answers_the_pulse_survey_and_hr_sees_results_once_the_round_closes(
    new_context, live_server, hr, pegawai, unit, password
):
    now = timezone.now()
    template = PulseSurvey.objects.get(title=adkar.TEMPLATE_TITLE)
    survey = survey_copy(
        survey=template,
        title="Survei Kesiapan Perubahan — Putaran Uji",
        opens_at=now - datetime.timedelta(days=2),
        closes_at=now + datetime.timedelta(days=12),
    )
    for colleague in survey_staff(unit, 4):
        survey_respond(colleague, survey, 3, desire=4, concern=COLLEAGUES_CONCERN)
    dashboard = f"{live_server.url}/admin/perubahan/adopsi/"

    # HR: the round is open, so the unit shows how many answered (four) and no results yet.
    reviewer = new_context().new_page()
    hr_log_in(reviewer, live_server, hr, password)
    reviewer.goto(dashboard)
    expect(reviewer.get_by_role("heading", name="Dasbor adopsi perubahan")).to_be_visible()
    expect(reviewer.locator(".adoption-pending")).to_contain_text("Putaran ini masih dibuka")
    row = reviewer.locator(f"#unit-{unit.pk}")
    cells = row.locator("td")
    expect(cells.nth(3)).to_have_text("4")
    expect(row).to_contain_text("hasil tampil setelah putaran ditutup")
    screenshot(reviewer, "hr-adoption-open-4")

    # pegawai on a desktop: the survey is listed and the form explains who sees the answers.
    desktop = new_context().new_page()
    log_in(desktop, live_server, pegawai.username, password)
    desktop.goto(f"{live_server.url}/perubahan/survei/")
    screenshot(desktop, "pegawai-survey-list")
    desktop.get_by_role("link", name=f"Isi survei: {survey.title}").click()
    expect(desktop.get_by_role("heading", name=survey.title)).to_be_visible()
    expect(desktop.get_by_text("paling sedikit 5 orang")).to_be_visible()
    screenshot(desktop, "pegawai-survey-form-desktop")

    # pegawai on a phone answers: the first statement by keyboard, the others by tapping labels,
    # but forgets the last one; the error keeps what was given.
    phone = new_context(viewport=PHONE).new_page()
    log_in(phone, live_server, pegawai.username, password)
    phone.goto(f"{live_server.url}/perubahan/survei/{survey.pk}/")
    groups = phone.locator("fieldset.likert")
    expect(groups).to_have_count(10)
    assert no_sideways_scroll(phone) <= 0
    first = groups.nth(0)
    first.get_by_role("radio", name="Sangat tidak setuju").focus()
    for _ in range(3):
        phone.keyboard.press("ArrowRight")  # arrows move the choice within the group
    expect(first.get_by_role("radio", name="Setuju", exact=True)).to_be_checked()
    for index in range(1, 9):
        groups.nth(index).get_by_text("Sangat setuju", exact=True).click()
    phone.get_by_label("Apa yang paling Anda khawatirkan").fill(CONCERN)
    screenshot(phone, "pegawai-survey-form-phone")
    phone.get_by_role("button", name="Kirim jawaban").click()
    expect(phone.get_by_role("alert")).to_contain_text("Jawaban belum dapat dikirim")
    expect(groups.nth(9)).to_contain_text("Pilih salah satu jawaban untuk pernyataan ini.")
    expect(groups.nth(1).get_by_role("radio", name="Sangat setuju")).to_be_checked()
    expect(phone.get_by_label("Apa yang paling Anda khawatirkan")).to_have_value(CONCERN)
    screenshot(phone, "pegawai-survey-form-error-phone")
    groups.nth(9).get_by_text("Ragu-ragu", exact=True).click()
    with phone.expect_navigation():
        phone.get_by_role("button", name="Kirim jawaban").click()

    # The receipt says that pegawai answered, and when; not the answers, not the concern.
    expect(phone).to_have_url(re.compile(rf"/perubahan/survei/{survey.pk}/tanda-terima/$"))
    expect(phone.get_by_text("Terima kasih, jawaban Anda sudah tercatat.")).to_be_visible()
    expect(phone.locator("main")).to_contain_text("disimpan terpisah dari nama Anda")
    expect(phone.locator("main")).not_to_contain_text("kelurahan")
    expect(phone.locator("main")).not_to_contain_text("Sangat setuju")
    assert phone.evaluate("document.querySelectorAll('main script').length") == 0
    assert no_sideways_scroll(phone) <= 0
    screenshot(phone, "pegawai-survey-receipt-phone")
    assert SurveyResponse.objects.filter(survey=survey).count() == 5

    # Answering again is refused with a message; still one record.
    phone.goto(f"{live_server.url}/perubahan/survei/{survey.pk}/")
    expect(phone.get_by_text("Jawaban Anda untuk survei ini sudah tercatat.")).to_be_visible()
    assert SurveyParticipation.objects.filter(survey=survey, employee=pegawai.employee).count() == 1
    assert SurveyResponse.objects.filter(survey=survey).count() == 5

    # HR reloads: the count moves to five, and still nothing of what anyone answered.
    reviewer.reload()
    expect(cells.nth(3)).to_have_text("5")
    expect(row).to_contain_text("hasil tampil setelah putaran ditutup")
    expect(row.locator("td.overall")).to_have_count(0)
    expect(reviewer.locator("#concerns ~ p").first).to_have_text("Tampil setelah putaran ditutup.")
    screenshot(reviewer, "hr-adoption-open-5")

    # HR closes the round in the admin: its closing time becomes now.
    reviewer.goto(live_server.url + reverse("survei-denyut:edit", args=[survey.pk]))
    closing = reviewer.locator("input[name=closes_at]")
    closing.fill(timezone.localtime().strftime("%Y-%m-%d %H:%M"))
    closing.press("Escape")
    screenshot(reviewer, "hr-survey-close")
    with reviewer.expect_navigation():
        reviewer.get_by_role("button", name="Simpan", exact=True).click()
    expect(reviewer.locator(".messages")).to_contain_text(survey.title)
    survey.refresh_from_db()
    assert survey.is_closed()

    # The dashboard now shows the unit's results, and the concern words five people wrote.
    reviewer.goto(f"{dashboard}?survei={survey.pk}")
    expect(reviewer.locator(".adoption-pending")).to_have_count(0)
    expect(cells.nth(3)).to_have_text("5")
    expect(row.locator("td.overall")).to_contain_text(re.compile(r"\d,\d\d"))
    screenshot(reviewer, "hr-adoption-closed")
    reviewer.get_by_label("Unit kerja", exact=True).select_option(str(unit.pk))
    with reviewer.expect_navigation():
        reviewer.locator("#concerns + form button").click()
    words = reviewer.locator(".concern-words")
    expect(words).to_contain_text("kelurahan")
    expect(words).to_contain_text("5 penulis")
    expect(words).not_to_contain_text("script")  # one writer's word only
    screenshot(reviewer, "hr-adoption-concerns")
