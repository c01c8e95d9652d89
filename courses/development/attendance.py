"""HR's import of a training's attendance list (CSV or XLSX): one row per participant with NIP, name,
activity, organiser, dates and JP. Every row is checked first; one wrong row writes nothing, and the
report names each problem by row and column. A clean list is recorded as verified (BKPSDM's list is
the proof), told to each participant, and closes the gaps it names like any verified activity."""

import datetime
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competency.importing import FileRefused, read_table
from competency.services import development_completion_apply
from portal.people.learner_kept import learners_changed
from portal.people.models import Employee
from portal.people.nip import EXCEL_MANGLED_MESSAGE, NIP_MESSAGES, excel_mangled, normalise_nip, validate_nip

from .models import ExternalActivity
from .services import MAX_JP, folded, notify_verified

COLUMNS = {
    "nip": ("nip",),
    "name": ("nama", "name", "nama pegawai"),
    "title": ("kegiatan", "nama kegiatan", "pelatihan", "activity"),
    "organiser": ("penyelenggara", "organiser", "organizer"),
    "starts_on": ("tanggal mulai", "mulai", "start"),
    "ends_on": ("tanggal selesai", "selesai", "end"),
    "jp": ("jp", "jam pelajaran"),
}
REQUIRED = ("nip", "title", "organiser", "starts_on", "ends_on", "jp")
TEMPLATE_HEADER = ["NIP", "Nama", "Kegiatan", "Penyelenggara", "Tanggal mulai", "Tanggal selesai", "JP"]
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass
class Problem:
    """One reason the list is refused; `code` names the kind of problem in words that do not change
    with the language or the wording."""

    row: int
    column: str
    value: str
    message: str
    code: str = ""


@dataclass
class AttendanceResult:
    problems: list[Problem] = field(default_factory=list)
    recorded: int = 0
    closed_gaps: int = 0


def _header_key(cell: str) -> str | None:
    name = " ".join(cell.casefold().replace("_", " ").split())
    return next((key for key, names in COLUMNS.items() if name in names), None)


def _date(text: str) -> datetime.date:
    text = text.strip()
    if match := _DAY_FIRST.match(text):
        day, month, year = (int(part) for part in match.groups())
        return datetime.date(year, month, day)
    return datetime.date.fromisoformat(text[:10])  # ISO, or an Excel date cell read as a datetime


class _Rows:
    """The rows as records, each problem kept with its row and column."""

    def __init__(self, table: list[list[str]], today: datetime.date):
        self.today = today
        self.problems: list[Problem] = []
        header = [_header_key(cell) for cell in table[0]] if table else []
        missing = [key for key in REQUIRED if key not in header]
        if missing:
            names = ", ".join(TEMPLATE_HEADER[list(COLUMNS).index(key)] for key in missing)
            message = _("Kolom wajib tidak ada: %(names)s.") % {"names": names}
            self.problems.append(Problem(1, "", "", message, "missing_columns"))
        self.header = header
        self.body = [(number, row) for number, row in enumerate(table[1:], start=2) if any(cell for cell in row)]

    def _cell(self, row: list[str], key: str) -> str:
        return row[self.header.index(key)].strip() if key in self.header and self.header.index(key) < len(row) else ""

    def problem(self, number: int, key: str, value: str, message: str, *, code: str) -> None:
        self.problems.append(Problem(number, TEMPLATE_HEADER[list(COLUMNS).index(key)], value, message, code))

    def records(self) -> list[dict]:
        if self.problems:
            return []
        records = []
        for number, row in self.body:
            record = {"row": number, **{key: self._cell(row, key) for key in COLUMNS}}
            if self._check(record):
                records.append(record)
        return records

    def _check(self, record: dict) -> bool:
        number, before = record["row"], len(self.problems)
        nip = normalise_nip(record["nip"])
        if excel_mangled(record["nip"]):
            self.problem(number, "nip", record["nip"], _(EXCEL_MANGLED_MESSAGE), code="excel_number")
        else:
            try:
                validate_nip(nip)
            except Exception as error:  # noqa: BLE001 - a ValidationError with a NIP code
                code = getattr(error, "code", "nip_digits")
                self.problem(number, "nip", record["nip"], _(NIP_MESSAGES[code]) % (error.params or {}), code=code)
        record["nip"] = nip
        for key in ("title", "organiser"):
            if not record[key]:
                self.problem(number, key, "", _("Wajib diisi."), code="required")
            elif len(record[key]) > 200:
                self.problem(number, key, record[key][:40], _("Paling banyak 200 karakter."), code="too_long")
        for key in ("starts_on", "ends_on"):
            try:
                record[key] = _date(record[key])
            except ValueError:
                message = _("Tulis tanggal sebagai 2026-11-03 atau 03/11/2026.")
                self.problem(number, key, record[key], message, code="date_format")
        dates = [record[key] for key in ("starts_on", "ends_on")]
        if all(isinstance(value, datetime.date) for value in dates):
            if dates[1] < dates[0]:
                message = _("Tanggal selesai sebelum tanggal mulai.")
                self.problem(number, "ends_on", str(dates[1]), message, code="dates")
            elif dates[1] > self.today:
                self.problem(number, "ends_on", str(dates[1]), _("Kegiatan belum selesai."), code="not_over")
        try:
            record["jp"] = int(record["jp"])
            if not 1 <= record["jp"] <= MAX_JP:
                raise ValueError
        except ValueError:
            self.problem(
                number,
                "jp",
                str(record["jp"]),
                _("JP harus bilangan bulat 1 sampai %(max)s.") % {"max": MAX_JP},
                code="jp_range",
            )
        return len(self.problems) == before


def _match(rows: _Rows, records: list[dict]) -> None:
    """Each NIP in the register (one query), the name alike, no activity twice (one query)."""
    people = {
        e.nip: e
        for e in Employee.objects.filter(nip__in={r["nip"] for r in records}, is_active=True).only(
            "pk", "nip", "name", "user_id"
        )
    }
    seen = {}
    for record in records:
        employee = people.get(record["nip"])
        if employee is None:
            message = _("NIP tidak terdaftar sebagai pegawai aktif.")
            rows.problem(record["row"], "nip", record["nip"], message, code="unknown_nip")
            continue
        if record["name"] and not set(folded(record["name"]).split()) & set(folded(employee.name).split()):
            rows.problem(
                record["row"],
                "name",
                record["name"],
                _("Nama tidak cocok dengan NIP ini (%(name)s).") % {"name": employee.name},
                code="name_mismatch",
            )
        key = (
            employee.pk,
            folded(record["title"]),
            folded(record["organiser"]),
            record["starts_on"],
            record["ends_on"],
        )
        if key in seen:
            message = _("Sama dengan baris %(row)s.") % {"row": seen[key]}
            rows.problem(record["row"], "nip", record["nip"], message, code="duplicate_row")
        seen[key] = record["row"]
        record["employee"], record["key"] = employee, key
    existing = ExternalActivity.objects.exclude(status=ExternalActivity.Status.REJECTED).filter(
        employee_id__in=[e.pk for e in people.values()], title_key__in={k[1] for k in seen}
    )
    known = {(a.employee_id, a.title_key, a.organiser_key, a.starts_on, a.ends_on) for a in existing}
    for record in records:
        if record.get("key") in known:
            message = _("Kegiatan ini sudah tercatat untuk pegawai ini.")
            rows.problem(record["row"], "title", record["title"], message, code="already_recorded")


def attendance_import(
    *, data: bytes, name: str, kind: str, competency_ids: list[int], by, today=None
) -> AttendanceResult:
    """Check the whole list; if it is clean, record every row as a verified activity (all or nothing)."""
    today = today or timezone.localdate()
    try:
        table = read_table(data=data, name=name)
    except FileRefused as refused:
        return AttendanceResult(problems=[Problem(0, "", "", refused.message, "unreadable")])
    rows = _Rows(table, today)
    records = rows.records()
    if not rows.problems:
        if not records:
            rows.problems.append(Problem(2, "", "", _("Daftar hadir tidak berisi peserta."), "empty"))
        else:
            _match(rows, records)
    if rows.problems:
        return AttendanceResult(problems=sorted(rows.problems, key=lambda p: (p.row, p.column)))
    return _record(records, kind=kind, competency_ids=competency_ids, by=by)


@transaction.atomic
def _record(records: list[dict], *, kind: str, competency_ids: list[int], by) -> AttendanceResult:
    now = timezone.now()
    activities = ExternalActivity.objects.bulk_create(
        ExternalActivity(
            employee=record["employee"],
            kind=kind,
            title=record["title"],
            organiser=record["organiser"],
            starts_on=record["starts_on"],
            ends_on=record["ends_on"],
            jp=record["jp"],
            title_key=folded(record["title"]),
            organiser_key=folded(record["organiser"]),
            source=ExternalActivity.Source.IMPORT,
            status=ExternalActivity.Status.VERIFIED,
            decided_by=by,
            decided_at=now,
        )
        for record in records
    )
    closed = 0
    if competency_ids:
        through = ExternalActivity.competencies.through
        through.objects.bulk_create(
            through(externalactivity_id=a.pk, competency_id=c) for a in activities for c in competency_ids
        )
        for activity in activities:
            closed += development_completion_apply(
                employee_id=activity.employee_id,
                competency_ids=competency_ids,
                title=activity.title,
                completed_on=activity.ends_on,
            )
    learners_changed(activity.employee_id for activity in activities)  # bulk_create sends no signal
    notify_verified(activities)
    return AttendanceResult(recorded=len(activities), closed_gaps=closed)
