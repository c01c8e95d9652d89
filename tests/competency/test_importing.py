"""Importing the dictionary: our template (CSV with BOM and semicolons, XLSX) and Moodle's framework
export; every bad row reported, nothing written on error, the same file twice changes nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from competency import importing, services
from competency.models import Competency

from .conftest import MOODLE_HEADER, OWN_HEADER, csv_bytes, moodle_row, own_row, xlsx_bytes

LEVELS = ("Mengenal", "Menerapkan", "Membimbing", "Mengelola", "Menjadi rujukan")


def snapshot():
    return sorted(Competency.objects.values_list("code", "name", "kind", "parent__code", "description", "indicator_3"))


def run(data, name="kompetensi.csv", **kwargs):
    return services.competencies_import(data=data, name=name, **kwargs)


# --- our template ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_csv_with_bom_semicolons_and_loose_headers():
    header = ["Kode", "NAMA", "jenis", "Induk", "Definisi", "Level 1", "level_2", "LEVEL-3", "level  4", "Level_5"]
    data = csv_bytes(
        [
            header,
            own_row("tik-jaringan", "Jaringan Komputer", "Teknis", "", "Mengelola jaringan kantor.", LEVELS),
            own_row("tik-jaringan-nirkabel", "Jaringan Nirkabel", "teknis", "tik-jaringan", "Wi-Fi", LEVELS),
            own_row("moderasi-beragama", "Moderasi Beragama", "Sosial Kultural"),
        ],
        delimiter=";",
        bom=True,
    )
    result = run(data)

    assert result.ok, [str(e) for e in result.errors]
    assert (result.format, result.created, result.updated) == ("kompeten", 3, 0)
    child = Competency.objects.select_related("parent").get(code="tik-jaringan-nirkabel")
    assert child.parent.code == "tik-jaringan"
    assert child.indicator(3) == "Membimbing"
    assert Competency.objects.get(code="moderasi-beragama").kind == "sosial_kultural"
    assert Competency.objects.get(code="tik-jaringan").description == "Mengelola jaringan kantor."


@pytest.mark.django_db
def test_xlsx_template():
    data = xlsx_bytes(
        [
            OWN_HEADER,
            own_row("kearsipan", "Kearsipan", "teknis", "", "Arsip dinamis", LEVELS),
            own_row("kearsipan-digital", "Kearsipan Digital", "teknis", "kearsipan", "", (1, 2, 3, 4, 5)),
            [None] * 10,  # an empty row in the middle is skipped
            own_row("kepemimpinan", "Kepemimpinan", "manajerial"),
        ]
    )
    result = run(data, name="Kamus.XLSX")

    assert result.ok, [str(e) for e in result.errors]
    assert result.created == 3
    digital = Competency.objects.get(code="kearsipan-digital")
    assert digital.parent.code == "kearsipan"
    assert digital.indicator(2) == "2"


@pytest.mark.django_db
def test_parents_may_come_after_their_children_and_from_the_dictionary():
    data = csv_bytes(
        [
            OWN_HEADER,
            own_row("etika-digital", "Etika Digital", "teknis", "literasi-lanjut"),
            own_row("literasi-lanjut", "Literasi Digital Lanjut", "teknis", "tik-literasi-digital"),
        ]
    )
    assert run(data).ok
    assert Competency.objects.get(code="etika-digital").parent.parent.code == "tik-literasi-digital"


@pytest.mark.django_db
def test_reimporting_the_same_file_changes_nothing():
    rows = [
        OWN_HEADER,
        own_row("tik-jaringan", "Jaringan Komputer", "teknis", "", "Jaringan", LEVELS),
        own_row("tik-jaringan-nirkabel", "Jaringan Nirkabel", "teknis", "tik-jaringan", "", LEVELS),
        own_row("integritas", "Integritas", "manajerial"),  # an existing one, as it is
    ]
    assert run(csv_bytes(rows)).ok
    before = snapshot()
    with CaptureQueriesContext(connection) as ctx:
        again = run(csv_bytes(rows))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert snapshot() == before
    writes = [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]
    assert writes == []


@pytest.mark.django_db
def test_upsert_updates_what_changed_and_leaves_missing_columns_alone():
    integritas = Competency.objects.get(code="integritas")
    result = run(csv_bytes([["kode", "nama", "jenis"], ["integritas", "Integritas ASN", "manajerial"]]))
    assert (result.created, result.updated) == (0, 1)
    integritas.refresh_from_db()
    assert integritas.name == "Integritas ASN"
    assert integritas.indicator(1)  # the file has no level columns: the indicators stay
    assert integritas.description

    # Empty text cells keep the text; a new text replaces it; an empty induk detaches the parent.
    Competency.objects.filter(code="komunikasi").update(parent=integritas)
    rows = [OWN_HEADER, own_row("komunikasi", "Komunikasi", "manajerial", "", "", ("", "", "Baru level 3", "", ""))]
    assert run(csv_bytes(rows)).updated == 1
    komunikasi = Competency.objects.get(code="komunikasi")
    assert komunikasi.parent is None
    assert komunikasi.description.startswith("Kemampuan menerangkan")
    assert komunikasi.indicator(3) == "Baru level 3"
    assert komunikasi.indicator(1).startswith("Menerapkan")


# --- Moodle ------------------------------------------------------------------------------------------


def moodle_file():
    return csv_bytes(
        [
            MOODLE_HEADER,
            moodle_row("", "KOMPETENSI-TIK", "Kompetensi TIK Pemkot", "<p>Kerangka</p>", framework=True),
            moodle_row("KOMPETENSI-TIK", "TIK.01", "Infrastruktur", "<p>Mengelola <b>infrastruktur</b>&nbsp;TIK</p>"),
            moodle_row("TIK.01", "TIK.01.01", "Jaringan Lokal", "<p>LAN &amp; Wi-Fi</p><p>di kantor</p>"),
            moodle_row("TIK.01.01", "TIK.01.01.01", "Konfigurasi Router", "Router<br/>dan switch"),
            moodle_row("", "komunikasi", "Komunikasi", "<p>Dari Moodle</p>"),  # already in the dictionary
        ],
        bom=True,
    )


@pytest.mark.django_db
def test_moodle_export_keeps_the_hierarchy_and_strips_html():
    result = run(moodle_file(), name="kerangka-moodle.csv")

    assert result.ok, [str(e) for e in result.errors]
    assert (result.format, result.framework) == ("moodle", "Kompetensi TIK Pemkot")
    assert (result.created, result.updated) == (3, 1)
    assert not Competency.objects.filter(code__icontains="KOMPETENSI-TIK").exists()  # the framework row
    top = Competency.objects.get(code="TIK-01")
    assert top.parent is None
    assert (top.name, top.kind, top.description) == ("Infrastruktur", "teknis", "Mengelola infrastruktur TIK")
    leaf = Competency.objects.select_related("parent__parent").get(code="TIK-01-01-01")
    assert leaf.parent.code == "TIK-01-01"
    assert leaf.parent.parent.code == "TIK-01"
    assert leaf.description == "Router\ndan switch"
    assert Competency.objects.get(code="TIK-01-01").description == "LAN & Wi-Fi\ndi kantor"
    komunikasi = Competency.objects.get(code="komunikasi")
    assert komunikasi.kind == "manajerial"  # an existing code keeps its kind
    assert komunikasi.indicator(1)  # Moodle has no level indicators: left as they were

    again = run(moodle_file(), name="kerangka-moodle.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)


@pytest.mark.django_db
def test_moodle_unknown_parent_and_second_framework_are_errors():
    before = snapshot()
    data = csv_bytes(
        [
            MOODLE_HEADER,
            moodle_row("", "FW", "Kerangka", framework=True),
            moodle_row("", "A", "Kompetensi A"),
            moodle_row("TIDAK-ADA", "B", "Kompetensi B"),
            moodle_row("", "FW2", "Kerangka kedua", framework=True),
        ]
    )
    result = run(data)
    assert [(e.row, e.column, e.value) for e in result.errors] == [
        (4, "Parent ID number", "TIDAK-ADA"),
        (5, "Is framework", "1"),
    ]
    assert snapshot() == before


# --- rejected rows: all reported, nothing written ---------------------------------------------------------


BAD_ROWS = {
    "empty code": (own_row("", "Tanpa Kode"), "kode", "required"),
    "empty name": (own_row("tanpa-nama", ""), "nama", "required"),
    "invalid kind": (own_row("x-jenis", "Jenis Salah", "fungsional"), "jenis", "kind"),
    "empty kind": (own_row("x-kosong", "Jenis Kosong", ""), "jenis", "required"),
    "unknown parent": (own_row("x-anak", "Anak", "teknis", "tidak-ada"), "induk", "unknown_parent"),
    "own parent": (own_row("x-diri", "Diri", "teknis", "x-diri"), "induk", "own_parent"),
    "bad code": (own_row("kode dengan spasi", "Spasi"), "kode", "code_format"),
    "long name": (own_row("x-panjang", "N" * 201), "nama", "too_long"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_a_bad_row_refuses_the_whole_file(case):
    row, column, code = BAD_ROWS[case]
    before = snapshot()
    data = csv_bytes(
        [OWN_HEADER, own_row("baru-valid", "Kompetensi Baru"), row, own_row("integritas", "Ganti Nama", "manajerial")]
    )

    result = run(data)

    assert not result.ok
    assert [(e.row, e.column, e.code) for e in result.errors] == [(3, column, code)]
    assert str(result.errors[0]).startswith("Baris 3, kolom “" + column + "”")  # the message names the cell
    assert snapshot() == before  # not even the valid rows


@pytest.mark.django_db
def test_duplicate_codes_and_cycles_are_reported_with_every_other_error():
    before = snapshot()
    data = csv_bytes(
        [
            OWN_HEADER,
            own_row("a", "A", "teknis", "b"),
            own_row("b", "B", "teknis", "a"),
            own_row("a", "A lagi"),
            own_row("", ""),
            own_row("c", "C", "rahasia"),
        ]
    )
    errors = run(data).errors
    found = {(e.row, e.column) for e in errors}
    assert {(2, "induk"), (3, "induk"), (4, "kode"), (5, "kode"), (5, "nama"), (6, "jenis")} <= found
    duplicate = next(e for e in errors if (e.row, e.column) == (4, "kode"))
    assert duplicate.code == "duplicate" and duplicate.value == "a"
    assert "baris 2" in duplicate.reason  # names the row that has the code first
    cycle = next(e for e in errors if (e.row, e.column) == (2, "induk"))
    assert cycle.code == "cycle"
    assert snapshot() == before


@pytest.mark.django_db
def test_a_cycle_through_the_dictionary_is_an_error():
    before = snapshot()
    # The file makes integritas a child of x, and x a child of integritas.
    data = csv_bytes(
        [
            OWN_HEADER,
            own_row("x-baru", "X", "manajerial", "integritas"),
            own_row("integritas", "Integritas", "manajerial", "x-baru"),
        ]
    )
    errors = run(data).errors
    assert {(e.row, e.column) for e in errors} == {(2, "induk"), (3, "induk")}
    assert snapshot() == before


# --- refused files ------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"kode,nama,jenis\n" + b"x" * (5 * 1024 * 1024), "besar.csv", "terlalu besar"),
        (b"kode,nama,jenis\nx,X,teknis\n", "kamus.txt", "bukan CSV atau XLSX"),
        (b"\xd0\xcf\x11\xe0", "lama.xls", "bukan CSV atau XLSX"),
        (b"kode,nama,jenis\n", "palsu.xlsx", "tidak dapat dibaca"),
        (b"PK\x03\x04rusak", "rusak.xlsx", "rusak"),
        ("kode,nama,jenis\nx,Éé,teknis\n".encode("latin-1"), "latin.csv", "UTF-8"),
        ("kode,nama,jenis\n".encode("utf-16"), "utf16.csv", "bukan teks CSV"),
        (b"nomor,judul\n1,A\n", "lain.csv", "Format berkas tidak dikenali"),
        (b"", "kosong.csv", "kosong"),
        (b"kode,nama,jenis\n", "judul-saja.csv", "tidak memuat satu baris"),
    ],
)
def test_files_that_are_refused_as_a_whole(data, name, message):
    before = snapshot()
    with pytest.raises(importing.FileRefused) as refused:
        run(data, name=name)
    assert message in str(refused.value)
    assert snapshot() == before


# --- the command ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_imports_and_reports(tmp_path):
    path = tmp_path / "kamus.csv"
    path.write_bytes(csv_bytes([OWN_HEADER, own_row("kearsipan", "Kearsipan")], delimiter=";", bom=True))
    out = io.StringIO()
    call_command("import_competencies", str(path), stdout=out)
    assert "1 baru" in out.getvalue()
    assert Competency.objects.filter(code="kearsipan").exists()

    out = io.StringIO()
    call_command("import_competencies", str(path), stdout=out)
    assert "0 baru, 0 diperbarui, 1 tetap" in out.getvalue()


@pytest.mark.django_db
def test_command_lists_every_error_and_fails(tmp_path):
    path = tmp_path / "kamus.xlsx"
    path.write_bytes(xlsx_bytes([OWN_HEADER, own_row("", "Tanpa Kode"), own_row("y", "Y", "salah")]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 kesalahan; tidak ada yang diimpor"):
        call_command("import_competencies", str(path), stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("Baris 2, kolom “kode”")
    assert lines[1].startswith("Baris 3, kolom “jenis”, nilai “salah”")
    assert not Competency.objects.filter(code="y").exists()


@pytest.mark.django_db
def test_command_refuses_missing_and_foreign_files(tmp_path):
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("import_competencies", str(tmp_path / "tidak-ada.csv"))
    other = tmp_path / "kamus.pdf"
    other.write_bytes(b"%PDF-1.4")
    with pytest.raises(CommandError, match="bukan CSV atau XLSX"):
        call_command("import_competencies", str(other))


@pytest.mark.django_db
def test_command_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "kamus.csv"
    path.write_bytes(csv_bytes([OWN_HEADER, own_row("kearsipan", "Kearsipan")]))
    out = io.StringIO()
    call_command("import_competencies", str(path), "--dry-run", stdout=out)
    assert "Uji coba" in out.getvalue() and "1 baru" in out.getvalue()
    assert not Competency.objects.filter(code="kearsipan").exists()
