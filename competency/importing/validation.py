"""Every row checked before anything is written: one bad row and the whole file is refused, with
every problem listed (row number, column, value, reason)."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import Competency
from .formats import MOODLE, Cell, ParsedFile, ParsedRow, normalise_header

CODE_PATTERN = re.compile(r"^[-A-Za-z0-9_]+$")
CODE_MAX = Competency._meta.get_field("code").max_length
NAME_MAX = Competency._meta.get_field("name").max_length
KINDS = {normalise_header(value): value for value in Competency.Kind.values} | {
    normalise_header(str(label)): value for value, label in Competency.Kind.choices
}
UNSET = object()  # a field the file does not carry: left as it is


@dataclass(frozen=True)
class RowError:
    """One problem in one cell. Row numbers are the spreadsheet's (the header is row 1); `code` names
    the kind of problem in words that do not change with the language or the wording."""

    row: int
    column: str
    value: str
    reason: str
    code: str = ""

    def __str__(self) -> str:
        value = self.value if len(self.value) <= 80 else self.value[:77] + "..."
        return _("Baris %(row)s, kolom “%(column)s”, nilai “%(value)s”: %(reason)s") % {
            "row": self.row,
            "column": self.column,
            "value": value,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Existing:
    """What the validation needs to know of a competency already in the dictionary."""

    kind: str
    parent_code: str | None


@dataclass
class PlannedRow:
    """A valid row: the values to write. `parent`, `description` may be UNSET; `indicators` holds
    only the levels the file carries."""

    row: int
    code: str
    name: str
    kind: str
    parent: object = UNSET
    description: object = UNSET
    indicators: dict[int, str] = field(default_factory=dict)
    # Codes of the competencies this one is related to (Moodle's cross-references); added, never removed.
    related: tuple[str, ...] = ()


def validate(parsed: ParsedFile, existing: dict[str, Existing]) -> tuple[list[PlannedRow], list[RowError]]:
    """Check every row against the others and against the dictionary; (rows, errors)."""
    errors = [RowError(row, cell.column, cell.value, reason, code) for row, cell, reason, code in parsed.problems]
    first_row: dict[str, int] = {}
    planned: list[PlannedRow] = []
    for parsed_row in parsed.rows:
        row_errors: list[RowError] = []
        planned_row = _check_row(parsed_row, parsed.format, existing, row_errors)
        code = parsed_row.code_value
        if code and code in first_row:
            row_errors.append(
                _error(
                    parsed_row,
                    parsed_row.code,
                    _("kode ini sudah dipakai di baris %(row)s") % {"row": first_row[code]},
                    code="duplicate",
                )
            )
        elif code:
            first_row[code] = parsed_row.row
        errors += row_errors
        if not row_errors:
            planned.append(planned_row)
    codes_in_file = set(first_row)
    for parsed_row in parsed.rows:
        parent = parsed_row.parent_value
        if not parent or not parsed_row.code_value:
            continue
        if parent == parsed_row.code_value:
            errors.append(
                _error(
                    parsed_row,
                    parsed_row.parent,
                    _("kompetensi tidak boleh menjadi induk dirinya sendiri"),
                    code="own_parent",
                )
            )
        elif parent not in codes_in_file and parent not in existing:
            errors.append(
                _error(
                    parsed_row,
                    parsed_row.parent,
                    _("kode induk tidak dikenal: tidak ada di berkas ini maupun di kamus kompetensi"),
                    code="unknown_parent",
                )
            )
    for parsed_row in parsed.rows:
        unknown = [code for code in parsed_row.related_values if code not in codes_in_file and code not in existing]
        if unknown:
            errors.append(
                _error(
                    parsed_row,
                    parsed_row.related,
                    _(
                        "kode rujukan silang tidak dikenal: %(codes)s "
                        "(tidak ada di berkas ini maupun di kamus kompetensi)"
                    )
                    % {"codes": ", ".join(unknown)},
                    code="unknown_related",
                )
            )
    errors += _cycles(parsed, existing)
    errors.sort(key=lambda error: (error.row, error.column))
    return planned, errors


def _error(parsed_row: ParsedRow, cell: Cell, reason: str, *, code: str) -> RowError:
    return RowError(parsed_row.row, cell.column, cell.value, reason, code)


def _check_row(parsed_row: ParsedRow, file_format: str, existing: dict[str, Existing], errors: list) -> PlannedRow:
    code, name = parsed_row.code_value, parsed_row.name.value
    if not parsed_row.code.value:
        errors.append(_error(parsed_row, parsed_row.code, _("kode wajib diisi"), code="required"))
    elif file_format == MOODLE and not code:
        errors.append(
            _error(parsed_row, parsed_row.code, _("ID number ini tidak memuat huruf atau angka"), code="code_format")
        )
    elif not CODE_PATTERN.match(code):
        errors.append(
            _error(
                parsed_row,
                parsed_row.code,
                _("kode hanya boleh berisi huruf, angka, tanda hubung (-) dan garis bawah (_)"),
                code="code_format",
            )
        )
    elif len(code) > CODE_MAX:
        errors.append(
            _error(
                parsed_row,
                parsed_row.code,
                _("kode paling panjang %(max)s karakter") % {"max": CODE_MAX},
                code="too_long",
            )
        )
    if not name:
        errors.append(_error(parsed_row, parsed_row.name, _("nama wajib diisi"), code="required"))
    elif len(name) > NAME_MAX:
        errors.append(
            _error(
                parsed_row,
                parsed_row.name,
                _("nama paling panjang %(max)s karakter") % {"max": NAME_MAX},
                code="too_long",
            )
        )
    if parsed_row.kind is None:  # Moodle: technical, unless the code is already in the dictionary
        kind = existing[code].kind if code in existing else Competency.Kind.TEKNIS.value
    else:
        kind = KINDS.get(normalise_header(parsed_row.kind.value), "")
        if not parsed_row.kind.value:
            errors.append(_error(parsed_row, parsed_row.kind, _("jenis wajib diisi"), code="required"))
        elif not kind:
            errors.append(
                _error(
                    parsed_row,
                    parsed_row.kind,
                    _("jenis harus salah satu dari: %(kinds)s") % {"kinds": ", ".join(Competency.Kind.values)},
                    code="kind",
                )
            )
    return PlannedRow(
        row=parsed_row.row,
        code=code,
        name=name,
        kind=kind,
        parent=UNSET if parsed_row.parent is None else (parsed_row.parent_value or None),
        description=UNSET if parsed_row.description is None else parsed_row.description.value,
        indicators={level: cell.value for level, cell in parsed_row.indicators.items()},
        related=tuple(related for related in parsed_row.related_values if related != code),
    )


def _cycles(parsed: ParsedFile, existing: dict[str, Existing]) -> list[RowError]:
    """Parent chains that loop, once the file's parents replace the dictionary's."""
    parent_of = {code: info.parent_code for code, info in existing.items()}
    rows_by_code = {}
    for parsed_row in parsed.rows:
        if parsed_row.code_value in rows_by_code:  # a duplicate, reported already
            continue
        rows_by_code[parsed_row.code_value] = parsed_row
        if parsed_row.parent is not None and parsed_row.parent_value != parsed_row.code_value:
            parent_of[parsed_row.code_value] = parsed_row.parent_value or None
    errors, done = [], set()
    for start in rows_by_code:
        path, seen = [], {}
        code = start
        while code is not None and code not in done and code not in seen:
            seen[code] = len(path)
            path.append(code)
            code = parent_of.get(code)
        if code is not None and code in seen:  # a loop: the part of the path from `code` on
            loop = path[seen[code] :]
            chain = " → ".join([*loop, loop[0]])
            for member in loop:
                parsed_row = rows_by_code.get(member)
                if parsed_row is not None and parsed_row.parent is not None:
                    errors.append(
                        _error(
                            parsed_row,
                            parsed_row.parent,
                            _("hubungan induk membentuk siklus: %(chain)s") % {"chain": chain},
                            code="cycle",
                        )
                    )
        done.update(path)
    return errors
