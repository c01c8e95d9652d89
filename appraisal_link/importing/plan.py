"""The checks that need the database, done in bulk, and what a write would change.

A few queries whatever the number of rows: one for all the NIPs, one for the existing appraisals of those
employees and periods, and, only when there are NIPs not yet in the register, one each for all units and
positions. On PostgreSQL a list of values travels as one array parameter; elsewhere (SQLite) in chunks
that stay under the bind-parameter limit.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_noop

from portal.people.models import Employee, Position, Unit
from portal.stored_text import source

from ..models import Appraisal
from .columns import APPRAISAL_FIELDS
from .lookalikes import REFUSE, new_employees_flag
from .validation import ProblemLog, Record

SQLITE_CHUNK = 900


@dataclass(slots=True)
class NewEmployee:
    nip: str
    name: str
    unit_id: int
    position_id: int
    email: str = ""


@dataclass
class Plan:
    """What importing the records would do. `employee_ids` maps a known NIP to its employee; `updates`
    holds (appraisal pk, new record, current values in APPRAISAL_FIELDS order)."""

    employee_ids: dict[str, int] = field(default_factory=dict)
    new_employees: list[NewEmployee] = field(default_factory=list)
    # employee pk → the register's e-mail address from the file, where it differs (an empty cell keeps it).
    email_updates: dict[int, str] = field(default_factory=dict)
    creates: list[Record] = field(default_factory=list)
    updates: list[tuple[int, Record, tuple]] = field(default_factory=list)
    unchanged: int = 0


def in_batches(values: list, array_type: str, *, one_array: bool | None = None) -> Iterable:
    """What to give a field's `__in` lookup so that all `values` are matched in as few queries as
    possible: on PostgreSQL (or with `one_array`) one bound array, elsewhere chunks of values."""
    if one_array is None:
        one_array = connection.vendor == "postgresql"
    if one_array:
        # One bound array instead of 100,000 placeholders; the SQL itself is constant.
        yield RawSQL(f"SELECT unnest(%s::{array_type}[])", [values])  # noqa: S611
        return
    for start in range(0, len(values), SQLITE_CHUNK):
        yield values[start : start + SQLITE_CHUNK]


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


class _Directory:
    """Units or positions, found by name or code, case-insensitively; a name two share is ambiguous."""

    def __init__(self, model):
        self.by_code, self.by_name = {}, defaultdict(list)
        for pk, code, name in model.objects.values_list("pk", "code", "name"):
            self.by_code[code.casefold()] = pk
            self.by_name[_folded(name)].append((pk, code))

    def find(self, text: str) -> tuple[int | None, list[str]]:
        """(pk, []) when found; (None, codes) when the name is ambiguous; (None, []) when unknown."""
        key = _folded(text)
        if key in self.by_code:
            return self.by_code[key], []
        matches = self.by_name.get(key, [])
        if len(matches) == 1:
            return matches[0][0], []
        return None, sorted(code for _pk, code in matches)


def _known_employees(nips: list[str]) -> dict[str, tuple[int, str, str]]:
    known = {}
    for batch in in_batches(nips, "text"):
        for nip, pk, name, email in Employee.objects.filter(nip__in=batch).values_list("nip", "pk", "name", "email"):
            known[nip] = (pk, name, email)
    return known


def _resolve(directory: _Directory, record: Record, column: str, text: str, problems: ProblemLog, label: dict):
    if not text:
        problems.error(
            record.row,
            column,
            text,
            source(gettext_noop("Wajib diisi untuk NIP yang belum terdaftar (pegawai baru dibuat dari baris ini).")),
            code="required",
        )
        return None
    pk, ambiguous = directory.find(text)
    if pk is None and ambiguous:
        problems.error(
            record.row,
            column,
            text,
            source(
                gettext_noop("%(label)s %(value)s dipakai oleh lebih dari satu data; tulis kodenya: %(codes)s."),
                label=label,
                value=text,
                codes=", ".join(ambiguous),
            ),
            code="ambiguous",
        )
    elif pk is None:
        problems.error(
            record.row,
            column,
            text,
            source(
                gettext_noop("%(label)s tidak dikenal: %(value)s. Tulis nama atau kode yang terdaftar di Kompeten."),
                label=label,
                value=text,
            ),
            code="unknown",
        )
    return pk


def _check_employees(
    records: list[Record], problems: ProblemLog, *, lookalikes: str
) -> tuple[dict[str, int], list[NewEmployee], dict[int, str]]:
    """Known NIPs keep the register's name (a different name is a warning) and take the file's e-mail
    address, if it has one; an unknown NIP becomes a new employee when its row names a known unit and
    position. New employees are flagged as `new_employees_flag` says (`lookalikes`: see there)."""
    known = _known_employees(list({r.nip for r in records}))
    employee_ids = {nip: pk for nip, (pk, _name, _email) in known.items()}
    new, new_rows, units, positions, email_updates = {}, {}, None, None, {}
    for record in records:
        if record.nip in known:
            pk, registered, email = known[record.nip]
            if record.email and record.email != email:
                email_updates[pk] = record.email
            if record.name and _folded(record.name) != _folded(registered):
                problems.warning(
                    record.row,
                    "nama",
                    record.name,
                    source(
                        gettext_noop("Nama berbeda dengan data pegawai (%(name)s); nama di data pegawai tidak diubah."),
                        name=registered,
                    ),
                    code="name_differs",
                )
            continue
        if units is None:
            units, positions = _Directory(Unit), _Directory(Position)
        if not record.name:
            message = source(gettext_noop("Nama wajib diisi untuk NIP yang belum terdaftar."))
            problems.error(record.row, "nama", "", message, code="required")
        unit_id = _resolve(units, record, "unit_kerja", record.unit, problems, source(gettext_noop("Unit kerja")))
        position_id = _resolve(positions, record, "jabatan", record.position, problems, source(gettext_noop("Jabatan")))
        if record.name and unit_id and position_id and record.nip not in new:
            new[record.nip] = NewEmployee(record.nip, record.name, unit_id, position_id, record.email)
            new_rows[record.nip] = record.row
    new_employees_flag({nip: (e.name, new_rows[nip]) for nip, e in new.items()}, problems, lookalikes=lookalikes)
    return employee_ids, list(new.values()), email_updates


def _existing_appraisals(employee_ids: list[int], years: set[int], periods: set[str]) -> dict[tuple, tuple]:
    """(employee id, year, period) → (pk, *APPRAISAL_FIELDS values) for the appraisals a batch touches."""
    existing = {}
    for batch in in_batches(employee_ids, "bigint"):
        rows = Appraisal.objects.filter(employee_id__in=batch, year__in=years, period__in=periods).values_list(
            "employee_id", "year", "period", "pk", *APPRAISAL_FIELDS
        )
        for employee_id, year, period, *values in rows:
            existing[(employee_id, year, period)] = tuple(values)
    return existing


def plan_build(*, records: list[Record], problems: ProblemLog, lookalikes: str = REFUSE) -> Plan | None:
    """What importing `records` would change, or None when `problems` holds any error (the database
    checks add theirs first, so that one report lists everything). A new NIP that looks like an
    existing employee's is an error unless `lookalikes` is CHECK (a dry run) or CONFIRMED."""
    employee_ids, new_employees, email_updates = _check_employees(records, problems, lookalikes=lookalikes)
    if problems.error_count:
        return None
    plan = Plan(employee_ids=employee_ids, new_employees=new_employees, email_updates=email_updates)
    existing = _existing_appraisals(
        sorted(set(employee_ids.values())), {r.year for r in records}, {r.period for r in records}
    )
    for record in records:
        employee_id = employee_ids.get(record.nip)
        current = existing.get((employee_id, record.year, record.period)) if employee_id else None
        if current is None:
            plan.creates.append(record)
        elif current[1:] == record.appraisal_values():
            plan.unchanged += 1
        else:
            plan.updates.append((current[0], record, current[1:]))
    return plan
