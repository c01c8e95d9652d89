"""HR's adoption dashboard: the figures per unit, the low/falling flags, what the privacy threshold
hides, the CSV/XLSX exports, access, and a query count that does not grow with the data."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from portal.change.models import Acknowledgement, ChangeArticlePage, EventRegistration
from portal.change.selectors.adoption import adoption_by_unit
from portal.people import roles

from ..factories import UnitFactory
from .conftest import (
    close_pulse_survey,
    event_hub_page,
    make_change_event,
    make_closed_pulse_survey,
    make_pulse_survey,
    survey_respond,
    survey_staff,
)

DAY = datetime.timedelta(days=1)
URL = "change_adoption:dashboard"


def must_read(title="Mengapa SKP berubah", units=()):
    article = ChangeArticlePage(
        title=title,
        intro="Ringkasan.",
        body=[{"type": "paragraph", "value": "<p>Isi.</p>"}],
        must_read=True,
    )
    event_hub_page().add_child(instance=article)
    if units:
        article.target_units.set(units)
        article.save()
    return article


def row_of(data, unit):
    return next(row for row in data["rows"] if row["unit"].pk == unit.pk)


@pytest.fixture
def two_units(db, unit, other_unit):
    """Unit A (5 staff, all answered: awareness 2, the rest 4) and unit B (3 staff, all answered), in a
    round that has closed."""
    survey = make_closed_pulse_survey()
    staff_a, staff_b = survey_staff(unit, 5), survey_staff(other_unit, 3)
    for employee in staff_a:
        survey_respond(employee, survey, 4, awareness=2, concern="Target kinerja belum jelas")
    for employee in staff_b:
        survey_respond(employee, survey, 5)
    return survey, staff_a, staff_b


@pytest.mark.django_db
def test_figures_per_unit(two_units, unit, other_unit):
    survey, staff_a, staff_b = two_units
    for_a, for_all = must_read("Untuk Diskominfo", units=[unit]), must_read("Untuk semua")
    must_read("Draf", units=[unit]).unpublish()
    for employee in staff_a[:2]:
        Acknowledgement.objects.create(article=for_a, employee=employee)
    Acknowledgement.objects.create(article=for_all, employee=staff_b[0])
    event = make_change_event()
    EventRegistration.objects.create(event=event, employee=staff_a[0], attended=True)
    EventRegistration.objects.create(event=event, employee=staff_a[1], attended=True)
    EventRegistration.objects.create(event=event, employee=staff_a[2])
    EventRegistration.objects.create(event=event, employee=staff_a[3], cancelled_at=event.starts_at - DAY)

    data = adoption_by_unit()
    assert data["survey"] == survey and data["previous"] is None
    a, b = row_of(data, unit), row_of(data, other_unit)
    assert a["employees"] == 5 and b["employees"] == 3
    assert a["must_read"] == {"required": 10, "read": 2, "share": 20}  # 2 articles × 5 people
    assert b["must_read"] == {"required": 3, "read": 1, "share": 33}
    assert [cell["share"] for cell in a["articles"]] == [40, 0]  # in title order
    assert [cell["share"] for cell in b["articles"]] == [None, 33]  # not a target of the Diskominfo article
    assert a["events"] == {"registered": 3, "attended": 2} and b["events"] == {"registered": 0, "attended": 0}
    readiness = a["readiness"]
    assert readiness["respondents"] == 5 and not readiness["suppressed"]
    assert [d["mean"] for d in readiness["dimensions"]] == [2.0, 4.0, 4.0, 4.0, 4.0]
    assert readiness["overall"] == 3.6 and readiness["trend"] is None
    assert not (a["low"] or a["falling"])
    assert b["readiness"]["suppressed"] and b["readiness"]["respondents"] is None
    assert all(d["mean"] is None for d in b["readiness"]["dimensions"]) and b["readiness"]["overall"] is None
    # 3 hidden respondents of B would show as "all units" minus A: the total is hidden too.
    assert data["total"]["readiness"]["suppressed"]


@pytest.mark.django_db
def test_low_and_falling_units_are_flagged_against_the_previous_round(unit, other_unit):
    third = UnitFactory(name="Kecamatan Rangkui")
    before = make_pulse_survey("Putaran 1", opened=100 * DAY, closes_in=-80 * DAY)
    latest = make_closed_pulse_survey("Putaran 2")
    a, b, c = survey_staff(unit, 5), survey_staff(other_unit, 5), survey_staff(third, 5)
    for employee in a:
        survey_respond(employee, before, 4)
        survey_respond(employee, latest, 4, awareness=2)  # 4.0 → 3.6: falling, not low
    for employee in b:
        survey_respond(employee, before, 3)
        survey_respond(employee, latest, 3, desire=4)  # 3.0 → 3.2: rising
    for employee in c:
        survey_respond(employee, latest, 2, reinforcement=5)  # 2.6, no earlier round: low
    survey_respond(c[0], before, 5)  # one respondent earlier: no trend for C

    data = adoption_by_unit()
    assert (data["survey"], data["previous"]) == (latest, before)
    row_a, row_b, row_c = row_of(data, unit), row_of(data, other_unit), row_of(data, third)
    assert (row_a["readiness"]["trend"], row_a["falling"], row_a["low"]) == (-0.4, True, False)
    assert [d["trend"] for d in row_a["readiness"]["dimensions"]] == [-2.0, 0.0, 0.0, 0.0, 0.0]
    assert (row_b["readiness"]["trend"], row_b["alert"]) == (0.2, False)
    assert (row_c["low"], row_c["falling"], row_c["readiness"]["overall"]) == (True, False, 2.6)
    assert row_c["readiness"]["previous_suppressed"] and row_c["readiness"]["trend"] is None
    assert [row["unit"] for row in data["alerts"]] == [row["unit"] for row in data["rows"] if row["alert"]]
    assert {row["unit"].pk for row in data["alerts"]} == {unit.pk, third.pk}
    # The earlier round can be chosen too; it has nothing before it.
    assert adoption_by_unit(survey=before)["previous"] is None


@pytest.mark.django_db
def test_the_all_units_figure_hides_when_small_units_would_add_up_to_under_five(unit, other_unit):
    survey = make_closed_pulse_survey()
    for employee in survey_staff(unit, 5):
        survey_respond(employee, survey)
    assert adoption_by_unit()["total"]["readiness"]["respondents"] == 5
    small = survey_staff(other_unit, 3)
    for employee in small:
        survey_respond(employee, survey)
    total = adoption_by_unit()["total"]["readiness"]
    assert total["suppressed"] and total["protects_small_units"]
    for employee in survey_staff(UnitFactory(), 2):
        survey_respond(employee, survey)
    total = adoption_by_unit()["total"]["readiness"]
    assert not total["suppressed"] and not total["protects_small_units"] and total["respondents"] == 10


@pytest.mark.django_db
def test_the_page_shows_numbers_flags_links_and_dashes(client, hr_with_mfa, two_units, unit, other_unit):
    survey, staff_a, _staff_b = two_units
    before = make_pulse_survey("Putaran 1", opened=100 * DAY, closes_in=-80 * DAY)
    for employee in staff_a:
        survey_respond(employee, before, 5)
    client.force_login(hr_with_mfa)
    html = client.get(reverse(URL)).content.decode()
    hub = event_hub_page()
    assert "3,60" in html and "Menurun" in html and "turun" in html
    assert "kurang dari 5 responden" in html
    assert reverse("wagtailadmin_pages:add", args=["change", "changearticlepage", hub.pk]) in html
    assert reverse("wagtailadmin_pages:add", args=["change", "changeeventpage", hub.pk]) in html
    assert "Sasarkan materi" in html and "Buat acara" in html
    assert f'value="{before.pk}"' in html and f'value="{survey.pk}"' in html
    # Concern words: not for all units (B's 3 respondents would show), but for A (5 respondents).
    assert "Tidak ditampilkan" in html
    words = client.get(reverse(URL), {"unit": unit.pk}).content.decode()
    assert "<strong>target</strong>" in words and "<strong>kinerja</strong>" in words
    older = client.get(reverse(URL), {"survei": before.pk}).content.decode()
    assert "Belum ada putaran sebelumnya" in older
    gabek = client.get(reverse(URL), {"unit": other_unit.pk}).content.decode()
    assert "Tidak ditampilkan: kurang dari 5 responden" in gabek
    assert client.get(reverse(URL), {"survei": 99999}).status_code == 404
    assert client.get(reverse(URL), {"survei": "x", "unit": "y"}).status_code == 200


@pytest.mark.django_db
def test_csv_export_leaves_suppressed_cells_empty(client, hr_with_mfa, two_units, unit, other_unit):
    survey = two_units[0]
    client.force_login(hr_with_mfa)
    response = client.get(reverse(URL), {"survei": survey.pk, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert f"adopsi-perubahan-{survey.pk}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[0]
    by_unit = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    a, b = by_unit[unit.name], by_unit[other_unit.name]
    assert (a["Responden"], a["Kesadaran (Awareness)"], a["Rata-rata kesiapan"]) == ("5", "2.0", "3.6")
    assert (b["Pegawai aktif"], b["Responden"], b["Kesadaran (Awareness)"], b["Rata-rata kesiapan"]) == (
        "3",
        "",
        "",
        "",
    )
    assert by_unit["Semua unit"]["Responden"] == ""


@pytest.mark.django_db
def test_xlsx_export_has_numbers_and_empty_suppressed_cells(client, hr_with_mfa, two_units, unit, other_unit):
    client.force_login(hr_with_mfa)
    response = client.get(reverse(URL), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    by_unit = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_unit[unit.name]["Pengetahuan (Knowledge)"] == 4 and by_unit[unit.name]["Responden"] == 5
    assert by_unit[other_unit.name]["Responden"] is None and by_unit[other_unit.name]["Rata-rata kesiapan"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", [roles.PEGAWAI, roles.ATASAN, roles.PELATIH])
def test_only_hr_sees_the_dashboard(client, make_person, with_totp, role):
    user = make_person(role)
    with_totp(user)  # with a second factor, so that the refusal is about the role
    client.force_login(user)
    assert client.get(reverse(URL)).status_code == 403
    assert client.get(reverse(URL), {"format": "csv"}).status_code == 403


@pytest.mark.django_db
def test_hr_without_a_second_factor_is_sent_to_set_it_up(client, hr):
    client.force_login(hr)
    response = client.get(reverse(URL))
    assert response.status_code == 302 and "totp" in response["Location"]


@pytest.mark.django_db
def test_while_a_round_is_open_a_sixth_respondent_reveals_nothing(unit, other_unit):
    """Between 5 and 6 respondents only the count moves; the figures come when the round closes."""
    before = make_pulse_survey("Putaran 1", opened=100 * DAY, closes_in=-80 * DAY)
    survey = make_pulse_survey("Putaran 2")
    staff = survey_staff(unit, 6)
    for employee in staff:
        survey_respond(employee, before, 4)
    for employee in staff[:5]:
        survey_respond(employee, survey, 4)
    for employee in survey_staff(other_unit, 5):
        survey_respond(employee, survey, 3)

    def readiness():
        data = adoption_by_unit()
        assert data["survey"] == survey and data["pending"]
        return row_of(data, unit)["readiness"], data["total"]["readiness"], data

    five, five_total, data = readiness()
    assert five["pending"] and five["respondents"] == 5 and five_total["respondents"] == 10
    assert not data["alerts"]
    survey_respond(staff[5], survey, 1, concern="Saya sangat khawatir")  # a telling answer
    six, six_total, _data = readiness()
    assert (six["respondents"], six_total["respondents"]) == (6, 11)
    figures = ("dimensions", "overall", "trend", "low", "falling", "previous_overall")
    assert [six[key] for key in figures] == [five[key] for key in figures]
    assert six["overall"] is None and all(dimension["mean"] is None for dimension in six["dimensions"])
    assert all(dimension["trend"] is None for dimension in six["dimensions"])

    close_pulse_survey(survey)
    closed = row_of(adoption_by_unit(), unit)["readiness"]
    assert not closed["pending"] and closed["respondents"] == 6
    assert closed["overall"] == round((5 * 4 + 1) / 6, 2) and closed["trend"] == round((5 * 4 + 1) / 6 - 4, 2)


@pytest.mark.django_db
def test_the_page_of_an_open_round_shows_counts_and_says_when_results_come(client, hr_with_mfa, unit):
    before = make_pulse_survey("Putaran 1", opened=100 * DAY, closes_in=-80 * DAY)
    survey = make_pulse_survey("Putaran 2")
    for employee in survey_staff(unit, 6):
        survey_respond(employee, before, 4, concern="Target belum jelas")
        survey_respond(employee, survey, 2, concern="Target belum jelas")
    client.force_login(hr_with_mfa)
    html = client.get(reverse(URL), {"unit": unit.pk}).content.decode()
    assert "Putaran ini masih dibuka" in html and "hasil tampil setelah putaran ditutup" in html
    assert "2,00" not in html and "Rendah" not in html.split("<h2>")[1]
    assert "<strong>target</strong>" not in html and "Tampil setelah putaran ditutup." in html
    assert f'href="?survei={before.pk}"' in html  # the latest published results are one click away
    rows = list(csv.reader(io.StringIO(client.get(reverse(URL), {"format": "csv"}).content.decode("utf-8-sig"))))
    by_unit = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_unit[unit.name]["Responden"] == "6" and by_unit[unit.name]["Rata-rata kesiapan"] == ""

    close_pulse_survey(survey)
    html = client.get(reverse(URL), {"unit": unit.pk}).content.decode()
    assert "Putaran ini masih dibuka" not in html and "2,00" in html and "<strong>target</strong>" in html


@pytest.mark.django_db
def test_the_trend_compares_with_the_latest_closed_round_only(unit):
    oldest = make_pulse_survey("Putaran 1", opened=100 * DAY, closes_in=-80 * DAY)
    still_open = make_pulse_survey("Putaran 2", opened=20 * DAY, closes_in=5 * DAY)
    latest = make_pulse_survey("Putaran 3", opened=10 * DAY, closes_in=-DAY)
    for employee in survey_staff(unit, 5):
        survey_respond(employee, oldest, 3)
        survey_respond(employee, still_open, 5)
        survey_respond(employee, latest, 4)
    data = adoption_by_unit(survey=latest)
    assert data["previous"] == oldest and row_of(data, unit)["readiness"]["trend"] == 1.0


def populate(units: int):
    """`units` units of 6 staff each, all answering two rounds, with a targeted must-read and an event."""
    before = make_pulse_survey("Putaran 1", opened=100 * DAY, closes_in=-80 * DAY)
    latest = make_closed_pulse_survey("Putaran 2")
    event = make_change_event()
    for number in range(units):
        unit = UnitFactory()
        article = must_read(f"Bacaan {number}", units=[unit])
        for index, employee in enumerate(survey_staff(unit, 6)):
            survey_respond(employee, before, 4, concern="Waktu pelatihan kurang")
            survey_respond(employee, latest, 3 if number % 2 else 4, concern="Target belum jelas")
            Acknowledgement.objects.create(article=article, employee=employee)
            EventRegistration.objects.create(event=event, employee=employee, attended=index % 2 == 0)


ADOPTION_QUERIES = 10


@pytest.mark.django_db
@pytest.mark.parametrize("units", [2, 6])
def test_the_selector_takes_the_same_queries_for_2_and_6_units(units, django_assert_num_queries):
    populate(units)
    with django_assert_num_queries(ADOPTION_QUERIES):
        data = adoption_by_unit()
    assert sum(1 for row in data["rows"] if row["readiness"]["respondents"] == 6) == units
    open_round = make_pulse_survey("Putaran 3")
    for row in data["rows"]:
        survey_respond(survey_staff(row["unit"], 1)[0], open_round)
    with django_assert_num_queries(ADOPTION_QUERIES - 1):  # no answers are read for an open round
        data = adoption_by_unit()
    assert data["pending"] and all(row["readiness"]["respondents"] == 1 for row in data["rows"])


@pytest.mark.django_db
def test_the_page_takes_the_same_queries_for_2_and_6_units(client, hr_with_mfa):
    def count():
        client.get(reverse(URL))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(URL))
        assert response.status_code == 200
        return len(queries.captured_queries)

    client.force_login(hr_with_mfa)
    populate(2)
    small = count()
    populate(4)
    assert count() == small


@pytest.mark.django_db
def test_the_perubahan_menu_lists_the_survey_screens_for_hr_only(client, hr_with_mfa, pelatih):
    client.force_login(hr_with_mfa)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for text in ("Perubahan", "Survei denyut", "Dasbor adopsi", reverse(URL), reverse("survei-denyut:index")):
        assert text in html, text
    client.force_login(pelatih)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Dasbor adopsi" not in html and "Survei denyut" not in html
