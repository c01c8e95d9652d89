"""The two file formats, told apart by their header, and how a row of each becomes a ParsedRow.

- Kompeten's own template: kode, nama, jenis, induk, definisi, level_1..level_5 (names compared
  case-insensitively, with spaces, hyphens and underscores alike). Columns left out of the file,
  and empty definisi / level cells, leave those fields of existing competencies untouched; an
  empty induk makes the competency a top-level one.
- Moodle's competency framework export (admin/tool/lpimportcsv): the first row with “Is framework”
  = 1 is the framework itself; the others are competencies, nested through “Parent id number”, and
  related to each other through “Cross referenced competency id numbers” (comma-separated, a comma
  inside an ID number written as %2C). Descriptions in Moodle's HTML formats become plain text.

Headers are compared without regard to case, spaces and punctuation: “Shortname”, “Short name” and
“short_name” are the same column, as are “Id number” and “ID number”.
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .reading import FileRefused

OWN, MOODLE = "kompeten", "moodle"
OWN_REQUIRED = ("kode", "nama", "jenis")
OWN_OPTIONAL = ("induk", "definisi", "level_1", "level_2", "level_3", "level_4", "level_5")
MOODLE_REQUIRED = ("parent_id_number", "id_number", "shortname", "description", "is_framework")
MOODLE_RELATED = "cross_referenced_competency_id_numbers"
MOODLE_FORMAT = "description_format"
# Moodle's text formats (FORMAT_MOODLE, FORMAT_HTML, FORMAT_PLAIN, FORMAT_MARKDOWN): the first two
# are HTML; plain text and Markdown are kept as they are (they are shown escaped, never as HTML).
MOODLE_HTML_FORMATS = {"", "0", "1"}
TRUE_VALUES = {"1", "true", "ya", "yes", "y"}


def normalise_header(name: str) -> str:
    return re.sub(r"[\s_\-]+", "_", (name or "").replace("\ufeff", "").strip().lower()).strip("_")


def header_key(name: str) -> str:
    """A column name as compared: lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", (name or "").replace("\ufeff", "").lower())


@dataclass(frozen=True)
class Cell:
    """A value with the column it came from, as the file names it (for error messages)."""

    column: str
    value: str


@dataclass
class ParsedRow:
    """One competency row, not yet validated. `parent` is None when the file has no such column;
    `description` is None, and `indicators` lacks a level, when the file has no such column or the
    cell is empty. A field that is None is left as it is; an empty parent means "no parent"."""

    row: int
    code: Cell
    name: Cell
    kind: Cell | None
    parent: Cell | None
    description: Cell | None
    indicators: dict[int, Cell] = field(default_factory=dict)
    # Moodle ID numbers are turned into codes; `code_value` / `parent_value` are the codes used.
    code_value: str = ""
    parent_value: str | None = None
    # Moodle's cross-references: the column's cell, and the codes it names.
    related: Cell | None = None
    related_values: tuple[str, ...] = ()


@dataclass
class ParsedFile:
    format: str
    rows: list[ParsedRow]
    framework: str = ""
    # Errors that belong to no competency row (e.g. a second framework row), as (row, Cell, reason, code).
    problems: list[tuple[int, Cell, str, str]] = field(default_factory=list)


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = header_key(name)
        if not key:
            continue
        if key in columns:
            raise FileRefused(_("Kolom “%(column)s” muncul lebih dari sekali di baris judul.") % {"column": name})
        columns[key] = index
    return columns


def parse(table: list[list[str]]) -> ParsedFile:
    """Detect the format from the header row and read every non-empty data row."""
    header_at = next((i for i, row in enumerate(table) if any(row)), None)
    if header_at is None:
        raise FileRefused(_("Berkas kosong."))
    header = table[header_at]
    columns = _columns(header)
    if all(header_key(name) in columns for name in MOODLE_REQUIRED):
        return _parse_moodle(table, header_at, header, columns)
    missing = [name for name in OWN_REQUIRED if header_key(name) not in columns]
    if not missing:
        return _parse_own(table, header_at, header, columns)
    raise FileRefused(
        _(
            "Format berkas tidak dikenali: kolom %(missing)s tidak ada. Gunakan templat Kompeten (kolom %(own)s) "
            "atau ekspor kerangka kompetensi Moodle (kolom %(moodle)s)."
        )
        % {
            "missing": ", ".join(missing),
            "own": ", ".join(OWN_REQUIRED + OWN_OPTIONAL),
            "moodle": ", ".join(
                f"“{name}”" for name in ("Parent id number", "Id number", "Shortname", "Description", "Is framework")
            ),
        }
    )


def _data_rows(table, header_at):
    """(spreadsheet row number, cells) of each non-empty row after the header."""
    for offset, cells in enumerate(table[header_at + 1 :]):
        if any(cells):
            yield header_at + 2 + offset, cells


def _cell(cells, header, columns, key) -> Cell | None:
    key = header_key(key)
    if key not in columns:
        return None
    index = columns[key]
    return Cell(header[index].strip(), cells[index] if index < len(cells) else "")


def _filled(cell: Cell | None) -> Cell | None:
    """An empty text cell leaves the existing text as it is (a blank never wipes a definition)."""
    return cell if cell is not None and cell.value else None


def _parse_own(table, header_at, header, columns) -> ParsedFile:
    rows = []
    for number, cells in _data_rows(table, header_at):
        code = _cell(cells, header, columns, "kode")
        parent = _cell(cells, header, columns, "induk")
        rows.append(
            ParsedRow(
                row=number,
                code=code,
                name=_cell(cells, header, columns, "nama"),
                kind=_cell(cells, header, columns, "jenis"),
                parent=parent,
                description=_filled(_cell(cells, header, columns, "definisi")),
                indicators={
                    level: cell
                    for level in range(1, 6)
                    if (cell := _filled(_cell(cells, header, columns, f"level_{level}"))) is not None
                },
                code_value=code.value,
                parent_value=None if parent is None else parent.value,
            )
        )
    return ParsedFile(format=OWN, rows=rows)


def moodle_code(id_number: str) -> str:
    """A Moodle ID number as a competency code (a slug): other characters become hyphens."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", id_number.strip()).strip("-")


def html_to_text(value: str) -> str:
    """Moodle keeps descriptions as HTML: keep the text, with paragraph and line breaks.

    The result is plain text (shown escaped): scripts, styles and comments go with their content,
    other tags go and their text stays. Line breaks inside a paragraph are HTML's white space."""
    text = re.sub(r"(?is)<!--.*?(-->|$)|<(script|style|template|noscript)\b.*?(</\2\s*>|$)", "", value or "")
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(?i)<br\s*/?>|</(p|div|li|h[1-6]|tr)>", "\n", text)
    text = html.unescape(strip_tags(text)).replace("\xa0", " ")
    text = "".join(char for char in text if char in "\n\t" or char.isprintable())
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _description(cells, header, columns) -> Cell:
    cell = _cell(cells, header, columns, "description")
    text_format = _cell(cells, header, columns, MOODLE_FORMAT)
    value = text_format.value.strip() if text_format is not None else ""
    if value == "0":  # FORMAT_MOODLE: HTML in which a line break is a <br>
        return Cell(cell.column, html_to_text(re.sub(r"\r?\n", "<br>", cell.value)))
    if value in MOODLE_HTML_FORMATS:
        return Cell(cell.column, html_to_text(cell.value))
    return Cell(cell.column, cell.value.replace("\r\n", "\n").strip())


def _related_codes(cell: Cell | None) -> tuple[str, ...]:
    """The codes a cross-reference cell names, in order, each once (Moodle writes %2C for a comma)."""
    if cell is None:
        return ()
    codes = (moodle_code(part.replace("%2C", ",")) for part in cell.value.split(","))
    return tuple(dict.fromkeys(code for code in codes if code))


def _parse_moodle(table, header_at, header, columns) -> ParsedFile:
    parsed = ParsedFile(format=MOODLE, rows=[])
    framework_row, framework_code = None, None
    for number, cells in _data_rows(table, header_at):
        if _cell(cells, header, columns, "is_framework").value.lower() in TRUE_VALUES:
            framework_row, framework_code = number, moodle_code(_cell(cells, header, columns, "id_number").value)
            parsed.framework = _cell(cells, header, columns, "short_name").value
            break
    for number, cells in _data_rows(table, header_at):
        is_framework = _cell(cells, header, columns, "is_framework")
        id_number = _cell(cells, header, columns, "id_number")
        if is_framework.value.lower() in TRUE_VALUES:
            if number != framework_row:
                parsed.problems.append(
                    (
                        number,
                        is_framework,
                        _("berkas hanya boleh memuat satu kerangka kompetensi (Is framework = 1)"),
                        "second_framework",
                    )
                )
            continue
        parent = _cell(cells, header, columns, "parent_id_number")
        parent_code = moodle_code(parent.value)
        if framework_code is not None and parent_code == framework_code:
            parent_code = ""  # a top-level competency that names its framework as parent
        related = _cell(cells, header, columns, MOODLE_RELATED)
        parsed.rows.append(
            ParsedRow(
                row=number,
                code=id_number,
                name=_cell(cells, header, columns, "short_name"),
                kind=None,
                parent=parent,
                description=_filled(_description(cells, header, columns)),
                code_value=moodle_code(id_number.value),
                parent_value=parent_code,
                related=related,
                related_values=_related_codes(related),
            )
        )
    return parsed
