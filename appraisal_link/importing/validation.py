"""Row by row, from raw cells to a compact Record, collecting every problem with its row and column.

The same cleaner serves the file import and the API, so both accept and refuse exactly the same values.
A Record is a tuple of a few small objects (the repeated values are shared strings), so that 100,000 of
them fit in a few tens of megabytes.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext_noop

from portal import stored_text
from portal.stored_text import Source, source

from .columns import APPRAISAL_FIELDS, COLUMNS, VALUES
from .values import (
    CellError,
    clean_email,
    clean_nip,
    clean_period,
    clean_predikat,
    clean_rating,
    clean_text,
    clean_year,
    display,
)

MAX_REPORTED = 10_000
ERROR, WARNING = "error", "warning"


@dataclass(slots=True)
class Problem:
    """One error (the file is refused) or warning (imported anyway) at a row and column.

    `message` is a stored-text source (portal.stored_text), so that the job's page shows it in the
    reader's language; the stored dict keeps its words too ("message", for exports and old rows).
    `code` names the kind of problem in words that do not change with the language: a screen acts on
    it (a look-alike NIP to confirm), and tests tell problems apart by it."""

    row: int | None
    column: str
    value: str
    message: Source | str
    level: str = ERROR
    code: str = ""

    def as_dict(self) -> dict:
        stored = {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": stored_text.render(self.message) if isinstance(self.message, dict) else self.message,
            "level": self.level,
        }
        if isinstance(self.message, dict):
            stored["message_source"] = self.message
        if self.code:
            stored["code"] = self.code
        return stored


def problem_message(problem: dict) -> str:
    """A stored problem's message in the reader's language."""
    return stored_text.show(problem.get("message", ""), problem.get("message_source"))


class ProblemLog:
    """Every problem is counted; the first MAX_REPORTED of each level are kept for the report."""

    def __init__(self):
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.error_count = self.warning_count = 0

    def error(self, row, column, value, message: Source | str, *, code: str = "") -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED:
            self.errors.append(Problem(row, column, display(value), message, ERROR, code))

    def warning(self, row, column, value, message: Source | str, *, code: str = "") -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_REPORTED:
            self.warnings.append(Problem(row, column, display(value), message, WARNING, code))

    def as_list(self) -> list[dict]:
        """Errors then warnings, as stored on the import job and in the error file; a last line says how
        many were left out when there were more than MAX_REPORTED."""
        problems = [p.as_dict() for p in self.errors]
        if self.error_count > len(self.errors):
            left_out = self.error_count - len(self.errors)
            message = source(gettext_noop("... dan %(count)s kesalahan lain yang tidak dicantumkan."), count=left_out)
            problems.append(Problem(None, "", "", message).as_dict())
        problems += [p.as_dict() for p in self.warnings]
        if self.warning_count > len(self.warnings):
            left_out = self.warning_count - len(self.warnings)
            message = source(gettext_noop("... dan %(count)s peringatan lain yang tidak dicantumkan."), count=left_out)
            problems.append(Problem(None, "", "", message, WARNING).as_dict())
        return problems


class Record(NamedTuple):
    """One clean row. `name`, `unit` and `position` matter only for a NIP not yet in the register;
    `email` ("" when not given) is written to the register, new NIP or not."""

    row: int
    nip: str
    name: str
    unit: str
    position: str
    year: int
    period: str
    hasil_kerja: str
    perilaku_kerja: str
    predikat: str
    berorientasi_pelayanan: str
    akuntabel: str
    kompeten: str
    harmonis: str
    loyal: str
    adaptif: str
    kolaboratif: str
    notes: str
    email: str

    def appraisal_values(self) -> tuple:
        """The values compared with (and written to) an Appraisal, in APPRAISAL_FIELDS order."""
        return self[7 : 7 + len(APPRAISAL_FIELDS)]


class RowCleaner:
    """Feed it rows with `add`; it keeps the clean ones in `records` and every problem in `problems`.

    A (NIP, year, period) that repeats within one batch is an error on the later row.
    """

    def __init__(self, problems: ProblemLog | None = None):
        self.problems = problems or ProblemLog()
        self.records: list[Record] = []
        self.rows_seen = 0
        self._first_row: dict[tuple, int] = {}
        self._shared: dict[str, str] = {}
        # Each accepted text of a column whose values repeat on every row, and what it was cleaned to:
        # most cells cost one dictionary lookup. Kept per import (a year's range moves with the date).
        self._cells = [
            (column, cleaner, kwargs, {} if column in _REPEATING else None) for column, cleaner, kwargs in _CELLS
        ]

    def _share(self, text: str) -> str:
        # Unit and position names repeat on thousands of rows: keep one copy of each.
        return self._shared.setdefault(text, text)

    def add(self, row: int, raw: Mapping) -> Record | None:
        """Clean one row; returns its Record, or None when it has an error (then recorded in `problems`)."""
        self.rows_seen += 1
        cleaned, failed = [], False
        for column, cleaner, kwargs, known in self._cells:
            value = raw.get(column)
            if known is not None and value.__class__ is str:
                clean = known.get(value, _UNSEEN)
                if clean is not _UNSEEN:
                    cleaned.append(clean)
                    continue
            try:
                clean = cleaner(value, **kwargs)
            except CellError as error:
                failed = True
                self.problems.error(row, column, value, error.source, code=error.code)
                continue
            cleaned.append(clean)
            if known is not None and value.__class__ is str and len(known) < _MEMO_LIMIT:
                known[value] = clean
        if failed:
            return None
        nip, name, unit, position, year, period = cleaned[:6]
        key = (nip, year, period)
        first = self._first_row.setdefault(key, row)
        if first != row:
            self.problems.error(
                row,
                "nip",
                raw.get("nip"),
                source(
                    gettext_noop(
                        "NIP, tahun dan periode yang sama sudah ada di baris %(row)s; setiap pegawai hanya boleh "
                        "satu penilaian per tahun dan periode."
                    ),
                    row=first,
                ),
                code="duplicate_row",
            )
            return None
        record = Record(row, nip, name, self._share(unit), self._share(position), year, period, *cleaned[6:])
        self.records.append(record)
        return record


_UNSEEN = object()
# Every column but the person's own (NIP, name, e-mail): unit, position and notes repeat too, though not
# always, so a column's memo stops growing at _MEMO_LIMIT texts.
_REPEATING = tuple(column for column in COLUMNS if column not in ("nip", "nama", "email"))
_MEMO_LIMIT = 4096
# (column, cleaner, keyword arguments), in the order of Record's fields after `row`.
_CELLS = (
    ("nip", clean_nip, {}),
    ("nama", clean_text, {"column": "nama", "required": False}),
    ("unit_kerja", clean_text, {"column": "unit_kerja", "required": False}),
    ("jabatan", clean_text, {"column": "jabatan", "required": False}),
    ("tahun", clean_year, {}),
    ("periode", clean_period, {}),
    ("hasil_kerja", clean_rating, {}),
    ("perilaku_kerja", clean_rating, {}),
    ("predikat", clean_predikat, {}),
    *((column, clean_rating, {"required": False}) for column in VALUES),
    ("catatan", clean_text, {"column": "catatan", "required": False}),
    ("email", clean_email, {}),
)
