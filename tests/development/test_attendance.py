"""HR imports a training's attendance list: a clean list records every participant as verified, all at
once; one wrong row writes nothing, and each problem is named by row and column."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook

from competency.models import Competency, Gap
from courses.development.attendance import attendance_import
from courses.development.models import ExternalActivity
from courses.ledger import jp_of
from portal.notifications.models import Kind, Notification
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
HEADER = "NIP,Nama,Kegiatan,Penyelenggara,Tanggal mulai,Tanggal selesai,JP"


def csv_of(*rows: str, header: str = HEADER) -> bytes:
    return ("\ufeff" + "\n".join([header, *rows]) + "\n").encode()


def row(employee, *, name=None, title="Bimtek SPBE", start=None, end=None, jp="24") -> str:
    start, end = start or TODAY.strftime("%d/%m/%Y"), end or TODAY.isoformat()
    return f"{employee.nip},{name or employee.name},{title},Kementerian PANRB,{start},{end},{jp}"


def run(data: bytes, hr, *, name="hadir.csv", competencies=()):
    return attendance_import(data=data, name=name, kind="bimtek", competency_ids=list(competencies), by=hr)


def test_a_clean_list_records_everyone_verified_and_tells_them(pegawai, atasan, hr):
    result = run(csv_of(row(pegawai.employee), row(atasan.employee, name=atasan.employee.name.upper())), hr)
    assert result.problems == [] and result.recorded == 2
    activities = ExternalActivity.objects.all()
    assert {a.status for a in activities} == {ExternalActivity.Status.VERIFIED}
    assert {a.source for a in activities} == {ExternalActivity.Source.IMPORT} and activities[0].decided_by == hr
    assert jp_of(employee=pegawai.employee, year=TODAY.year).outside == 24
    assert Notification.objects.filter(kind=Kind.EXTERNAL_VERIFIED).count() == 2


def test_the_competencies_named_close_the_participants_gaps(pegawai, hr):
    from appraisal_link.models import Rating

    from ..appraisal_link.test_gaps_and_assignments import appraise

    appraise(pegawai.employee, year=TODAY.year, adaptif=Rating.BELOW)
    change = Competency.objects.get(code="mengelola-perubahan")
    result = run(csv_of(row(pegawai.employee)), hr, competencies=[change.pk])
    assert result.closed_gaps >= 1
    assert not Gap.objects.filter(employee=pegawai.employee, competency=change, status=Gap.Status.OPEN).exists()


def test_one_wrong_row_writes_nothing_and_every_problem_is_named(pegawai, atasan, hr, make_person):
    stranger = EmployeeFactory.build(nip="199001012015031001")
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    run(csv_of(row(atasan.employee, title="Sudah Ada")), hr)
    rows = [
        row(pegawai.employee),  # 2: fine
        row(stranger),  # 3: not in the register
        row(pegawai.employee, name="Orang Lain"),  # 4: the name is someone else's
        row(pegawai.employee, start="31/02/2026", title="Lain"),  # 5: no such date
        row(pegawai.employee, end=tomorrow, title="Besok"),  # 6: not over yet
        row(pegawai.employee, jp="0", title="Nol"),  # 7: no JP
        row(pegawai.employee),  # 8: the same as row 2
        row(atasan.employee, title="Sudah Ada"),  # 9: recorded before
        f"1.99204202019032E+17,{pegawai.employee.name},Bimtek,PANRB,{TODAY},{TODAY},8",  # 10: Excel's number
    ]
    before = ExternalActivity.objects.count()
    result = run(csv_of(*rows), hr)
    found = {(p.row, p.column, p.code) for p in result.problems}
    assert {
        (5, "Tanggal mulai", "date_format"),
        (6, "Tanggal selesai", "not_over"),
        (7, "JP", "jp_range"),
        (10, "NIP", "excel_number"),
    } <= found
    assert result.recorded == 0 and ExternalActivity.objects.count() == before


def test_the_register_checks_come_after_the_cells_are_clean(pegawai, atasan, hr):
    stranger = EmployeeFactory.build(nip="199001012015031001")
    run(csv_of(row(atasan.employee, title="Sudah Ada")), hr)
    rows = [
        row(pegawai.employee),
        row(stranger),
        row(pegawai.employee, name="Orang Lain", title="Lain"),
        row(pegawai.employee),
        row(atasan.employee, title="Sudah Ada"),
    ]
    result = run(csv_of(*rows), hr)
    assert {(p.row, p.column, p.code) for p in result.problems} == {
        (3, "NIP", "unknown_nip"),
        (4, "Nama", "name_mismatch"),
        (5, "NIP", "duplicate_row"),
        (6, "Kegiatan", "already_recorded"),
    }
    assert ExternalActivity.objects.count() == 1


def test_headers_match_without_regard_to_case_and_spacing_and_a_missing_one_is_named(pegawai, hr):
    header = "  nip ,NAMA, Kegiatan ,penyelenggara,TANGGAL  MULAI,Tanggal_Selesai,jp"
    assert run(csv_of(row(pegawai.employee), header=header), hr).recorded == 1
    refused = run(csv_of(row(pegawai.employee), header="NIP,Nama,Kegiatan"), hr)
    assert [(p.row, p.code) for p in refused.problems] == [(1, "missing_columns")]
    assert "Penyelenggara" in refused.problems[0].message  # the missing column is named


def test_an_xlsx_list_with_excel_dates_imports(pegawai, hr):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    day = datetime.datetime(TODAY.year, TODAY.month, TODAY.day)
    sheet.append([pegawai.employee.nip, pegawai.employee.name, "Workshop Data", "BPS", day, day, 8])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert run(buffer.getvalue(), hr, name="hadir.xlsx").recorded == 1


def test_the_import_costs_the_same_queries_for_more_people(hr, unit):
    people = [EmployeeFactory(unit=unit) for _ in range(12)]

    def count(group, title):
        with CaptureQueriesContext(connection) as queries:
            assert run(csv_of(*(row(p, title=title) for p in group)), hr).recorded == len(group)
        return len(queries)

    assert count(people[:2], "Satu") == count(people[2:], "Dua")


def test_hr_imports_in_the_admin_and_sees_the_problems(client, hr_with_mfa, pegawai):
    client.force_login(hr_with_mfa)
    url = reverse("external_attendance_import")
    bad = SimpleUploadedFile("hadir.csv", csv_of(row(pegawai.employee, jp="x")))
    refused = client.post(url, {"file": bad, "kind": "bimtek"})
    assert refused.status_code == 400 and "Tidak ada yang disimpan" in refused.content.decode()
    assert not ExternalActivity.objects.exists()
    good = SimpleUploadedFile("hadir.csv", csv_of(row(pegawai.employee)))
    done = client.post(url, {"file": good, "kind": "bimtek"})
    assert done.status_code == 302 and done["Location"] == reverse("pengembangan-luar:index")
    assert client.get(reverse("pengembangan-luar:index")).status_code == 200
    template = client.get(reverse("external_attendance_template") + "?format=csv")
    assert template.content.decode("utf-8-sig").startswith(HEADER)


def test_an_excel_list_with_a_nip_turned_into_a_number_is_refused(pegawai, atasan, hr):
    from ..excel_workbook import Number, excel_workbook

    day = TODAY
    rows = [
        HEADER.split(","),
        [pegawai.employee.nip, pegawai.employee.name, "Bimtek SPBE", "PANRB", day, day, Number("24")],
        [Number(atasan.employee.nip), atasan.employee.name, "Bimtek SPBE", "PANRB", day, day, Number("24")],
    ]
    result = run(excel_workbook(rows), hr, name="hadir.xlsx")
    assert [(p.row, p.column, p.code) for p in result.problems] == [(3, "NIP", "excel_number")]
    assert not ExternalActivity.objects.exists()
    rows[2][0] = atasan.employee.nip
    assert run(excel_workbook(rows), hr, name="hadir.xlsx").recorded == 2
