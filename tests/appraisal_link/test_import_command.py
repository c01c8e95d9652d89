"""`manage.py import_appraisals FILE [--dry-run]`."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from appraisal_link.models import Appraisal
from portal.people.models import Employee

from ..factories import EmployeeFactory
from .conftest import csv_bytes, nip, record, xlsx_bytes

pytestmark = pytest.mark.django_db


def command(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_appraisals", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def good_file(tmp_path, registered):
    path = tmp_path / "penilaian.xlsx"
    path.write_bytes(xlsx_bytes([record(), record(periode="I"), record(periode="II")]))
    return path


def test_the_command_imports_and_a_second_run_changes_nothing(good_file):
    out, _err = command(good_file)
    assert "Selesai. 3 baris: 3 dibuat, 0 diperbarui, 0 tidak berubah; 0 pegawai baru." in out
    assert Appraisal.objects.count() == 3
    out, _err = command(good_file)
    assert "0 dibuat, 0 diperbarui, 3 tidak berubah" in out


def test_dry_run_writes_nothing(good_file, tmp_path):
    new = tmp_path / "baru.csv"
    new.write_bytes(csv_bytes([record(nip=nip(5), nama="Budi", unit_kerja="diskominfo", jabatan="analis-sdm")]))
    out, _err = command(good_file, "--dry-run")
    assert "Uji coba, tidak ada yang disimpan. Jika diimpor: 3 baris: 3 dibuat" in out
    out, _err = command(new, "--dry-run")
    assert "1 pegawai baru" in out
    assert not Appraisal.objects.exists()
    assert not Employee.objects.filter(nip=nip(5)).exists()


def test_errors_are_printed_and_nothing_is_saved(tmp_path, registered):
    path = tmp_path / "salah.csv"
    path.write_bytes(csv_bytes([record(), record(nip="1,99204E+17", periode="I")], delimiter=";", bom=True))
    errors_file = tmp_path / "kesalahan.csv"
    with pytest.raises(CommandError, match="Tidak ada yang disimpan: 1 kesalahan di 2 baris."):
        command(path, "--error-file", str(errors_file))
    assert not Appraisal.objects.exists()
    rows = list(csv.reader(io.StringIO(errors_file.read_text(encoding="utf-8-sig"))))
    assert rows[1][:3] == ["3", "nip", "1,99204E+17"]


def test_problems_go_to_stderr(tmp_path, registered):
    path = tmp_path / "salah.csv"
    path.write_bytes(csv_bytes([record(periode="V")]))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_appraisals", str(path), stdout=io.StringIO(), stderr=err)
    assert "KESALAHAN baris 2, kolom periode [V]: Periode tidak dikenal" in err.getvalue()


def test_an_unreadable_or_missing_file_is_a_command_error(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 rusak")
    with pytest.raises(CommandError, match="Berkas XLSX rusak"):
        command(path)
    with pytest.raises(CommandError, match="Berkas tidak ditemukan"):
        command(tmp_path / "tidak-ada.csv")


def test_progress_is_shown_every_n_rows(tmp_path, unit, jabatan):
    people = [EmployeeFactory(nip=nip(n), unit=unit, position=jabatan) for n in range(1, 8)]
    path = tmp_path / "penilaian.csv"
    path.write_bytes(csv_bytes([record(nip=p.nip, nama=p.name) for p in people]))
    out, _err = command(path, "--progress-every", "3")
    assert "  3 / 7 baris diperiksa" in out and "  6 / 7 baris diperiksa" in out and "  7 / 7 baris diperiksa" in out
