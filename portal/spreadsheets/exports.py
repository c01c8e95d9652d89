"""Wagtail's own spreadsheet exports (ModelViewSet `list_export`, the admin's reports such as locked
or aging pages and site history) through the portal's one escaper.

Wagtail's SpreadsheetExportMixin writes CSV cells and every heading as they are (its XLSX writer
only turns a cell openpyxl took for a formula back into text, and leaves headings alone), so a page
title or a competency named =HYPERLINK(...) would become a live formula. Every export view of
Wagtail, and of the project, derives from that mixin: `wagtail_exports_escape` (called once, when
the portal starts) makes its values and headings go through `safe_cell`.
"""

from .escaping import safe_cell


def wagtail_exports_escape() -> None:
    """Route every value and heading of Wagtail's SpreadsheetExportMixin through safe_cell (once)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_kompeten_escaped", False):
        return
    preprocess, heading = SpreadsheetExportMixin.preprocess_field_value, SpreadsheetExportMixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(preprocess(self, field, value, export_format))

    def get_heading(self, queryset, field):
        return safe_cell(heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin._kompeten_escaped = True
