"""The standard-gap engine: where an employee's current level is below what their position's
standard requires, an open gap (source and origin "standar"); where it is met, the gap is closed.

Set-based: a full recompute reads employees, latest assessments and existing gaps a chunk of
10,000 employees at a time, compares in memory, and writes only what differs. On PostgreSQL each
chunk's new gaps are one INSERT and its changed gaps one UPDATE (both from UNNEST arrays); on
SQLite bulk_create and one UPDATE per distinct set of new values. The query count depends on
the number of chunks, never on the number of employees in a chunk. Gaps raised by appraisals
(source "penilaian") are never read or written here.
"""

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal import stored_text
from portal.bulk_copy import copy_insert_new
from portal.outbox.services import task_enqueue
from portal.people.learner_kept import learners_changed
from portal.people.models import Employee

from ..models import Assessment, Competency, Gap, PositionStandard
from ..selectors import IN_CHUNK, latest_levels
from . import gaps_pg
from .gaps_pg import STANDARD_ORIGIN

EMPLOYEE_CHUNK = 10_000
WRITE_BATCH = 2_000
REASON_MAX = Gap._meta.get_field("reason").max_length

_OPEN, _CLOSED = Gap.Status.OPEN.value, Gap.Status.CLOSED.value


def standard_reason_source(*, position_name: str, level: int) -> stored_text.Source:
    """Why a standard gap exists, as a stored-text source (shown in the reader's language)."""
    message = gettext_noop("standar jabatan %(position)s mensyaratkan level %(level)s")
    return stored_text.source(message, position=position_name, level=level)


def standard_reason(*, position_name: str, level: int) -> str:
    """Why a standard gap exists, in the site's language (stored, so it must not depend on the
    language of whoever triggered the recompute)."""
    with translation.override(settings.LANGUAGE_CODE):
        text = stored_text.render(standard_reason_source(position_name=position_name, level=level))
    return text[:REASON_MAX]


class _Standards:
    """Every position's standard, read once per recompute (positions × ~5 rows)."""

    def __init__(self, position_ids: Iterable[int] | None = None):
        rows = PositionStandard.objects.order_by()
        if position_ids is not None:
            rows = rows.filter(position_id__in=list(position_ids))
        self.by_position: dict[int, list[tuple[int, int]]] = defaultdict(list)
        self.reasons: dict[tuple[int, int], str] = {}
        self.sources: dict[str, str] = {}  # reason → its source, as JSON text
        for position_id, position_name, competency_id, level in rows.values_list(
            "position_id", "position__name", "competency_id", "required_level"
        ):
            self.by_position[position_id].append((competency_id, level))
            if (position_id, level) not in self.reasons:
                reason = standard_reason(position_name=position_name, level=level)
                self.reasons[(position_id, level)] = reason
                self.sources[reason] = json.dumps(standard_reason_source(position_name=position_name, level=level))
        self.competency_ids = sorted({c for pairs in self.by_position.values() for c, _level in pairs})


class _Counter:
    FIELDS = ("employees", "opened", "reopened", "closed", "updated", "unchanged")

    def __init__(self):
        self.values = dict.fromkeys(self.FIELDS, 0)

    def add(self, name: str, amount: int = 1):
        self.values[name] += amount


def _employee_chunks(*, employee_ids, position_ids):
    """(rows [(employee_id, position_id)], filter kwargs for tables keyed by employee_id)."""
    if employee_ids is None and position_ids is None:
        rows = list(Employee.objects.order_by("pk").values_list("pk", "position_id"))
        for start in range(0, len(rows), EMPLOYEE_CHUNK):
            chunk = rows[start : start + EMPLOYEE_CHUNK]
            # Every employee between the first and the last id is in the chunk: a range scan.
            yield chunk, {"employee_id__gte": chunk[0][0], "employee_id__lte": chunk[-1][0]}
        return
    employees = Employee.objects.order_by("pk")
    if position_ids is not None:
        ids = list(employees.filter(position_id__in=list(position_ids)).values_list("pk", flat=True))
        employee_ids = ids if employee_ids is None else set(ids) | set(employee_ids)
    wanted = sorted(set(employee_ids))
    for start in range(0, len(wanted), IN_CHUNK):
        ids = wanted[start : start + IN_CHUNK]
        rows = list(employees.filter(pk__in=ids).values_list("pk", "position_id"))
        if rows:
            yield rows, {"employee_id__in": [pk for pk, _position in rows]}


def _insert_open(rows: list[tuple[int, int, str, int, int]], now, sources: dict[str, str]) -> int:
    """Insert new open gaps; a row another run inserted meanwhile is skipped. Returns rows inserted.
    PostgreSQL takes the fast path of `gaps_pg`; elsewhere bulk_create."""
    if not rows:
        return 0
    if connection.vendor == "postgresql":
        return gaps_pg.insert_open(rows, now=now, sources=sources)
    return insert_open_portable(rows, now=now, sources=sources)


def insert_open_portable(rows: list[tuple[int, int, str, int, int]], *, now, sources: dict[str, str]) -> int:
    """`_insert_open` on any database (bulk_create, conflicts skipped)."""
    gaps = [
        Gap(
            employee_id=employee_id,
            competency_id=competency_id,
            source=Gap.Source.STANDARD,
            origin=STANDARD_ORIGIN,
            reason=reason,
            reason_source=json.loads(sources[reason]),
            required_level=required,
            current_level=current,
            status=_OPEN,
            opened_at=now,
        )
        for employee_id, competency_id, reason, required, current in rows
    ]
    Gap.objects.bulk_create(gaps, batch_size=WRITE_BATCH, ignore_conflicts=True)
    return len(gaps)


def _recompute_chunk(rows, employee_filter: dict, standards: _Standards, counter: _Counter, now) -> None:
    levels = latest_levels(Assessment.objects.filter(**employee_filter, competency_id__in=standards.competency_ids))
    existing = {
        (employee_id, competency_id): (pk, status, required, current, reason, sourced)
        for pk, employee_id, competency_id, status, required, current, reason, sourced in Gap.objects.filter(
            **employee_filter, source=Gap.Source.STANDARD, origin=STANDARD_ORIGIN
        )
        .order_by()
        # A gap written before reasons kept their source gets it on the next run.
        .annotate(sourced=ExpressionWrapper(~Q(reason_source={}), output_field=BooleanField()))
        .values_list(
            "pk", "employee_id", "competency_id", "status", "required_level", "current_level", "reason", "sourced"
        )
    }
    new: list[tuple[int, int, str, int, int]] = []  # (employee, competency, reason, required, current)
    changes: list[tuple] = []  # (pk, status, required, current, reason, transition)
    for employee_id, position_id in rows:
        for competency_id, required in standards.by_position.get(position_id, ()):
            current = levels.get((employee_id, competency_id), 0)
            reason = standards.reasons[(position_id, required)]
            status = _OPEN if current < required else _CLOSED
            found = existing.pop((employee_id, competency_id), None)
            if found is None:
                if status == _OPEN:
                    new.append((employee_id, competency_id, reason, required, current))
                continue
            pk, old_status, old_required, old_current, old_reason, sourced = found
            if sourced and (old_status, old_required, old_current, old_reason) == (status, required, current, reason):
                counter.add("unchanged")
                continue
            if old_status == status:
                transition = "updated"
            else:
                transition = "reopened" if status == _OPEN else "closed"
            changes.append((pk, status, required, current, reason, transition))
    # What is left no longer has a standard behind it (the standard was removed, or the employee
    # moved to another position): close it, keeping its levels as they were.
    for pk, old_status, *_rest in existing.values():
        if old_status == _OPEN:
            changes.append((pk, _CLOSED, None, None, None, "closed"))
        else:
            counter.add("unchanged")

    counter.add("opened", _insert_open(new, now, standards.sources))
    _apply(changes, now, standards.sources)
    for change in changes:
        counter.add(change[-1])


def _apply(changes: list[tuple], now, sources: dict[str, str]) -> None:
    """Write changed gaps (pk, status, required, current, reason, transition); a None level or
    reason keeps the old one. PostgreSQL takes the fast path of `gaps_pg`."""
    if not changes:
        return
    if connection.vendor == "postgresql":
        gaps_pg.apply(changes, now=now, sources=sources)
    else:
        apply_portable(changes, now=now, sources=sources)


def apply_portable(changes: list[tuple], *, now, sources: dict[str, str]) -> None:
    """`_apply` on any database: one UPDATE per distinct set of new values."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for pk, *values in changes:
        groups[tuple(values)].append(pk)
    for (status, required, current, reason, transition), pks in groups.items():
        fields = {"status": status}
        if required is not None:
            fields.update(
                required_level=required, current_level=current, reason=reason, reason_source=json.loads(sources[reason])
            )
        if transition == "closed":
            fields["closed_at"] = now
        elif transition == "reopened":
            fields["closed_at"] = None
        for start in range(0, len(pks), IN_CHUNK):
            Gap.objects.filter(pk__in=pks[start : start + IN_CHUNK]).update(**fields)


def gaps_recompute(
    *, employee_ids: Iterable[int] | None = None, position_ids: Iterable[int] | None = None
) -> dict[str, int]:
    """Bring the standard gaps of these employees (all employees when neither argument is given;
    with `position_ids`, everyone holding those positions) in line with their positions' standards
    and their latest assessments. Idempotent: a second run writes nothing.

    Open where current < required (a new row, or the same row reopened); closed where the level is
    met or the standard no longer applies. Returns counts: employees, opened, reopened, closed,
    updated (levels or reason changed), unchanged.
    """
    now = timezone.now()
    counter = _Counter()
    standards = _Standards()
    touched: list[int] = []
    with transaction.atomic():
        for rows, employee_filter in _employee_chunks(employee_ids=employee_ids, position_ids=position_ids):
            counter.add("employees", len(rows))
            _recompute_chunk(rows, employee_filter, standards, counter, now)
            touched += [pk for pk, _position in rows]
        if any(counter.values[name] for name in ("opened", "reopened", "closed", "updated")):
            learners_changed(touched)  # written in bulk or in SQL, without signals
    return counter.values


def _check_level(level) -> int:
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 5:
        raise ValidationError(_("Level harus bilangan bulat 1 sampai 5."), code="level")
    return level


def assessment_record(
    *,
    employee: Employee,
    competency: Competency,
    level: int,
    source: str,
    assessed_on: datetime.date,
    note: str = "",
) -> Assessment:
    """Record an assessed level, then bring that employee's standard gaps up to date."""
    _check_level(level)
    if source not in Assessment.Source.values:
        raise ValidationError(_("Sumber asesmen tidak dikenal: %(source)s.") % {"source": source}, code="source")
    with transaction.atomic():
        assessment = Assessment.objects.create(
            employee=employee,
            competency=competency,
            level=level,
            source=source,
            assessed_on=assessed_on,
            note=(note or "")[: Assessment._meta.get_field("note").max_length],
        )
        gaps_recompute(employee_ids=[employee.pk])
    return assessment


def assessments_changed(*, employee_ids: Iterable[int]) -> dict[str, int]:
    """After assessments were edited or deleted (e.g. in the admin): recompute those employees."""
    return gaps_recompute(employee_ids=list(employee_ids))


def standards_changed(*, position_ids: Iterable[int]) -> None:
    """After a position's standard changed: recompute everyone in those positions, after the commit
    and in the background (a position may have thousands of employees)."""
    from ..tasks import gaps_recompute_task

    ids = sorted(set(position_ids))
    task_enqueue(gaps_recompute_task, kwargs={"position_ids": ids})


def gaps_close(*, gap_ids: Iterable[int], reason: stored_text.Source, reached: bool = False, now=None) -> int:
    """Close open gaps, saying why (stored in the site's language and as its source, to be shown
    in the reader's); `reached` records the required level as reached (training completed). One
    UPDATE per chunk of ids; returns how many were closed."""
    ids = list(gap_ids)
    if not ids:
        return 0
    now = now or timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        text = stored_text.render(reason)[:REASON_MAX]
    fields = {"status": _CLOSED, "closed_at": now, "closed_reason": text, "closed_reason_source": reason}
    if reached:
        fields["current_level"] = F("required_level")
    closed = 0
    for start in range(0, len(ids), IN_CHUNK):
        chunk = Gap.objects.filter(pk__in=ids[start : start + IN_CHUNK], status=_OPEN)
        learners_changed(chunk.values_list("employee_id", flat=True).distinct())  # an UPDATE sends no signal
        closed += chunk.update(**fields)
    return closed


def appraisal_gaps_open(*, gaps: list[Gap]) -> int:
    """Write the appraisal gaps another app worked out (source "penilaian"); one that exists already
    (same employee, competency and origin) is skipped. Returns how many were given."""
    copy_insert_new(Gap, gaps)
    learners_changed(gap.employee_id for gap in gaps)  # a bulk insert sends no signal
    return len(gaps)


def observed_gaps_open(*, gaps: list[Gap]) -> int:
    """Write the gaps another voice of appraisal worked out (the public survey: source "skm"); as
    `appraisal_gaps_open`, one that exists already is skipped."""
    if any(gap.source not in Gap.OBSERVED for gap in gaps):
        raise ValueError("observed_gaps_open writes observed gaps only")
    return appraisal_gaps_open(gaps=gaps)


def appraisal_gaps_drop(*, gap_ids: Iterable[int]) -> int:
    """Delete open appraisal gaps that a corrected appraisal no longer supports; returns how many."""
    ids = list(gap_ids)
    dropped = 0
    for start in range(0, len(ids), IN_CHUNK):
        dropped += Gap.objects.filter(
            pk__in=ids[start : start + IN_CHUNK], source=Gap.Source.APPRAISAL, status=_OPEN
        ).delete()[0]
    return dropped
