"""/akun/data-saya/: an employee reads and downloads all their own data, and nobody else's."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.people import roles

from ..factories import UserFactory


@pytest.fixture
def colleague(make_person):
    return make_person(roles.PEGAWAI, first_name="Bambang Sutrisno")


def test_my_data_needs_a_login(client, db):
    for name in ("my_data", "my_data_download"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_page_shows_my_records_from_every_app_and_not_a_colleagues(client, pegawai, colleague, records_of):
    mine = records_of(pegawai.employee, course_title="Keamanan Digital")
    records_of(colleague.employee, course_title="Pelayanan Prima")
    client.force_login(pegawai)

    response = client.get(reverse("my_data"))

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    employee = pegawai.employee
    for expected in (
        employee.nip,
        employee.name,
        employee.unit.name,
        pegawai.email,
        "Butuh Perbaikan",  # the appraisal's predikat
        "Akuntabel di bawah ekspektasi (SKP 2026).",  # the gap's reason
        "Keamanan Digital",
        mine["certificate"].code,
        "Penilaian diperbarui (Keamanan Digital)",  # a notification
        "Untuk kesenjangan Integritas.",  # the assignment
    ):
        assert expected in html, expected
    for foreign in (colleague.employee.nip, "Bambang Sutrisno", "Pelayanan Prima"):
        assert foreign not in html
    assert 'href="/akun/data-saya/unduh.json"' in html


def test_download_is_a_json_attachment_of_the_same_data(client, pegawai, colleague, records_of):
    mine = records_of(pegawai.employee)
    records_of(colleague.employee, course_title="Pelayanan Prima")
    client.force_login(pegawai)

    response = client.get(reverse("my_data_download"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="data-saya-')
    data = json.loads(response.content)
    assert data["employee"]["nip"] == pegawai.employee.nip
    assert data["account"]["username"] == pegawai.username
    assert [row["predikat"] for row in data["appraisals"]["appraisals"]] == ["Butuh Perbaikan"]
    assert [row["status"] for row in data["competency"]["gaps"]] == ["Terbuka"]
    [enrollment] = data["courses"]["enrollments"]
    assert enrollment["course"] == "Keamanan Digital" and enrollment["jp_awarded"] == 4
    assert [row["score"] for row in data["courses"]["quiz_attempts"]] == [100]
    assert [row["code"] for row in data["courses"]["certificates"]] == [mine["certificate"].code]
    assert "must_read_confirmations" in data["change"]
    assert "Penilaian diperbarui (Keamanan Digital)" in [row["title"] for row in data["notifications"]["notifications"]]
    assert "Pelayanan Prima" not in response.content.decode()


def test_a_user_without_an_employee_record_gets_their_account_only(client, db):
    user = UserFactory(username="tamu", first_name="Tamu")
    client.force_login(user)

    data = json.loads(client.get(reverse("my_data_download")).content)
    page = client.get(reverse("my_data"))

    assert data["account"]["username"] == "tamu"
    assert data["employee"] is None and data["courses"] is None and data["appraisals"] is None
    assert data["notifications"] == {"notifications": [], "email_preferences": []}
    assert page.status_code == 200
    assert "belum terhubung dengan data pegawai" in page.content.decode()


def _queries(client, name) -> int:
    client.get(reverse(name))  # warm: the bell and the roles are then kept
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(name)).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_data(client, pegawai, records_of, django_assert_num_queries):
    records_of(pegawai.employee, course_title="Kursus Satu")
    client.force_login(pegawai)
    client.get(reverse("dashboard"))  # the session's first request may write to it; measure the next ones
    few = {name: _queries(client, name) for name in ("my_data", "my_data_download")}
    records_of(pegawai.employee, course_title="Kursus Dua", year=2025)
    records_of(pegawai.employee, course_title="Kursus Tiga", year=2024)
    for name in ("my_data", "my_data_download"):  # warm: the bell and the roles are read again, then kept
        client.get(reverse(name))

    # Pinned: account (3), competency (2), courses (4), development (4), SCORM attempts (1), xAPI
    # statements (1), appraisals (2), change hub (3), notifications (2); the session, the user, the
    # employee record, the bell's unread count and the user's roles (the header's "Tim" and "Kelola
    # (admin)" links) come from the cache.
    with django_assert_num_queries(few["my_data"]):
        client.get(reverse("my_data"))
    with django_assert_num_queries(few["my_data_download"]):
        client.get(reverse("my_data_download"))
    assert few == {"my_data": 22, "my_data_download": 22}


def test_dashboard_links_to_my_data(client, pegawai):
    client.force_login(pegawai)
    assert reverse("my_data") in client.get(reverse("dashboard")).content.decode()
