"""Browser: HR watches the adoption dashboard while `pegawai` answers the open pulse survey.

Four colleagues of pegawai's unit have answered already, so the unit's readiness is hidden
("kurang dari 5 responden"); pegawai answers by keyboard and clicks on a phone, with a concern
that looks like markup; HR reloads and the unit's numbers appear.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portal.change import adkar
from portal.change.models import PulseSurvey, SurveyResponse
from portal.change.services.surveys import survey_copy

from ..change.conftest import survey_respond, survey_staff
from .conftest import PHONE, screenshot
from .test_courses import log_in, no_sideways_scroll
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CONCERN = "Target <script>alert('SKP')</script> belum jelas bagi pelayanan kelurahan."


@pytest.mark.e2e
def test_pegawai_answers_the_pulse_survey_and_hr_sees_the_dashboard_move(
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
        survey_respond(colleague, survey, 3, desire=4)
    dashboard = f"{live_server.url}/admin/perubahan/adopsi/"

    # HR: the unit has four respondents, so its readiness is a dash with the reason.
    reviewer = new_context().new_page()
    hr_log_in(reviewer, live_server, hr, password)
    reviewer.goto(dashboard)
    expect(reviewer.get_by_role("heading", name="Dasbor adopsi perubahan")).to_be_visible()
    row = reviewer.locator(f"#unit-{unit.pk}")
    expect(row).to_contain_text("kurang dari 5 responden")
    screenshot(reviewer, "hr-adoption-before")

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

    # The receipt shows the answers and the concern as text, not markup.
    expect(phone).to_have_url(re.compile(r"/perubahan/survei/jawaban/\d+/$"))
    expect(phone.get_by_text("Terima kasih, jawaban Anda sudah tercatat.")).to_be_visible()
    expect(phone.locator("blockquote.survey-concern")).to_have_text(CONCERN)
    assert phone.evaluate("document.querySelectorAll('main script').length") == 0
    assert no_sideways_scroll(phone) <= 0
    screenshot(phone, "pegawai-survey-receipt-phone")
    assert SurveyResponse.objects.filter(survey=survey).count() == 5

    # Answering again is refused with a message; still one record.
    phone.goto(f"{live_server.url}/perubahan/survei/{survey.pk}/")
    expect(phone.get_by_text("Jawaban Anda untuk survei ini sudah tercatat.")).to_be_visible()
    assert SurveyResponse.objects.filter(survey=survey, employee=pegawai.employee).count() == 1

    # HR reloads: five respondents now, so the unit's readiness shows.
    reviewer.reload()
    expect(row).not_to_contain_text("kurang dari 5 responden")
    cells = row.locator("td")
    expect(cells.nth(3)).to_have_text("5")
    expect(row.locator("td.overall")).to_contain_text(re.compile(r"\d,\d\d"))
    screenshot(reviewer, "hr-adoption-after")
    reviewer.get_by_label("Unit kerja", exact=True).select_option(str(unit.pk))
    with reviewer.expect_navigation():
        reviewer.locator("#concerns + form button").click()
    expect(reviewer.locator(".concern-words")).to_contain_text("script")
    expect(reviewer.locator(".concern-words")).to_contain_text("kelurahan")
    screenshot(reviewer, "hr-adoption-concerns")
