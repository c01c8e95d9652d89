"""CSV and XLSX tables for download, with spreadsheet formula injection neutralised.

Core: every app may import it (exports, import templates, error files); it imports no app. One
escaper (escaping.safe_cell) handles every cell, heading and sheet name: the tables here use it, and
every export of Wagtail's admin uses it once exports.wagtail_exports_escape has run (at start).
"""

from .escaping import FORMULA_PREFIXES, safe_cell, safe_row, safe_sheet_title
from .tables import CONTENT_TYPES, table_bytes, table_response

__all__ = [
    "CONTENT_TYPES",
    "FORMULA_PREFIXES",
    "safe_cell",
    "safe_row",
    "safe_sheet_title",
    "table_bytes",
    "table_response",
]
