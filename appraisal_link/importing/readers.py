"""A CSV or XLSX file as a stream of rows, numbered as a person counts them in a spreadsheet (header = 1).

A CSV is decoded and split as it is read, never loaded whole; an XLSX's first sheet is read by calamine
into a compact table of cells (its unpacked size is capped first) and handed out row by row. A file that
cannot be read at all (empty, not CSV or XLSX, corrupt, not UTF-8, without the required columns) raises
FileRejected with the reason.
"""

import csv
import zipfile
from collections.abc import Iterator
from pathlib import PurePath

from django.utils.translation import gettext_noop

from portal import stored_text
from portal.stored_text import Source, source

from .columns import COLUMNS, REQUIRED, normalise_header

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# An XLSX is a zip: refuse one whose contents would unpack to more than this (a "zip bomb").
MAX_XLSX_UNPACKED_BYTES = 400 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc)


class FileRejected(Exception):
    """The file as a whole cannot be imported: `message` says why in the active language, `source`
    keeps it as a stored-text source (for the job's report, read later in the reader's language),
    `code` names the kind of refusal in words that do not change with the language or the wording."""

    def __init__(self, source: Source, *, row: int | None = None, code: str = ""):
        self.source = source
        self.message = stored_text.render(source)
        self.row = row
        self.code = code
        super().__init__(self.message)


class Table:
    """The header of a file and an iterator over its data rows.

    `rows()` yields (row number, {column: raw value}) for every row that is not blank; `estimated_rows`
    is a cheap estimate of the number of data rows, for a progress bar.
    """

    def __init__(self, *, header: list, raw_rows: Iterator, estimated_rows: int, close=None):
        self.columns = {}
        duplicates = set()
        for index, name in enumerate(header):
            key = normalise_header(name)
            if not key:
                continue
            if key in self.columns:
                duplicates.add(key)
            self.columns[key] = index
        if duplicates:
            raise FileRejected(
                source(
                    gettext_noop("Kolom muncul lebih dari sekali di baris 1: %(columns)s."),
                    columns=", ".join(sorted(duplicates)),
                ),
                row=1,
                code="duplicate_columns",
            )
        missing = [column for column in REQUIRED if column not in self.columns]
        if missing:
            raise FileRejected(
                source(
                    gettext_noop(
                        "Kolom wajib tidak ditemukan di baris 1: %(columns)s. Baris pertama harus berisi nama kolom "
                        "seperti pada templat."
                    ),
                    columns=", ".join(missing),
                ),
                row=1,
                code="missing_columns",
            )
        self.unknown_columns = [name for name in self.columns if name not in COLUMNS]
        self._raw_rows = raw_rows
        self.estimated_rows = estimated_rows
        self._close = close

    def rows(self) -> Iterator[tuple[int, dict]]:
        wanted = [(column, index) for column, index in self.columns.items() if column in COLUMNS]
        for number, values in self._raw_rows:
            if not any(value is not None and str(value).strip() for value in values):
                continue  # a blank row: skipped, but still counted in the numbering
            width = len(values)
            yield number, {column: values[index] if index < width else None for column, index in wanted}

    def close(self) -> None:
        if self._close is not None:
            self._close()


def open_table(file, *, name: str) -> Table:
    """Open an uploaded or local file (a binary file object, seekable) as a Table."""
    suffix = PurePath(name or "").suffix.lower()
    head = file.read(8)
    file.seek(0)
    if not head:
        raise FileRejected(source(gettext_noop("Berkas kosong.")), code="empty")
    if suffix == ".xls" or head.startswith(_OLE_MAGIC):
        raise FileRejected(
            source(gettext_noop("Format .xls (Excel 97–2003) tidak didukung. Simpan sebagai .xlsx atau CSV UTF-8.")),
            code="xls",
        )
    if suffix == ".xlsx":
        if not head.startswith(_ZIP_MAGIC):
            raise FileRejected(
                source(gettext_noop("Berkas ini bukan XLSX yang sah. Simpan ulang dari Excel sebagai .xlsx.")),
                code="not_xlsx",
            )
        return _open_xlsx(file)
    if suffix in (".csv", ".txt"):
        if head.startswith(_ZIP_MAGIC):
            raise FileRejected(
                source(
                    gettext_noop(
                        "Berkas ini bukan CSV (isinya seperti XLSX). Beri akhiran .xlsx atau simpan sebagai CSV."
                    )
                ),
                code="xlsx_as_csv",
            )
        return _open_csv(file)
    raise FileRejected(source(gettext_noop("Berkas harus berformat CSV (.csv) atau Excel (.xlsx).")), code="format")


def check_file(file, *, name: str) -> int:
    """The quick checks an upload page makes before it queues the import: the file is CSV or XLSX, can be
    read, has the required columns and at least one data row. Raises FileRejected; returns the estimated
    number of data rows. The file is rewound for whoever reads it next."""
    table = open_table(file, name=name)
    try:
        first = next(table.rows(), None)
    finally:
        table.close()
        file.seek(0)
    if first is None:
        raise FileRejected(
            source(gettext_noop("Berkas tidak berisi baris data: di bawah baris nama kolom tidak ada penilaian.")),
            code="no_rows",
        )
    return table.estimated_rows


# --- CSV -------------------------------------------------------------------------------------
def _count_lines(file) -> int:
    lines, last = 0, b"\n"
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        lines += chunk.count(b"\n")
        last = chunk[-1:]
    file.seek(0)
    return lines + (last != b"\n")


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most columns (Excel writes ";" where the decimal
    separator is a comma, as in Indonesia)."""
    best, best_count = ",", 0
    for delimiter in DELIMITERS:
        count = len(next(csv.reader([header_line], delimiter=delimiter), []))
        if count > best_count:
            best, best_count = delimiter, count
    return best


def _decoded_lines(file) -> Iterator[str]:
    """The file's lines as text, decoded one at a time so that a byte that is not UTF-8 is reported on
    its own line; the BOM that Excel writes at the start is dropped."""
    for number, line in enumerate(iter(file.readline, b""), start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            raise FileRejected(_not_utf8(number), row=number, code="not_utf8") from None
        if "\x00" in text:
            raise FileRejected(
                source(gettext_noop("Berkas ini bukan CSV teks (baris %(row)s)."), row=number),
                row=number,
                code="not_text",
            )
        yield text.lstrip("\ufeff") if number == 1 else text


def _open_csv(file) -> Table:
    estimated_rows = max(_count_lines(file) - 1, 0)
    lines = _decoded_lines(file)
    header_line = next(lines, "")
    if not header_line.strip():
        raise FileRejected(
            source(gettext_noop("Berkas kosong: baris 1 harus berisi nama kolom.")), row=1, code="no_header"
        )
    try:
        delimiter = _sniff_delimiter(header_line.rstrip("\r\n"))
        header = next(csv.reader([header_line], delimiter=delimiter))
    except csv.Error as error:  # a stray carriage return inside the line, for one
        message = gettext_noop("Baris %(row)s tidak dapat dibaca sebagai CSV (%(error)s).")
        raise FileRejected(source(message, row=1, error=str(error)), row=1, code="csv_unreadable") from None

    def raw_rows():
        number = 1
        try:
            for values in csv.reader(lines, delimiter=delimiter):
                number += 1
                yield number, values
        except csv.Error as error:
            message = gettext_noop("Baris %(row)s tidak dapat dibaca sebagai CSV (%(error)s).")
            raise FileRejected(
                source(message, row=number + 1, error=str(error)), row=number + 1, code="csv_unreadable"
            ) from None

    return Table(header=header, raw_rows=raw_rows(), estimated_rows=estimated_rows)


def _not_utf8(row: int) -> Source:
    return source(
        gettext_noop(
            "Berkas CSV harus berkodekan UTF-8 (baris %(row)s bukan UTF-8). Di Excel, pilih Simpan Sebagai "
            '"CSV UTF-8 (dipisahkan koma)".'
        ),
        row=row,
    )


# --- XLSX ------------------------------------------------------------------------------------
def _cell(value):
    """A cell as openpyxl gave it, which the cleaners and their messages expect: calamine gives every
    number as a float and an empty cell as ""; a whole number that a double holds exactly is an int, as
    Excel wrote it (a mangled 18-digit NIP stays a float)."""
    if value.__class__ is float:
        return int(value) if value.is_integer() and -1e15 < value < 1e15 else value
    return None if value == "" else value


def _open_xlsx(file) -> Table:
    """The first sheet, read by calamine (Rust; about 20 times faster than openpyxl's read-only parser
    on 100,000 rows). Its rows start at the first used cell: a sheet whose row 1 is empty has no header
    there."""
    from python_calamine import CalamineWorkbook

    try:
        with zipfile.ZipFile(file) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        file.seek(0)
        if unpacked > MAX_XLSX_UNPACKED_BYTES:
            raise FileRejected(source(gettext_noop("Isi berkas XLSX terlalu besar untuk diimpor.")), code="too_large")
        workbook = CalamineWorkbook.from_filelike(file)
        sheet = workbook.get_sheet_by_index(0)
        first_row = sheet.start[0] if sheet.start else 0
        rows = iter(sheet.iter_rows())
        header = next(rows, None) if first_row == 0 else None
    except FileRejected:
        raise
    except Exception:  # calamine raises its own errors (zip, XML, sheet) and others for a corrupt file
        raise FileRejected(
            source(gettext_noop("Berkas XLSX rusak atau tidak dapat dibaca. Simpan ulang dari Excel sebagai .xlsx.")),
            code="xlsx_corrupt",
        ) from None
    if header is None or not any(cell is not None and str(cell).strip() for cell in header):
        workbook.close()
        raise FileRejected(
            source(gettext_noop("Berkas kosong: baris 1 lembar pertama harus berisi nama kolom.")),
            row=1,
            code="no_header",
        )

    def raw_rows():
        number = 1
        try:
            for values in rows:
                number += 1
                yield number, [_cell(value) for value in values]
        except Exception:
            message = source(gettext_noop("Berkas XLSX rusak mulai baris %(row)s."), row=number + 1)
            raise FileRejected(message, row=number + 1, code="xlsx_corrupt") from None

    try:
        return Table(
            header=list(header), raw_rows=raw_rows(), estimated_rows=max(sheet.height - 1, 0), close=workbook.close
        )
    except FileRejected:
        workbook.close()
        raise
