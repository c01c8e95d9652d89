"""Importing the competency dictionary from a file: all or nothing, and idempotent (an upsert by
code that writes only what differs, so importing the same file twice changes nothing)."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.search_bulk import index_bulk

from ..importing import UNSET, Existing, FileRefused, PlannedRow, RowError, parse, read_table, validate
from ..models import Competency
from ..relations import CompetencyRelation

UPDATE_BATCH = 500


@dataclass
class ImportResult:
    """What an import did (or, with errors or a dry run, would have done)."""

    format: str
    framework: str = ""
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    related: int = 0  # new pairs of related competencies (Moodle's cross-references)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def related_text(self) -> str:
        """" N pasangan kompetensi terkait ditambahkan." when the file added any, else ""."""
        if not self.related:
            return ""
        return " " + ngettext(
            "%(count)s pasangan kompetensi terkait ditambahkan.",
            "%(count)s pasangan kompetensi terkait ditambahkan.",
            self.related,
        ) % {"count": self.related}


def _values(planned: PlannedRow, parent_id) -> dict:
    """The fields this row sets: what the file does not carry is left out (left as it is)."""
    values = {"name": planned.name, "kind": planned.kind}
    if planned.parent is not UNSET:
        values["parent_id"] = parent_id
    if planned.description is not UNSET:
        values["description"] = planned.description
    for level, text in planned.indicators.items():
        values[f"indicator_{level}"] = text
    return values


def _reindex(objects: list[Competency]) -> None:
    """Bulk writes bypass the save signals that keep the admin's search index current."""
    index_bulk(Competency, objects)


def _create(new_rows: list[PlannedRow], by_code: dict[str, Competency]) -> list[Competency]:
    """Insert new competencies parents first (one INSERT per level of the new part of the tree)."""
    created, pending = [], list(new_rows)
    while pending:
        ready = [row for row in pending if row.parent in (UNSET, None) or row.parent in by_code]
        if not ready:  # validation rules cycles out; this guards the invariant
            raise RuntimeError("competency parents form a cycle")
        objects = []
        for row in ready:
            parent = None if row.parent in (UNSET, None) else by_code[row.parent].pk
            objects.append(Competency(code=row.code, **_values(row, parent)))
        for competency in Competency.objects.bulk_create(objects):
            by_code[competency.code] = competency
            created.append(competency)
        ready_codes = {row.code for row in ready}
        pending = [row for row in pending if row.code not in ready_codes]
    return created


def _relations_to_add(code_pairs: set[frozenset], by_code: dict[str, Competency]) -> tuple[int, list]:
    """How many of the file's related pairs are new, and the new ones as (lower id, higher id) of
    competencies that exist (in a dry run, a pair with a competency still to create is new too)."""
    known = [pair for pair in code_pairs if all(code in by_code for code in pair)]
    id_pairs = {tuple(sorted(by_code[code].pk for code in pair)) for pair in known}
    existing = set()
    if id_pairs:
        existing = set(
            CompetencyRelation.objects.filter(competency_id__in={low for low, _high in id_pairs}).values_list(
                "competency_id", "related_id"
            )
        )
    new = sorted(id_pairs - existing)
    return len(code_pairs) - len(known) + len(new), new


@transaction.atomic
def competencies_import(*, data: bytes, name: str, dry_run: bool = False) -> ImportResult:
    """Import a competency file (our template as CSV/XLSX, or Moodle's framework CSV).

    Every row is validated first; with any error nothing is written and `result.errors` lists them
    all. Raises FileRefused when the file as a whole cannot be read (type, size, encoding, header).
    """
    parsed = parse(read_table(data=data, name=name))
    if not parsed.rows and not parsed.problems:
        raise FileRefused(_("Berkas tidak memuat satu baris kompetensi pun."))
    result = ImportResult(format=parsed.format, framework=parsed.framework, rows=len(parsed.rows), dry_run=dry_run)
    by_code = {competency.code: competency for competency in Competency.objects.order_by("pk")}
    code_of = {competency.pk: code for code, competency in by_code.items()}
    existing = {
        code: Existing(kind=competency.kind, parent_code=code_of.get(competency.parent_id))
        for code, competency in by_code.items()
    }
    planned, result.errors = validate(parsed, existing)
    if result.errors:
        return result

    new_rows = [row for row in planned if row.code not in by_code]
    old_rows = [row for row in planned if row.code in by_code]
    result.created = len(new_rows)
    code_pairs = {frozenset((row.code, code)) for row in planned for code in row.related}
    if not dry_run:
        created = _create(new_rows, by_code)
    result.related, new_pairs = _relations_to_add(code_pairs, by_code)
    changed, fields = [], set()
    for row in old_rows:
        competency = by_code[row.code]
        parent_id = None if row.parent in (UNSET, None) else getattr(by_code.get(row.parent), "pk", -1)
        differs = {key: value for key, value in _values(row, parent_id).items() if getattr(competency, key) != value}
        if differs:
            for key, value in differs.items():
                setattr(competency, key, value)
            changed.append(competency)
            fields.update(differs)
    result.updated, result.unchanged = len(changed), len(old_rows) - len(changed)
    if dry_run:
        return result
    if changed:
        Competency.objects.bulk_update(changed, sorted(fields), batch_size=UPDATE_BATCH)
    CompetencyRelation.objects.bulk_create(
        [CompetencyRelation(competency_id=low, related_id=high) for low, high in new_pairs],
        batch_size=UPDATE_BATCH,
        ignore_conflicts=True,
    )
    touched = created + changed
    transaction.on_commit(lambda: _reindex(touched))
    return result
