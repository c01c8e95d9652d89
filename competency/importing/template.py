"""The import template HR downloads: Kompeten's own columns, filled with the current dictionary,
so that editing it and uploading it back changes exactly what was edited."""

from portal.spreadsheets import CONTENT_TYPES, table_bytes

from .formats import OWN_OPTIONAL, OWN_REQUIRED

HEADER = [*OWN_REQUIRED, *OWN_OPTIONAL]
__all__ = ["CONTENT_TYPES", "HEADER", "template_file"]


def template_file(*, rows, file_format: str) -> bytes:
    """The template as CSV (UTF-8 with BOM, which Excel reads) or XLSX bytes."""
    return table_bytes(header=HEADER, rows=rows, file_format=file_format, sheet_title="kompetensi")
