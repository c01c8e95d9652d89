"""The one escaper of every spreadsheet cell, heading and sheet name the portal writes.

A cell that a spreadsheet would read as a formula (=HYPERLINK(...), +1, -1, @SUM) is prefixed
with an apostrophe, so that it is shown as the text it is (OWASP "CSV injection"). Anything a user
typed can end up in an export: a competency name, a course title, an import's "reason" column.
"""

import re

from django.utils.functional import Promise

# Also the full-width forms, which some spreadsheets in East Asian locales read as operators, and
# the tab and carriage return with which a cell can start a new field in some CSV readers.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# Characters no XLSX cell may hold (openpyxl refuses them): dropped rather than crash an export.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_MAX = 31


def safe_cell(value):
    """A value a spreadsheet will show as it is: text that would start a formula gets a leading
    apostrophe (also after leading spaces); numbers, dates and None pass unchanged. Lazy
    translations (headings) are turned into text first, so that they are checked too."""
    if isinstance(value, Promise):
        value = str(value)
    if not isinstance(value, str):
        return value
    value = CONTROL_CHARACTERS.sub("", value)
    if value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(values) -> list:
    """Every value of a row (or a header) through safe_cell."""
    return [safe_cell(value) for value in values]


def safe_sheet_title(title, *, default: str = "Data") -> str:
    """A worksheet name Excel accepts and no one can use to smuggle a formula: without the
    characters a sheet name may not hold, without leading formula characters or apostrophes,
    at most 31 characters."""
    text = CONTROL_CHARACTERS.sub("", SHEET_TITLE_FORBIDDEN.sub(" ", str(title or "")))
    text = text.lstrip(" '" + "".join(FORMULA_PREFIXES))[:SHEET_TITLE_MAX].rstrip(" '")
    return text or default
