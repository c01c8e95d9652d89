"""CSV and XLSX tables for download; every heading, cell and sheet name goes through escaping."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

from .escaping import safe_row, safe_sheet_title

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def table_bytes(*, header: list[str], rows, file_format: str, sheet_title: str | None = None) -> bytes:
    """The table as XLSX, or as CSV in UTF-8 with a BOM (which Excel reads)."""
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(safe_sheet_title(sheet_title))
        sheet.append(safe_row(header))
        for row in rows:
            sheet.append(safe_row(row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row(row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_response(*, filename: str, header: list[str], rows, file_format: str) -> HttpResponse:
    """The table as a CSV or XLSX download named `filename` plus its extension."""
    file_format = "xlsx" if file_format == "xlsx" else "csv"
    response = HttpResponse(
        table_bytes(header=header, rows=rows, file_format=file_format), content_type=CONTENT_TYPES[file_format]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
