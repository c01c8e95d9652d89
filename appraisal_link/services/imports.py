"""Appraisal imports: a file, a batch of API records, and the background job around an uploaded file.

Every import is all or nothing: rows are cleaned one at a time (importing.validation), checked against
the database in bulk (importing.plan), and only when no row has an error are the new employees and the
appraisals written, in one transaction, in batches (bulk_create; for changes, one UPDATE per changed field
and value, and bulk_update for changed notes). Importing the same records again changes nothing (they
count as unchanged); a corrected file updates the same appraisals (one per employee, year and period).
The weak-area gaps of the appraisals created or changed are refreshed in the same transaction.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from competency.models import Gap
from portal import stored_text
from portal.bulk_copy import copy_create, copy_create_rows
from portal.people.employee_kept import employees_changed
from portal.people.models import Employee
from portal.search_bulk import index_bulk

from ..importing.columns import APPRAISAL_FIELDS, COLUMNS, normalise_header
from ..importing.lookalikes import CHECK, CONFIRMED, REFUSE
from ..importing.plan import Plan, in_batches, plan_build
from ..importing.readers import FileRejected, open_table
from ..importing.validation import ProblemLog, RowCleaner
from ..models import Appraisal
from .notifying import appraisals_updated_notify
from .weak_areas import gaps_refresh_for_appraisals, has_weak_area, origin_prefix

logger = logging.getLogger(__name__)

WRITE_BATCH = 2000
UPDATE_BATCH = 500

Progress = Callable[[int, int], None]


@dataclass
class ImportResult:
    """What an import did (or, for a dry run or a refused batch, what it would have done)."""

    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    employees_created: int = 0
    dry_run: bool = False
    problems: ProblemLog = field(default_factory=ProblemLog)

    @property
    def ok(self) -> bool:
        return self.problems.error_count == 0


def appraisals_import_rows(
    *,
    rows: Iterable[tuple[int, Mapping]],
    source: str,
    dry_run: bool = False,
    new_nips_confirmed: bool = False,
    problems: ProblemLog | None = None,
    progress: Progress | None = None,
    progress_every: int = 5000,
    total_hint: int = 0,
) -> ImportResult:
    """Import (row number, {column: raw value}) pairs, all or nothing; see the module docstring.

    A new NIP that looks like an existing employee's (importing.lookalikes) refuses a real import
    unless `new_nips_confirmed` says HR checked them; a dry run lists them as warnings."""
    cleaner = RowCleaner(problems)
    for row, raw in rows:
        cleaner.add(row, raw)
        if progress is not None and cleaner.rows_seen % progress_every == 0:
            progress(cleaner.rows_seen, max(total_hint, cleaner.rows_seen))
    if progress is not None:
        progress(cleaner.rows_seen, cleaner.rows_seen)
    result = ImportResult(total=cleaner.rows_seen, dry_run=dry_run, problems=cleaner.problems)
    lookalikes = CHECK if dry_run else CONFIRMED if new_nips_confirmed else REFUSE
    plan = plan_build(records=cleaner.records, problems=cleaner.problems, lookalikes=lookalikes)
    del cleaner
    if plan is None:
        return result
    result.created, result.updated, result.unchanged = len(plan.creates), len(plan.updates), plan.unchanged
    result.employees_created = len(plan.new_employees)
    if not dry_run:
        try:
            _write(plan, source=source[:255])
        except IntegrityError:
            logger.warning("appraisal import from %s conflicted with a concurrent write", source, exc_info=True)
            result.created = result.updated = result.unchanged = result.employees_created = 0
            result.problems.error(
                None,
                "",
                "",
                stored_text.source(
                    gettext_noop(
                        "Data bentrok dengan perubahan lain yang berjalan bersamaan; tidak ada yang disimpan. "
                        "Impor lagi."
                    )
                ),
                code="conflict",
            )
    return result


def appraisals_import_file(
    *,
    file,
    name: str,
    dry_run: bool = False,
    new_nips_confirmed: bool = False,
    progress: Progress | None = None,
    progress_every: int = 5000,
) -> ImportResult:
    """Import a CSV or XLSX file (a binary file object). Raises FileRejected when the file as a whole
    cannot be read (then nothing is written either)."""
    table = open_table(file, name=name)
    try:
        problems = ProblemLog()
        if table.unknown_columns:
            problems.warning(
                1,
                ", ".join(table.unknown_columns),
                "",
                stored_text.source(
                    gettext_noop("Kolom yang tidak dikenal diabaikan: %(columns)s."),
                    columns=", ".join(table.unknown_columns),
                ),
                code="unknown_column",
            )
        if progress is not None:
            progress(0, table.estimated_rows)
        result = appraisals_import_rows(
            rows=table.rows(),
            source=PurePath(name).name,
            dry_run=dry_run,
            new_nips_confirmed=new_nips_confirmed,
            problems=problems,
            progress=progress,
            progress_every=progress_every,
            total_hint=table.estimated_rows,
        )
    finally:
        table.close()
    if result.total == 0:
        raise FileRejected(
            stored_text.source(
                gettext_noop("Berkas tidak berisi baris data: di bawah baris nama kolom tidak ada penilaian.")
            ),
            code="no_rows",
        )
    return result


def _api_rows(records: list, problems: ProblemLog):
    unknown = set()
    for number, item in enumerate(records, start=1):
        if not isinstance(item, dict):
            problems.error(
                number,
                "",
                str(item)[:200],
                stored_text.source(gettext_noop("Setiap butir harus berupa objek JSON (pasangan kunci dan nilai).")),
                code="not_object",
            )
            continue
        row = {normalise_header(key): value for key, value in item.items()}
        unknown.update(key for key in row if key not in COLUMNS)
        yield number, row
    if unknown:
        problems.warning(
            None,
            ", ".join(sorted(unknown)),
            "",
            stored_text.source(
                gettext_noop("Kunci yang tidak dikenal diabaikan: %(keys)s."), keys=", ".join(sorted(unknown))
            ),
            code="unknown_column",
        )


def appraisals_import_records(
    *, records: list, source: str = "api", dry_run: bool = False, new_nips_confirmed: bool = False
) -> ImportResult:
    """Import API records: a list of objects whose keys are the file's column names. A problem's row is
    the record's position in the list, counted from 1."""
    problems = ProblemLog()
    return appraisals_import_rows(
        rows=_api_rows(records, problems),
        source=source,
        dry_run=dry_run,
        new_nips_confirmed=new_nips_confirmed,
        problems=problems,
    )


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Employee(*values) in the model's field order is several times faster than Employee(**kwargs), which
# matters at 100,000 new employees; the fields not given keep their defaults.
_EMPLOYEE_ORDER = [f.attname for f in Employee._meta.concrete_fields]
_EMPLOYEE_DEFAULTS = {f.attname: f.get_default() for f in Employee._meta.concrete_fields}


def _new_employee(**values) -> Employee:
    values = {**_EMPLOYEE_DEFAULTS, **values}
    return Employee(*[values[name] for name in _EMPLOYEE_ORDER])


def _create_employees(plan: Plan) -> None:
    if not plan.new_employees:
        return
    employees = [
        _new_employee(nip=n.nip, name=n.name, unit_id=n.unit_id, position_id=n.position_id, email=n.email)
        for n in plan.new_employees
    ]
    copy_create(Employee, employees)
    if any(e.pk is None for e in employees):  # a database that cannot return the new keys
        ids = dict(Employee.objects.filter(nip__in=[e.nip for e in employees]).values_list("nip", "pk"))
        for employee in employees:
            employee.pk = ids[employee.nip]
    plan.employee_ids.update((e.nip, e.pk) for e in employees)
    # bulk_create sends no post_save, so the search index (the admin's search by name) is told here.
    index_bulk(Employee, employees)


def _update_emails(plan: Plan) -> None:
    """The register's e-mail addresses the file brought (one UPDATE per changed employee: rare after the
    first import, since an unchanged address is left alone)."""
    for pk, email in plan.email_updates.items():
        Employee.objects.filter(pk=pk).update(email=email)
    if plan.email_updates:
        employees_changed()  # an UPDATE sends no post_save


def _write(plan: Plan, *, source: str) -> None:
    with transaction.atomic():
        _create_employees(plan)
        _update_emails(plan)
        created: list[int] = []
        refresh = _create_appraisals(plan, source=source, created=created) + _update_appraisals(plan, source=source)
        if refresh:
            gaps_refresh_for_appraisals(appraisal_ids=refresh)
        # Each employee whose appraisal this write created or changed is told, in this transaction.
        changed = created + [pk for pk, _record, _current in plan.updates]
        appraisals_updated_notify(appraisal_ids=changed, stamp=timezone.now())


# A new appraisal's row as COPY writes it: the values come straight from the clean record (no model
# instance, nothing to prepare), which matters at 100,000 rows; imported_at and updated_at are the write's
# time. A test keeps this list equal to the model's concrete fields.
APPRAISAL_COLUMNS = ("employee_id", "year", "period", *APPRAISAL_FIELDS, "source", "imported_at", "updated_at")


def _with_appraisal_gaps(periods: set[tuple[int, str]]) -> set[tuple[int, int, str]]:
    """(employee, year, period) of the gaps that earlier appraisals of these periods opened."""
    found = set()
    for year, period in periods:
        prefix = origin_prefix(Appraisal(year=year, period=period))
        gaps = Gap.objects.filter(source=Gap.Source.APPRAISAL, origin__startswith=prefix)
        found.update((employee_id, year, period) for employee_id in gaps.values_list("employee_id", flat=True))
    return found


def _create_appraisals(plan: Plan, *, source: str, created: list[int]) -> list[int]:
    """Insert the new appraisals (their ids are added to `created`); return those whose gaps need a refresh.

    A new appraisal with no weak area, of an employee with no gaps from an earlier appraisal of the same
    period and no open appraisal gap at all, is one that gaps_refresh_for_appraisals would leave alone:
    leaving it out of the refresh keeps a first import of 100,000 appraisals within seconds.
    """
    ids, refresh = plan.employee_ids, []
    had_gaps = _with_appraisal_gaps({(r.year, r.period) for r in plan.creates})
    # A newer appraisal may close an older one's gaps (gaps follow the latest appraisal).
    open_gaps = set(
        Gap.objects.filter(source=Gap.Source.APPRAISAL, status=Gap.Status.OPEN)
        .values_list("employee_id", flat=True)
        .distinct()
    )
    now = timezone.now()
    for batch in _chunks(plan.creates, WRITE_BATCH):
        rows = [(ids[r.nip], r.year, r.period, *r.appraisal_values(), source, now, now) for r in batch]
        pks = copy_create_rows(Appraisal, APPRAISAL_COLUMNS, rows)
        if any(pk is None for pk in pks):  # a database that cannot return the new keys
            pks = _find_ids([(row[0], row[1], row[2]) for row in rows])
        created += pks
        refresh += [
            pk
            for pk, record, row in zip(pks, batch, rows, strict=True)
            if (row[0], record.year, record.period) in had_gaps or row[0] in open_gaps or has_weak_area(record)
        ]
    return refresh


def _update_appraisals(plan: Plan, *, source: str) -> list[int]:
    """Write the changed values of the changed appraisals; all of them need a gap refresh (a weak area
    may have gone).

    bulk_update builds a CASE expression per row and field, some 2 ms a row here; a rated value has only
    a handful of possible values, so the rows are grouped by (field, new value) and each group is one
    UPDATE. Only free-text notes go through bulk_update, and only where they changed.
    """
    groups, notes = defaultdict(list), []
    for pk, record, current in plan.updates:
        for name, new, old in zip(APPRAISAL_FIELDS, record.appraisal_values(), current, strict=True):
            if new == old:
                continue
            if name == "notes":
                notes.append(Appraisal(pk=pk, notes=new))
            else:
                groups[(name, new)].append(pk)
    for (name, value), pks in groups.items():
        for batch in in_batches(pks, "bigint"):
            Appraisal.objects.filter(pk__in=batch).update(**{name: value})
    Appraisal.objects.bulk_update(notes, ["notes"], batch_size=UPDATE_BATCH)
    changed = [pk for pk, _record, _current in plan.updates]
    now = timezone.now()
    for batch in in_batches(changed, "bigint"):
        Appraisal.objects.filter(pk__in=batch).update(source=source, updated_at=now)
    return changed


def _find_ids(keys: list[tuple[int, int, str]]) -> list[int]:
    """The keys of the appraisals of these (employee, year, period), in that order."""
    wanted = set(keys)
    found = {}
    rows = Appraisal.objects.filter(
        employee_id__in={k[0] for k in keys}, year__in={k[1] for k in keys}, period__in={k[2] for k in keys}
    ).values_list("pk", "employee_id", "year", "period")
    for pk, *key in rows:
        if tuple(key) in wanted:
            found[tuple(key)] = pk
    return [found[key] for key in keys]
