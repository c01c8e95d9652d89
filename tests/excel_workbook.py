"""Workbooks as Microsoft Excel writes them, for the importers' tests.

The package's parts are Excel's own (tests/fixtures/excel, see its README); only the sheet and its
shared strings are written here, in Excel's way: every text in the shared-string table (`t="s"`), a
number as Excel renders the double it keeps (15 significant digits, E notation from 1E+15, so an
18-digit NIP typed as a number arrives as 1.99204202019032E+17), a date as its serial number with the
short-date style.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

PARTS = Path(__file__).parent / "fixtures" / "excel"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
EPOCH = datetime.date(1899, 12, 30)  # Excel's day 0 (1900 date system, leap-year bug included)
DATE_STYLE = 1  # the cellXfs entry with numFmtId 14 in the fixture's styles.xml


@dataclass(frozen=True)
class Number:
    """A cell typed as a number in Excel (what someone types, e.g. "199204202019032011" or "85,5")."""

    typed: str


@dataclass(frozen=True)
class Formatted:
    """An empty cell that carries a format (Excel keeps such cells, e.g. after a date was deleted)."""


def excel_number(typed: str) -> str:
    """The `<v>` Excel writes for a number typed as `typed`."""
    value = Decimal(typed.replace(",", "."))
    kept = Decimal(f"{value:.15g}")  # Excel keeps 15 significant digits
    if abs(kept) >= Decimal("1E15"):
        mantissa, exponent = f"{kept:.14E}".split("E")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}E+{int(exponent)}"
    if kept == kept.to_integral_value():
        return str(int(kept))
    return format(kept.normalize(), "f")


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(65 + remainder) + name
    return name


def _sheet(rows: list[list], strings: dict[str, int]) -> str:
    width = max((len(row) for row in rows), default=1)
    body = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{_column(c)}{r}"
            if value is None:
                continue
            if isinstance(value, Formatted):
                cells.append(f'<c r="{ref}" s="{DATE_STYLE}"/>')
            elif isinstance(value, Number):
                cells.append(f'<c r="{ref}"><v>{excel_number(value.typed)}</v></c>')
            elif isinstance(value, datetime.date):
                cells.append(f'<c r="{ref}" s="{DATE_STYLE}"><v>{(value - EPOCH).days}</v></c>')
            else:
                index = strings.setdefault(str(value), len(strings))
                cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
        body.append(f'<row r="{r}" spans="1:{width}" x14ac:dyDescent="0.3">{"".join(cells)}</row>')
    last = f"{_column(width - 1)}{max(len(rows), 1)}"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">'
        f'<dimension ref="A1:{last}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="14.4" x14ac:dyDescent="0.3"/>'
        f"<sheetData>{''.join(body)}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    )


def _shared(strings: dict[str, int], uses: int) -> str:
    items = []
    for text in strings:  # insertion order = index order
        space = ' xml:space="preserve"' if text != text.strip() else ""
        items.append(f"<si><t{space}>{escape(text)}</t></si>")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="{MAIN}" count="{uses}" uniqueCount="{len(strings)}">{"".join(items)}</sst>'
    )


def excel_workbook(rows: list[list]) -> bytes:
    """An .xlsx of one sheet holding `rows` (text, Number, date, Formatted or None per cell), as Excel
    saves it."""
    strings: dict[str, int] = {}
    sheet = _sheet(rows, strings)
    uses = sum(1 for row in rows for v in row if isinstance(v, str))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(PARTS.rglob("*")):
            if path.is_file() and path.name != "README.md":
                archive.write(path, path.relative_to(PARTS).as_posix())
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", _shared(strings, uses))
    return buffer.getvalue()
