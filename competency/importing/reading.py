"""From an uploaded file to a table of strings: CSV (UTF-8, with or without BOM, comma or semicolon)
or XLSX (the first sheet). Anything else, or anything too large, is refused with a message for HR.
"""

import csv
import datetime
import io
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
# An XLSX is a zip: refuse one that would unpack to far more than a real dictionary needs.
MAX_XLSX_UNPACKED = 60 * 1024 * 1024
EXTENSIONS = (".csv", ".xlsx")
ZIP_MAGIC = b"PK\x03\x04"


class FileRefused(Exception):
    """The file as a whole cannot be imported (type, size, encoding, header); nothing is written."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def check_upload(*, name: str, size: int) -> str:
    """Refuse by name and size before reading; returns the lower-case extension."""
    extension = PurePath(name or "").suffix.lower()
    if extension not in EXTENSIONS:
        raise FileRefused(
            _("Berkas “%(name)s” bukan CSV atau XLSX. Unggah berkas .csv (UTF-8) atau .xlsx.") % {"name": name}
        )
    if size > MAX_BYTES:
        raise FileRefused(
            _("Berkas terlalu besar (%(size)s MB); batasnya %(limit)s MB.")
            % {"size": f"{size / 1024 / 1024:.1f}", "limit": MAX_BYTES // 1024 // 1024}
        )
    return extension


def read_table(*, data: bytes, name: str) -> list[list[str]]:
    """The rows of the file (the header first), every cell a stripped string."""
    extension = check_upload(name=name, size=len(data))
    if not data.strip():
        raise FileRefused(_("Berkas kosong."))
    if data.startswith(ZIP_MAGIC):
        rows = _read_xlsx(data)
    elif extension == ".xlsx":
        raise FileRefused(_("Berkas .xlsx ini tidak dapat dibaca sebagai lembar kerja Excel."))
    else:
        rows = _read_csv(data)
    if len(rows) > MAX_ROWS + 1:
        raise FileRefused(_("Berkas berisi lebih dari %(limit)s baris.") % {"limit": f"{MAX_ROWS:,}".replace(",", ".")})
    return rows


def _unescape(cell: str) -> str:
    """Undo the apostrophe our own downloads put before a would-be formula, so they round-trip."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@":
        return cell[1:]
    return cell


def _read_csv(data: bytes) -> list[list[str]]:
    if b"\x00" in data[:4096]:
        raise FileRefused(_("Berkas ini bukan teks CSV (mungkin UTF-16 atau berkas biner). Simpan sebagai CSV UTF-8."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(
            _("Berkas CSV harus berenkode UTF-8 (byte ke-%(position)s tidak sah). Simpan ulang sebagai “CSV UTF-8”.")
            % {"position": error.start + 1}
        ) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # strict: a file cut off inside a quoted cell (Moodle's multi-line descriptions) is refused,
    # not read as if the cell ended there.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    try:
        for row in reader:
            rows.append([_unescape(cell.strip()) for cell in row])
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error as error:
        raise FileRefused(
            _("CSV tidak sah di baris %(line)s: %(error)s") % {"line": reader.line_num, "error": _csv_problem(error)}
        ) from None
    return rows


def _csv_problem(error: csv.Error) -> str:
    """Python's CSV errors are English and technical: say what is wrong with the file."""
    text = str(error)
    if "unexpected end of data" in text:
        return _('sel yang diawali tanda kutip (") tidak ditutup sampai akhir berkas; berkas mungkin terpotong')
    if "expected after" in text:
        return _('ada teks setelah tanda kutip penutup sel; tanda kutip di dalam sel harus ditulis dua kali ("")')
    return _("susunan kolom dan tanda kutipnya rusak")


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, float):
        # Beyond 15 digits a spreadsheet number has lost digits (an 18-digit NIP typed as a number):
        # keep Excel's own notation, so that the importer can tell the person what happened.
        return repr(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return _unescape(str(value).strip())


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise FileRefused(_("Berkas .xlsx ini rusak atau bukan lembar kerja Excel.")) from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise FileRefused(_("Isi berkas .xlsx ini terlalu besar setelah diekstrak."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, ValueError, InvalidFileException...)
        raise FileRefused(_("Berkas .xlsx ini rusak atau bukan lembar kerja Excel.")) from None
    try:
        if not workbook.worksheets:
            raise FileRefused(_("Berkas .xlsx ini tidak memiliki lembar kerja."))
        rows = []
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            rows.append([_cell_text(value) for value in values])
            if len(rows) > MAX_ROWS + 1:
                break
    finally:
        workbook.close()
    # Sheets often carry formatted but empty trailing cells.
    width = max((i + 1 for row in rows for i, cell in enumerate(row) if cell), default=0)
    return [row[:width] for row in rows]
