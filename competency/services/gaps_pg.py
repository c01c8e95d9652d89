"""The standard-gap engine's fast path on PostgreSQL: one INSERT … SELECT FROM UNNEST(arrays) per
50,000 new gaps and one UPDATE … FROM UNNEST(arrays) per 50,000 changed ones. Building a model
instance and a parameter per field, as bulk_create does, costs ten times as much at city scale.

The portable path (competency.services.gaps: insert_open_portable, apply_portable) does the same on
any database; tests/competency/test_gaps_pg.py runs both on the same data and compares the rows.
"""

from django.db import connection

from ..models import Gap

UNNEST_BATCH = 50_000
STANDARD_ORIGIN = "standar"  # the origin of every standard gap
_OPEN = Gap.Status.OPEN.value


def insert_open(rows: list[tuple[int, int, str, int, int]], *, now, sources: dict[str, str]) -> int:
    """Insert (employee, competency, reason, required, current) as open standard gaps; a row that
    exists is skipped. Returns how many were inserted."""
    inserted = 0
    with connection.cursor() as cursor:
        for start in range(0, len(rows), UNNEST_BATCH):
            employees, competencies, reasons, required, current = (
                list(column) for column in zip(*rows[start : start + UNNEST_BATCH], strict=True)
            )
            # A few dozen distinct reasons: send each once, and a 1-based index per row.
            distinct = list(dict.fromkeys(reasons))
            position = {reason: index for index, reason in enumerate(distinct, start=1)}
            cursor.execute(
                _insert_sql(),
                [
                    Gap.Source.STANDARD.value,
                    STANDARD_ORIGIN,
                    _OPEN,
                    now,
                    distinct,
                    [sources[reason] for reason in distinct],
                    employees,
                    competencies,
                    [position[reason] for reason in reasons],
                    required,
                    current,
                ],
            )
            inserted += cursor.rowcount
    return inserted


def apply(changes: list[tuple], *, now, sources: dict[str, str]) -> None:
    """Write (pk, status, required, current, reason, transition) changes; None keeps the old value."""
    with connection.cursor() as cursor:
        for start in range(0, len(changes), UNNEST_BATCH):
            columns = [list(column) for column in zip(*changes[start : start + UNNEST_BATCH], strict=True)]
            reason_sources = [sources[reason] if reason is not None else None for reason in columns[4]]
            cursor.execute(_update_sql(), [now, *columns[:5], reason_sources, columns[5]])


def _insert_sql() -> str:
    quote = connection.ops.quote_name
    fields = ("employee", "competency", "source", "origin", "reason", "required_level", "current_level", "status")
    empty = ("closed_reason", "closed_reason_source")
    names = (*fields, "opened_at", "reason_source", *empty)
    columns = ", ".join(quote(Gap._meta.get_field(name).column) for name in names)
    # Only names from the model's own metadata go into the text; every value is a parameter.
    return (
        f"INSERT INTO {quote(Gap._meta.db_table)} ({columns}) "  # noqa: S608
        "SELECT u.employee_id, u.competency_id, %s, %s, (r.reasons)[u.reason], u.required_level, u.current_level, "
        "%s, %s, ((r.sources)[u.reason])::jsonb, '', '{}'::jsonb "
        "FROM (SELECT %s::text[] AS reasons, %s::text[] AS sources) AS r, "
        "UNNEST(%s::bigint[], %s::bigint[], %s::int[], %s::smallint[], %s::smallint[]) "
        "AS u(employee_id, competency_id, reason, required_level, current_level) "
        "ON CONFLICT DO NOTHING"
    )


def _update_sql() -> str:
    quote = connection.ops.quote_name
    column = {
        name: quote(Gap._meta.get_field(name).column)
        for name in ("id", "status", "required_level", "current_level", "reason", "reason_source", "closed_at")
    }
    # Only names from the model's own metadata go into the text; every value is a parameter.
    return (
        f"UPDATE {quote(Gap._meta.db_table)} AS g SET "  # noqa: S608
        f"{column['status']} = u.status, "
        f"{column['required_level']} = COALESCE(u.required_level, g.{column['required_level']}), "
        f"{column['current_level']} = COALESCE(u.current_level, g.{column['current_level']}), "
        f"{column['reason']} = COALESCE(u.reason, g.{column['reason']}), "
        f"{column['reason_source']} = COALESCE(u.reason_source::jsonb, g.{column['reason_source']}), "
        f"{column['closed_at']} = CASE u.transition WHEN 'closed' THEN %s::timestamptz "
        f"WHEN 'reopened' THEN NULL ELSE g.{column['closed_at']} END "
        "FROM UNNEST(%s::bigint[], %s::text[], %s::smallint[], %s::smallint[], %s::text[], %s::text[], %s::text[]) "
        "AS u(id, status, required_level, current_level, reason, reason_source, transition) "
        f"WHERE g.{column['id']} = u.id"
    )
