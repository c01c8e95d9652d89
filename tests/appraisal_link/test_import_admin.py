"""HR's import pages in the Wagtail admin: upload, job page and its status, error file, templates."""

import csv
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from appraisal_link.admin_views import forms as upload_forms
from appraisal_link.importing.columns import COLUMNS
from appraisal_link.models import Appraisal, AppraisalImport
from appraisal_link.services.import_jobs import appraisal_import_run
from portal.people.models import Employee

from ..factories import UnitFactory
from .conftest import csv_bytes, nip, record, xlsx_bytes

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/penilaian/impor/"


def upload(client, content: bytes, name="penilaian.csv", **data):
    return client.post(UPLOAD, {"berkas": SimpleUploadedFile(name, content), **data})


@pytest.fixture
def hr_client(client, hr_with_mfa, media_root):
    client.force_login(hr_with_mfa)
    return client


def test_hr_sees_the_upload_page_with_the_templates(hr_client):
    response = hr_client.get(UPLOAD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Impor penilaian SKP" in html
    assert reverse("appraisal_import_template", args=["xlsx"]) in html
    assert reverse("appraisal_import_template", args=["csv"]) in html
    assert 'enctype="multipart/form-data"' in html


def test_the_menu_offers_the_import_to_hr_only(hr_client, client, pelatih_with_mfa):
    assert "Impor penilaian" in hr_client.get("/admin/").content.decode()
    other = Client()
    other.force_login(pelatih_with_mfa)
    assert "Impor penilaian" not in other.get("/admin/").content.decode()


def refused(response, role) -> bool:
    """Employees are stopped at the admin's door, trainers (who may enter the admin) at HR's screens:
    a plain 403 either way (portal.people.admin_access)."""
    return response.status_code == 403


@pytest.mark.parametrize("role", ["pelatih_with_mfa", "pegawai"])
def test_trainers_and_employees_are_refused(request, client, role, hr_with_mfa, media_root):
    job = job_with_errors(3)
    client.force_login(request.getfixturevalue(role))
    urls = [
        UPLOAD,
        reverse("appraisal_import_job", args=[job.pk]),
        reverse("appraisal_import_status", args=[job.pk]),
        reverse("appraisal_import_errors", args=[job.pk]),
        reverse("appraisal_import_template", args=["csv"]),
        reverse("appraisal_api_tokens"),
    ]
    for url in urls:
        response = client.get(url)
        assert refused(response, role), (url, response.status_code)
        assert b"NIP salah" not in response.content
    assert refused(upload(client, csv_bytes([record()])), role)
    assert refused(client.post(reverse("appraisal_api_tokens"), {"nama": "Penyusup"}), role)
    assert AppraisalImport.objects.count() == 1


def test_an_upload_is_imported_and_the_job_page_shows_the_counts(
    hr_client, hr_with_mfa, registered, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(hr_client, xlsx_bytes([record(), record(periode="I")]), name="Penilaian 2025.xlsx")
    job = AppraisalImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("appraisal_import_job", args=[job.pk])
    assert (job.status, job.created_count, job.total_rows, job.processed_rows) == ("berhasil", 2, 2, 2)
    assert job.created_by == hr_with_mfa and job.original_name == "Penilaian 2025.xlsx"
    assert "Penilaian" not in job.file.name and job.file.name.endswith(".xlsx")  # a random, unguessable name
    assert Appraisal.objects.filter(employee=registered).count() == 2
    html = hr_client.get(response["Location"]).content.decode()
    assert 'data-testid="created"><strong>2</strong>' in html
    assert 'http-equiv="refresh"' not in html
    with django_capture_on_commit_callbacks(execute=True):
        upload(hr_client, xlsx_bytes([record(), record(periode="I")]), name="lagi.xlsx")
    assert AppraisalImport.objects.latest("created_at").unchanged_count == 2


def test_row_errors_are_shown_on_the_page_and_in_the_error_file(
    hr_client, registered, django_capture_on_commit_callbacks
):
    rows = [record(), record(nip="1,99204E+17", periode="I"), record(periode="II", hasil_kerja="=SUM(A1)")]
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(hr_client, csv_bytes(rows, delimiter=";", bom=True))
    job = AppraisalImport.objects.get()
    assert job.status == "gagal" and not Appraisal.objects.exists()
    page = hr_client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "Tidak ada yang disimpan: 2 kesalahan" in html
    cells = re.sub(r"<td[^>]*>", "<td>", html)
    assert "<td>3</td><td>nip</td><td>1,99204E+17</td><td>NIP tampaknya diubah Excel menjadi angka" in cells
    assert "<td>4</td><td>hasil_kerja</td><td>=SUM(A1)</td><td>Nilai tidak dikenal." in cells
    download = hr_client.get(reverse("appraisal_import_errors", args=[job.pk]))
    assert download["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert table[0] == ["Baris", "Kolom", "Nilai", "Keterangan", "Jenis"]
    assert table[1][:3] == ["3", "nip", "1,99204E+17"] and table[1][4] == "Kesalahan"
    assert table[2][:3] == ["4", "hasil_kerja", "'=SUM(A1)"]  # a formula is neutralised


def test_a_dry_run_upload_checks_without_saving(hr_client, registered, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(hr_client, csv_bytes([record()]), uji_coba="on")
    job = AppraisalImport.objects.get()
    assert job.dry_run and job.status == "berhasil" and job.created_count == 1
    assert not Appraisal.objects.exists()
    assert "Uji coba" in hr_client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"%PDF-1.4", "penilaian.pdf", "format"),
        (b"PK\x03\x04broken", "penilaian.xlsx", "xlsx_corrupt"),
        (b"", "penilaian.csv", "empty"),
        (csv_bytes([]), "penilaian.csv", "no_rows"),
        (b"nip;nama\r\n1;2\r\n", "penilaian.csv", "missing_columns"),
    ],
)
def test_unusable_files_are_refused_with_a_400(hr_client, content, name, code):
    response = upload(hr_client, content, name=name)
    assert response.status_code == 400
    assert response.context["form"].has_error("berkas", code=code)
    assert not AppraisalImport.objects.exists()


def test_a_file_over_20_mb_is_refused_before_it_is_read(hr_client):
    response = upload(hr_client, b"x" * (21 * 1024 * 1024))
    assert response.status_code == 400
    assert "Berkas lebih besar dari 20,0\xa0MB" in response.content.decode()
    assert not AppraisalImport.objects.exists()


def test_a_file_just_over_20_mb_is_refused_by_the_form(hr_client, monkeypatch):
    monkeypatch.setattr(upload_forms, "MAX_UPLOAD_BYTES", 100)
    response = upload(hr_client, csv_bytes([record()]))
    assert response.status_code == 400 and response.context["form"].has_error("berkas", code="too_large")
    assert not AppraisalImport.objects.exists()


def test_the_upload_needs_the_csrf_token(hr_with_mfa, media_root):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hr_with_mfa)
    response = upload(client, csv_bytes([record()]))
    assert response.status_code == 403 and b"CSRF" in response.content
    assert not AppraisalImport.objects.exists()


def test_the_templates_download_and_the_xlsx_keeps_nips_as_text(hr_client, jabatan):
    csv_response = hr_client.get(reverse("appraisal_import_template", args=["csv"]))
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS) and rows[1][0] == "199204202019032001"
    xlsx_response = hr_client.get(reverse("appraisal_import_template", args=["xlsx"]))
    workbook = load_workbook(io.BytesIO(xlsx_response.content))
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    assert sheet["A2"].value == "199204202019032001" and sheet["A3"].number_format == "@"
    assert sheet.data_validations.dataValidation  # drop-downs for ratings, predikat, period
    assert hr_client.get("/admin/penilaian/impor/templat.pdf").status_code == 404
    # The template, as downloaded, is an importable file.
    UnitFactory(name="BKPSDM", code="bkpsdm")
    for response, name in ((csv_response, "templat.csv"), (xlsx_response, "templat.xlsx")):
        assert upload(hr_client, response.content, name=name, uji_coba="on").status_code == 302


def test_the_status_endpoint_reports_progress(hr_client, registered, media_root):
    job = AppraisalImport.objects.create(
        file=ContentFile(csv_bytes([record()]), name="a.csv"), original_name="a.csv", total_rows=400, processed_rows=100
    )
    url = reverse("appraisal_import_status", args=[job.pk])
    assert hr_client.get(url).json() == {
        "status": "menunggu",
        "status_label": "Menunggu",
        "processed": 100,
        "total": 400,
        "percent": 25,
        "finished": False,
    }
    page = hr_client.get(reverse("appraisal_import_job", args=[job.pk])).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert f'data-status-url="{url}"' in page and "js/admin/import-progress.js" in page
    appraisal_import_run(import_id=job.pk)
    assert hr_client.get(url).json()["finished"] is True
    assert hr_client.get(url).json()["percent"] == 100
    assert hr_client.get(reverse("appraisal_import_status", args=[job.pk + 1])).status_code == 404


def job_with_errors(count: int) -> AppraisalImport:
    errors = [
        {"row": n + 2, "column": "nip", "value": "x", "message": "NIP salah", "level": "error"} for n in range(count)
    ]
    return AppraisalImport.objects.create(
        file=ContentFile(b"x", name="x.csv"), original_name="x.csv", status="gagal", errors=errors
    )


def test_the_job_page_runs_the_same_queries_however_many_errors(hr_client):
    small, large = job_with_errors(1), job_with_errors(450)

    def queries(job):
        url = reverse("appraisal_import_job", args=[job.pk])
        hr_client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = hr_client.get(url)
        assert response.status_code == 200
        return len(context.captured_queries)

    assert queries(small) == queries(large)
    html = hr_client.get(reverse("appraisal_import_job", args=[large.pk]) + "?halaman=3").content.decode()
    cells = re.sub(r"<td[^>]*>", "<td>", html)
    assert "<td>451</td>" in cells and "3 / 3" in html  # 200 a page: every error can be reached


def test_a_job_whose_file_breaks_midway_fails_and_saves_nothing(hr_with_mfa, registered, media_root):
    content = csv_bytes([record(), record(periode="I"), record(periode="II")])
    content = content[: content.rindex(b"Siti")] + b"S\xe9ti" + content[content.rindex(b"Siti") + 4 :]
    job = AppraisalImport.objects.create(file=ContentFile(content, name="a.csv"), original_name="a.csv")
    appraisal_import_run(import_id=job.pk)
    job.refresh_from_db()
    assert job.status == "gagal" and job.finished_at is not None
    assert (job.errors[0]["row"], job.errors[0]["code"]) == (4, "not_utf8")
    assert not Appraisal.objects.exists()
    # Delivered again (acks_late), a finished job is left as it is.
    assert appraisal_import_run(import_id=job.pk).status == "gagal"


def test_an_upload_creating_employees_reports_them(hr_client, unit, jabatan, django_capture_on_commit_callbacks):
    rows = [record(nip=nip(9), nama="Andi", unit_kerja="diskominfo", jabatan="analis-sdm")]
    with django_capture_on_commit_callbacks(execute=True):
        upload(hr_client, csv_bytes(rows))
    assert Employee.objects.get(nip=nip(9)).name == "Andi"
    assert AppraisalImport.objects.get().created_count == 1


def test_the_upload_only_queues_the_job_and_the_page_shows_it_waiting(hr_client, registered):
    response = upload(hr_client, csv_bytes([record(), record(periode="I")]))  # on_commit never runs here
    job = AppraisalImport.objects.get()
    assert (job.status, job.total_rows, job.processed_rows) == ("menunggu", 2, 0)
    assert not Appraisal.objects.exists()
    html = hr_client.get(response["Location"]).content.decode()
    assert 'data-testid="status">Menunggu<' in html and "<span data-total>2</span>" in html


def test_the_uploaded_file_is_private_and_only_hr_downloads_it(hr_client, registered, media_root, pegawai):
    from pathlib import Path

    from django.conf import settings

    content = csv_bytes([record()])
    assert upload(hr_client, content, name="penilaian-diskominfo.csv", uji_coba="on").status_code == 302
    job = AppraisalImport.objects.get()
    stored = Path(job.file.path).resolve()
    # Under the private folder, not under MEDIA_ROOT: no /media/ URL, guessed or leaked, reaches it.
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(media_root).resolve()) and not any(Path(media_root).rglob("*.csv"))
    assert Client().get(f"/media/{job.file.name}").status_code == 404
    url = reverse("appraisal_import_file", args=[job.pk])
    assert url in hr_client.get(reverse("appraisal_import_job", args=[job.pk])).content.decode()
    response = hr_client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == content
    assert 'filename="penilaian-diskominfo.csv"' in response["Content-Disposition"]
    other = Client()
    other.force_login(pegawai)
    assert other.get(url).status_code == 403
    assert Client().get(url).status_code == 302  # to the login
    # Once the retention purge removed it, the link is gone and the URL is a 404.
    job.file.delete(save=True)
    assert hr_client.get(url).status_code == 404


@pytest.mark.django_db
def test_import_now_after_a_successful_dry_run_imports_the_same_file(client, hr_with_mfa, registered):
    from django.core.files.base import ContentFile

    from appraisal_link.models import Appraisal, AppraisalImport
    from appraisal_link.services.import_jobs import appraisal_import_create, appraisal_import_run

    from .conftest import csv_bytes, record

    content = csv_bytes([record()], delimiter=";", bom=True)
    dry = appraisal_import_create(file=ContentFile(content, name="penilaian.csv"), user=hr_with_mfa, dry_run=True)
    appraisal_import_run(import_id=dry.pk)
    client.force_login(hr_with_mfa)
    page = client.get(reverse("appraisal_import_job", args=[dry.pk])).content.decode()
    assert 'data-testid="import-now"' in page
    assert not Appraisal.objects.exists()

    response = client.post(reverse("appraisal_import_run", args=[dry.pk]))

    real = AppraisalImport.objects.exclude(pk=dry.pk).get()
    assert response["Location"] == reverse("appraisal_import_job", args=[real.pk])
    assert not real.dry_run and real.original_name == "penilaian.csv" and real.created_by == hr_with_mfa
    real.file.open("rb")
    assert real.file.read() == content
    appraisal_import_run(import_id=real.pk)
    assert Appraisal.objects.count() == 1
    # A real import (or a failed one) offers nothing to run again; asking anyway changes nothing.
    real_page = client.get(reverse("appraisal_import_job", args=[real.pk])).content.decode()
    assert 'data-testid="import-now"' not in real_page
    client.post(reverse("appraisal_import_run", args=[real.pk]))
    assert AppraisalImport.objects.count() == 2


@pytest.mark.django_db
def test_a_failed_import_shows_a_red_bar_not_a_green_one(client, hr_with_mfa):
    from django.core.files.base import ContentFile

    from appraisal_link.services.import_jobs import appraisal_import_create, appraisal_import_run

    job = appraisal_import_create(file=ContentFile(b"bukan;berkas\n1;2\n", name="rusak.csv"), user=hr_with_mfa)
    appraisal_import_run(import_id=job.pk)
    client.force_login(hr_with_mfa)
    page = client.get(reverse("appraisal_import_job", args=[job.pk])).content.decode()
    assert "k-progress-failed" in page
    assert 'data-testid="import-now"' not in page
