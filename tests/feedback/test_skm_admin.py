"""HR's survey screens: the index by unit and service point, its export, one service point's
elements and trend, and the moderation of suggestions."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appraisal_link.feedback.models import ServicePoint, SurveyResponse

pytestmark = pytest.mark.django_db
MAY = datetime.date(2026, 5, 10)


def test_hr_reads_the_index_by_unit_and_service_point(hr_client, point, respond):
    respond(point, 4, on=MAY, count=2)
    response = hr_client.get(reverse("skm_report"), {"periode": "2026-S1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Perekaman KTP-el" in page and "100,00" in page and "Sangat Baik" in page  # Indonesian decimals


def test_the_index_exports_to_csv_with_every_element(hr_client, point, respond):
    respond(point, {7: 1}, on=MAY)
    response = hr_client.get(reverse("skm_report"), {"periode": "2026-S1", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('ikm-2026-S1.csv"')
    assert rows[0][4].startswith("U1 ") and len(rows[0]) == 4 + 9 + 3
    assert rows[1][1] == "Perekaman KTP-el" and rows[1][2] == "1" and rows[1][4 + 6] == "1.0000"


def test_a_forged_period_falls_back_to_the_last_closed_semester(hr_client, point):
    response = hr_client.get(reverse("skm_report"), {"periode": "2026-S9"})
    assert response.status_code == 200 and response.context["period"].kind == "semester"


def test_a_service_point_shows_its_elements_trend_and_published_suggestions(hr_client, point, respond):
    [shown] = respond(point, 3, on=MAY, suggestion="Ruang tunggu panas.")
    respond(point, 3, on=MAY, suggestion="Belum dimoderasi.")
    SurveyResponse.objects.filter(pk=shown.pk).update(suggestion_status=SurveyResponse.Suggestion.PUBLISHED)
    response = hr_client.get(reverse("skm_service_point", args=[point.pk]), {"periode": "2026-S1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<progress class="k-progress"') == 9
    assert "Ruang tunggu panas." in page and "Belum dimoderasi." not in page


def test_hr_publishes_and_hides_suggestions(hr_client, point, respond):
    [kept] = respond(point, 3, on=MAY, suggestion="Petugas ramah sekali.")
    [rude] = respond(point, 3, on=MAY, suggestion="kata kasar")
    [silent] = respond(point, 3, on=MAY)
    page = hr_client.get(reverse("skm_suggestions")).content.decode()
    assert "Petugas ramah sekali." in page and "kata kasar" in page
    moderate = reverse("skm_suggestions_moderate")
    assert hr_client.post(moderate, {"id": [kept.pk, silent.pk], "action": "publish"}).status_code == 302
    assert hr_client.post(moderate, {"id": [rude.pk, "x;1"], "action": "hide"}).status_code == 302
    statuses = dict(SurveyResponse.objects.values_list("pk", "suggestion_status"))
    assert statuses == {kept.pk: "published", rude.pk: "hidden", silent.pk: "none"}


@pytest.mark.parametrize("name", ["skm_report", "skm_suggestions"])
def test_hr_screens_run_the_same_queries_with_more_data(hr_client, unit, respond, name):
    def count():
        hr_client.get(reverse(name), {"periode": "2026-S1"})  # warm: what the changes made old is read again
        with CaptureQueriesContext(connection) as queries:
            assert hr_client.get(reverse(name), {"periode": "2026-S1"}).status_code == 200
        return len(queries)

    first = ServicePoint.objects.create(unit=unit, name="A", code="a")
    respond(first, 3, on=MAY, suggestion="satu")
    before = count()
    for number in range(5):
        point = ServicePoint.objects.create(unit=unit, name=f"B{number}", code=f"b{number}")
        respond(point, 2, on=MAY, count=3, suggestion="lagi")
    assert count() == before


def test_the_public_pages_run_the_same_queries_with_more_data(client, unit, respond, point):
    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    respond(point, 3, on=MAY)
    before = (count(reverse("skm_index")), count(point.get_absolute_url()))
    for number in range(5):
        other = ServicePoint.objects.create(unit=unit, name=f"B{number}", code=f"b{number}")
        respond(other, 2, on=MAY, count=3)
    assert (count(reverse("skm_index")), count(point.get_absolute_url())) == before


def test_hr_downloads_the_poster_and_the_report(hr_client, point, respond):
    respond(point, 3, on=MAY)
    poster = hr_client.get(reverse("skm_poster", args=[point.pk]))
    assert poster.status_code == 200 and poster["Content-Type"] == "application/pdf"
    assert poster.content.startswith(b"%PDF") and poster["Content-Disposition"].endswith('poster-skm-ktp-el.pdf"')
    report = hr_client.get(reverse("skm_report_pdf"), {"periode": "2026-S1", "unit": point.unit_id})
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    assert report["Content-Disposition"].endswith(f'laporan-skm-2026-S1-{point.unit.code}.pdf"')


@pytest.mark.parametrize(("unit_id", "status"), [("999999", 404), ("1 OR 1=1", 400)])
def test_the_report_of_an_unknown_unit_is_refused(hr_client, point, unit_id, status):
    response = hr_client.get(reverse("skm_report_pdf"), {"periode": "2026-S1", "unit": unit_id})
    assert response.status_code == status


def test_a_unit_head_sees_their_units_service_points_only(client, atasan, point, other_unit, respond):
    from appraisal_link.feedback.models import ServicePoint

    elsewhere = ServicePoint.objects.create(unit=other_unit, name="Layanan unit lain", code="lain")
    respond(point, 4, on=MAY, count=2)
    respond(elsewhere, 1, on=MAY)
    client.force_login(atasan)
    page = client.get(reverse("skm_unit"), {"periode": "2026-S1"}).content.decode()
    assert "Perekaman KTP-el" in page and "100,00" in page and "Layanan unit lain" not in page


def test_the_unit_page_is_for_supervisors(client, pegawai, point):
    client.force_login(pegawai)
    assert client.get(reverse("skm_unit")).status_code == 403
