"""The template files HR downloads: the columns, an example row, and (in the XLSX) help against mistakes.

The XLSX formats the NIP column as text, so that a NIP typed into it keeps its 18 digits instead of
becoming 1,99204E+17, and offers the accepted ratings, predikat and periods as drop-down lists.
"""

import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from portal.spreadsheets import table_response

from .columns import COLUMNS, EXAMPLE_ROW, REQUIRED, VALUES

TEMPLATE_ROWS = 5000
RATINGS = '"Di atas ekspektasi,Sesuai ekspektasi,Di bawah ekspektasi"'
PREDIKAT = '"Sangat Baik,Baik,Butuh Perbaikan,Kurang,Sangat Kurang"'
PERIODS = '"Tahunan,I,II,III,IV"'
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_csv_response() -> HttpResponse:
    return table_response(
        filename="templat-impor-penilaian",
        header=list(COLUMNS),
        rows=[[EXAMPLE_ROW[column] for column in COLUMNS]],
        file_format="csv",
    )


def _column(name: str) -> str:
    return get_column_letter(COLUMNS.index(name) + 1)


def _instructions() -> list[tuple[str, str]]:
    return [
        (_("Kolom"), _("Isi")),
        ("nip", _("18 angka, tanpa spasi. Kolom ini berformat Teks: jangan ubah menjadi Angka.")),
        ("nama", _("Nama pegawai. Untuk NIP yang sudah terdaftar, nama di data pegawai tidak diubah.")),
        ("unit_kerja", _("Nama atau kode unit kerja yang terdaftar (dipakai bila NIP belum terdaftar).")),
        ("jabatan", _("Nama atau kode jabatan yang terdaftar (dipakai bila NIP belum terdaftar).")),
        ("tahun", _("Tahun penilaian, misalnya 2025.")),
        ("periode", _("Tahunan, atau triwulan I, II, III, IV.")),
        ("hasil_kerja, perilaku_kerja", _("Di atas ekspektasi, Sesuai ekspektasi atau Di bawah ekspektasi.")),
        ("predikat", _("Sangat Baik, Baik, Butuh Perbaikan, Kurang atau Sangat Kurang.")),
        (", ".join(VALUES), _("Tidak wajib. Penilaian tiap nilai BerAKHLAK, dengan pilihan yang sama.")),
        ("catatan", _("Tidak wajib.")),
        (
            "email",
            _(
                "Tidak wajib. Alamat e-mail pegawai yang dicatat BKPSDM; pegawai membuktikan dirinya dengan alamat "
                "ini saat mendaftar. Sel kosong tidak mengubah alamat yang sudah tercatat."
            ),
        ),
        ("", _("Hapus baris contoh (baris 2) sebelum mengisi data.")),
        ("", _("Satu berkas tersimpan seluruhnya atau tidak sama sekali. Mengimpor ulang berkas yang sama aman.")),
    ]


def template_xlsx_response() -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Penilaian")
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=cell.value in REQUIRED)
    nip = _column("nip")
    sheet.append([EXAMPLE_ROW[column] for column in COLUMNS])
    for row in range(2, TEMPLATE_ROWS + 2):
        sheet[f"{nip}{row}"].number_format = "@"  # text: Excel keeps all 18 digits
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(len(column) + 4, 20 if column == "nip" else 12)
    sheet.freeze_panes = "A2"
    for formula, columns in (
        (RATINGS, ["hasil_kerja", "perilaku_kerja", *VALUES]),
        (PREDIKAT, ["predikat"]),
        (PERIODS, ["periode"]),
    ):
        validation = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=False)
        sheet.add_data_validation(validation)
        for column in columns:
            letter = _column(column)
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    help_sheet = workbook.create_sheet(_("Petunjuk"))
    for row in _instructions():
        help_sheet.append(list(row))
    help_sheet.column_dimensions["A"].width = 40
    help_sheet.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="templat-impor-penilaian.xlsx"'
    return response
