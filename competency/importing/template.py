"""The import template HR downloads: Kompeten's own columns, filled with the current dictionary,
so that editing it and uploading it back changes exactly what was edited."""

import csv
import io

from openpyxl import Workbook

from .formats import OWN_OPTIONAL, OWN_REQUIRED

HEADER = [*OWN_REQUIRED, *OWN_OPTIONAL]
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A leading =, +, -, @ would make a spreadsheet evaluate the cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def template_file(*, rows, file_format: str) -> bytes:
    """The template as CSV (UTF-8 with BOM, which Excel reads) or XLSX bytes."""
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("kompetensi")
        sheet.append(HEADER)
        for row in rows:
            sheet.append([safe_cell(value) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
