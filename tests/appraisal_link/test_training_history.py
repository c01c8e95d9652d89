"""HR's training history for SIASN: portal completions with their certificates and verified outside
activities, in a period, for an employee, a unit (with its sub-units) or everyone, on the page and
as CSV and XLSX in SIASN's columns; bad filters are refused with a message."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses import services as course_services
from courses.development.services import activity_record, activity_reject, activity_verify
from courses.models import Certificate
from courses.services.certificates import certificate_issue, certificate_revoke
from portal.audit.models import AuditAction, AuditEntry
from portal.people import roles

from ..courses.conftest import correct_answers, make_course
from ..development.conftest import pdf
from ..factories import UnitFactory

pytestmark = pytest.mark.django_db
URL = reverse("appraisal_training_history")
HEADER = [
    "NIP",
    "Nama",
    "Unit kerja",
    "Nama diklat/kursus",
    "Jenis diklat",
    "Penyelenggara",
    "Tanggal mulai",
    "Tanggal selesai",
    "Tahun",
    "Jumlah jam (JP)",
    "Nomor sertifikat",
    "Tanggal sertifikat",
]


def complete(employee, title, jp=4) -> Certificate:
    """`employee` completes a new portal course worth `jp`; its certificate is issued."""
    course = make_course(title, jp=jp)
    enrollment = course_services.enrollment_create(employee=employee, course=course)
    reading, quiz = [page.specific for page in course.get_children().order_by("path")]
    course_services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    course_services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    return certificate_issue(enrollment_id=enrollment.pk)


def outside(employee, title, *, by, verified=True, ends_on=None, **fields):
    ends_on = ends_on or timezone.localdate()
    activity = activity_record(
        employee=employee,
        kind=fields.pop("kind", "bimtek"),
        title=title,
        organiser=fields.pop("organiser", "BSSN"),
        starts_on=ends_on - datetime.timedelta(days=2),
        ends_on=ends_on,
        jp=fields.pop("jp", 16),
        proof=pdf(),
        **fields,
    )
    if verified:
        activity_verify(activity=activity, by=by)
    return activity


def period(**extra) -> dict:
    today = timezone.localdate()
    return {"dari": f"{today.year}-01-01", "sampai": today.isoformat(), "unit": "", "nip": "", **extra}


def csv_rows(client, params) -> list[list[str]]:
    response = client.get(URL, {**params, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def history(pegawai, atasan, make_person, unit, other_unit):
    """The pegawai: a portal course (certificate) and a verified bimtek; one waiting and one rejected
    outside activity; a colleague in a sub-unit; someone in another unit."""
    certificate = complete(pegawai.employee, "Keamanan Digital", jp=4)
    outside(pegawai.employee, "Bimtek Keamanan Siber", by=atasan)
    outside(pegawai.employee, "Workshop Menunggu", by=atasan, verified=False)
    rejected = outside(pegawai.employee, "Seminar Ditolak", by=atasan, verified=False)
    activity_reject(activity=rejected, by=atasan, reason="Tanpa bukti.")
    sub_unit = UnitFactory(name="Bidang Aplikasi Informatika", parent=unit)
    colleague = make_person(roles.PEGAWAI, unit=sub_unit)
    complete(colleague.employee, "Tata Naskah Dinas Elektronik", jp=6)
    elsewhere = make_person(roles.PEGAWAI, unit=other_unit)
    complete(elsewhere.employee, "Pelayanan Prima", jp=8)
    return {"certificate": certificate, "colleague": colleague.employee, "elsewhere": elsewhere.employee}


def test_the_export_has_sia_sn_columns_and_every_finished_training(client, hr_with_mfa, pegawai, history):
    client.force_login(hr_with_mfa)
    rows = csv_rows(client, period(nip=pegawai.employee.nip))
    assert rows[0] == HEADER
    by_title = {row[3]: row for row in rows[1:]}
    assert set(by_title) == {"Keamanan Digital", "Bimtek Keamanan Siber"}
    certificate = history["certificate"]
    today = timezone.localdate()
    portal = by_title["Keamanan Digital"]
    assert portal[:3] == [pegawai.employee.nip, pegawai.employee.name, "Dinas Komunikasi dan Informatika"]
    assert portal[4:6] == ["E-learning (portal Kompeten)", "BKPSDM Kota Pangkalpinang"]
    assert portal[6] == portal[7] == today.strftime("%d-%m-%Y")
    assert portal[8:] == [str(today.year), "4", certificate.code, today.strftime("%d-%m-%Y")]
    bimtek = by_title["Bimtek Keamanan Siber"]
    assert bimtek[4:6] == ["Bimbingan teknis (bimtek)", "BSSN"]
    assert bimtek[6] == (today - datetime.timedelta(days=2)).strftime("%d-%m-%Y")
    assert bimtek[9:] == ["16", "", ""]  # no number given when it was recorded


def test_an_outside_certificate_number_given_by_the_employee_is_exported(client, hr_with_mfa, pegawai, atasan):
    issued = timezone.localdate()
    outside(
        pegawai.employee,
        "Diklat Teknis Jaringan",
        by=atasan,
        certificate_number="445/77/BPSDM",
        certificate_date=issued,
    )
    client.force_login(hr_with_mfa)
    [row] = csv_rows(client, period(nip=pegawai.employee.nip))[1:]
    assert row[3] == "Diklat Teknis Jaringan"
    assert row[10:] == ["445/77/BPSDM", issued.strftime("%d-%m-%Y")]


def test_a_unit_takes_its_sub_units_and_everyone_takes_all(client, hr_with_mfa, pegawai, unit, history):
    client.force_login(hr_with_mfa)
    of_unit = {row[0] for row in csv_rows(client, period(unit=unit.pk))[1:]}
    assert of_unit == {pegawai.employee.nip, history["colleague"].nip}
    everyone = csv_rows(client, period())[1:]
    assert {row[0] for row in everyone} == of_unit | {history["elsewhere"].nip}
    assert [row[0] for row in everyone] == sorted(row[0] for row in everyone)


def test_the_period_is_of_the_end_date(client, hr_with_mfa, pegawai, atasan, history):
    client.force_login(hr_with_mfa)
    last_year = timezone.localdate().replace(month=6, day=30) - datetime.timedelta(days=365)
    outside(pegawai.employee, "Diklat Tahun Lalu", by=atasan, ends_on=last_year)
    this_year = {row[3] for row in csv_rows(client, period(nip=pegawai.employee.nip))[1:]}
    assert "Diklat Tahun Lalu" not in this_year
    params = {"dari": f"{last_year.year}-01-01", "sampai": f"{last_year.year}-12-31", "nip": pegawai.employee.nip}
    assert [row[3] for row in csv_rows(client, params)[1:]] == ["Diklat Tahun Lalu"]


def test_a_revoked_certificate_is_not_a_record(client, hr_with_mfa, pegawai, history):
    certificate_revoke(certificate=history["certificate"], reason="Kuis dikerjakan orang lain.")
    client.force_login(hr_with_mfa)
    titles = {row[3] for row in csv_rows(client, period(nip=pegawai.employee.nip))[1:]}
    assert titles == {"Bimtek Keamanan Siber"}


def test_the_xlsx_has_the_same_rows(client, hr_with_mfa, history):
    client.force_login(hr_with_mfa)
    response = client.get(URL, {**period(), "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    assert cells == csv_rows(client, period())


def test_a_title_that_looks_like_a_formula_is_written_as_text(client, hr_with_mfa, pegawai, atasan, history):
    outside(pegawai.employee, '=HYPERLINK("http://contoh.invalid","klik")', by=atasan)
    client.force_login(hr_with_mfa)
    titles = [row[3] for row in csv_rows(client, period(nip=pegawai.employee.nip))[1:]]
    assert not any(title.startswith("=") for title in titles)


def test_the_page_shows_a_preview_and_the_downloads(client, hr_with_mfa, pegawai, history):
    client.force_login(hr_with_mfa)
    first = client.get(URL)
    assert first.status_code == 200
    assert "Riwayat diklat untuk SIASN" in first.content.decode()
    response = client.get(URL, period(nip=pegawai.employee.nip))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Keamanan Digital" in html and history["certificate"].code in html
    assert "format=csv" in html and "format=xlsx" in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"nip": "199001012020121999"}, "Tidak ada pegawai dengan NIP 199001012020121999."),
        ({"dari": "2026-12-31", "sampai": "2026-01-01"}, "Tanggal akhir tidak boleh sebelum tanggal awal."),
        ({"dari": "2000-01-01", "sampai": "2026-01-01"}, "Rentang paling panjang sepuluh tahun."),
        ({"dari": "kemarin"}, "Masukkan tanggal yang valid."),
        ({"unit": "999999"}, "Masukkan pilihan yang valid."),
    ],
)
def test_bad_filters_are_refused_with_a_message(client, hr_with_mfa, pegawai, changes, message):
    client.force_login(hr_with_mfa)
    for extra in ({}, {"format": "csv"}):
        response = client.get(URL, {**period(), **changes, **extra})
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        assert message in response.content.decode()


def test_a_unit_and_a_nip_together_are_refused(client, hr_with_mfa, pegawai, unit):
    client.force_login(hr_with_mfa)
    response = client.get(URL, period(unit=unit.pk, nip=pegawai.employee.nip))
    assert response.status_code == 400
    assert "Pilih satu unit kerja atau satu NIP, tidak keduanya." in response.content.decode()


def test_an_export_of_one_employee_is_audited_with_whose_data(client, hr_with_mfa, pegawai, history):
    client.force_login(hr_with_mfa)
    csv_rows(client, period(nip=pegawai.employee.nip))
    entry = AuditEntry.objects.filter(what="laporan.riwayat_diklat").latest("pk")
    assert entry.action == AuditAction.EXPORT
    assert entry.subject_employee_id == pegawai.employee.pk


def test_the_queries_do_not_grow_with_the_records(client, hr_with_mfa, pegawai, atasan, history):
    client.force_login(hr_with_mfa)
    csv_rows(client, period())

    def counted():
        # Warm: what the records made old is read again, and an HR session writes its last request's
        # time once a minute (portal.people.middleware), which a slow run may reach between the two.
        csv_rows(client, period())
        with CaptureQueriesContext(connection) as ctx:
            csv_rows(client, period())
        return len(ctx.captured_queries)

    before = counted()
    for number in range(5):
        complete(pegawai.employee, f"Kursus tambahan {number}")
        outside(pegawai.employee, f"Bimtek tambahan {number}", by=atasan)
    assert counted() == before
