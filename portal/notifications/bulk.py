"""Insert many notifications at once and learn which of them are new.

A reminder run can write 100,000 rows. On PostgreSQL one statement per batch does it:
`INSERT … SELECT FROM jsonb_to_recordset(…) ON CONFLICT DO NOTHING RETURNING`, so the database itself says which
rows it inserted and skips those that exist (even ones a concurrent run wrote a moment ago).
Elsewhere (SQLite, the zero-set-up run) the ORM does the same in three steps.
"""

import json
from datetime import datetime

from django.db import connection
from django.db.models import QuerySet

from .models import EmailStatus, Notification
from .texts import split

COLUMNS = (
    *("user_id", "kind", "key", "title", "body", "url", "created_at", "email_status"),
    *("title_source", "body_source"),
)


def notifications_insert_new(*, kind: str, drafts: list, now: datetime, emailable: set[int]) -> list[Notification]:
    """Insert `drafts` (of one `kind`) that do not exist yet; return the rows inserted, with ids.

    `emailable` holds the users who get this kind by e-mail: their rows start "pending".
    """
    if connection.vendor == "postgresql":
        return _insert_returning(kind=kind, drafts=drafts, now=now, emailable=emailable)
    return _insert_then_find(kind=kind, drafts=drafts, now=now, emailable=emailable)


def _status(user_id: int, emailable: set[int]) -> str:
    return EmailStatus.PENDING if user_id in emailable else EmailStatus.NONE


def _insert_returning(*, kind: str, drafts: list, now: datetime, emailable: set[int]) -> list[Notification]:
    quote = connection.ops.quote_name
    table = quote(Notification._meta.db_table)
    columns = ", ".join(quote(name) for name in COLUMNS)
    # The rows travel as one JSON document: far cheaper to send than a parameter per value.
    # Only identifiers from the model's metadata are formatted in; every value is a parameter.
    sql = (
        f"INSERT INTO {table} ({columns}) "  # noqa: S608
        "SELECT d.u, %s, d.k, d.t, d.b, d.l, %s, d.s, COALESCE(d.ts, '{}'), COALESCE(d.bs, '{}') "
        "FROM jsonb_to_recordset(%s::jsonb) AS d(u bigint, k text, t text, b text, l text, s text, ts jsonb, bs jsonb) "
        f"ON CONFLICT ({quote('user_id')}, {quote('kind')}, {quote('key')}) DO NOTHING "
        f"RETURNING {quote('id')}, {quote('user_id')}, {quote('key')}"
    )
    texts = {(d.user_id, d.key): (split(d.title), split(d.body)) for d in drafts}
    document = json.dumps(
        [
            {"u": d.user_id, "k": d.key, "t": t[:200], "b": b, "l": d.url, "s": status, "ts": ts, "bs": bs}
            for d in drafts
            for status in [_status(d.user_id, emailable)]
            for (t, ts), (b, bs) in [texts[(d.user_id, d.key)]]
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [kind, now, document])
        inserted = cursor.fetchall()
    by_pair = {(d.user_id, d.key): d for d in drafts}
    # Values in field order, as the ORM builds a row it has read: much faster than keywords.
    fields = [field.attname for field in Notification._meta.concrete_fields]
    created = []
    for pk, user_id, key in sorted(inserted):
        d = by_pair[(user_id, key)]
        (title, title_source), (body, body_source) = texts[(user_id, key)]
        values = {
            "id": pk,
            "user_id": user_id,
            "kind": kind,
            "key": key,
            "title": title[:200],
            "body": body,
            "title_source": title_source,
            "body_source": body_source,
            "url": d.url,
            "created_at": now,
            "email_status": _status(user_id, emailable),
        }
        created.append(Notification.from_db(connection.alias, fields, [values.get(name) for name in fields]))
    return created


def _insert_then_find(*, kind: str, drafts: list, now: datetime, emailable: set[int]) -> list[Notification]:
    existing = set(
        Notification.objects.filter(
            kind=kind, user_id__in={d.user_id for d in drafts}, key__in={d.key for d in drafts}
        ).values_list("user_id", "key")
    )
    rows = [
        Notification(
            user_id=d.user_id,
            kind=kind,
            key=d.key,
            title=title[:200],
            body=body,
            title_source=title_source,
            body_source=body_source,
            url=d.url,
            created_at=now,
            email_status=_status(d.user_id, emailable),
        )
        for d in drafts
        if (d.user_id, d.key) not in existing
        for (title, title_source), (body, body_source) in [(split(d.title), split(d.body))]
    ]
    if not rows:
        return []
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    # ignore_conflicts returns no ids. The rows this call inserted are the new pairs stamped with
    # its `now`; a pair that a concurrent run inserted first carries that run's time instead.
    wanted = {(n.user_id, n.key) for n in rows}
    found = Notification.objects.filter(
        kind=kind, created_at=now, user_id__in={n.user_id for n in rows}, key__in={n.key for n in rows}
    ).order_by("pk")
    return [n for n in found if (n.user_id, n.key) in wanted]


def recipients_source(recipients) -> tuple[str, tuple] | None:
    """PostgreSQL: the (user id, key) pairs of `notify_same` as a SELECT for `notifications_insert_same`:
    a queryset's own SQL (read inside the INSERT), or a list sent as two arrays. None: no one."""
    if isinstance(recipients, QuerySet):
        return recipients.query.sql_with_params()
    pairs = list(dict.fromkeys(recipients))
    if not pairs:
        return None
    return ("SELECT * FROM unnest(%s::bigint[], %s::text[])", ([u for u, _k in pairs], [k for _u, k in pairs]))


def notifications_insert_same(
    *, kind: str, source: tuple[str, tuple], title: str | dict, body: str | dict, url: str, now: datetime
) -> list[tuple[int, str]]:
    """PostgreSQL: one statement gives the same message to every (user id, key) row of `source`, a
    SELECT (SQL and parameters) of two columns.

    The e-mail rule (portal.notifications.recipients) is applied in SQL, so a city-wide event needs
    no per-user work in Python. Returns (id,
    e-mail status, user id) of the rows inserted; existing (user, kind, key) are skipped by the constraint.
    """
    from django.contrib.auth import get_user_model

    from .recipients import emailable_sql

    quote = connection.ops.quote_name
    user_table = quote(get_user_model()._meta.db_table)
    columns = ", ".join(quote(name) for name in COLUMNS)
    (title, title_source), (body, body_source) = split(title), split(body)
    sql = (
        f"INSERT INTO {quote(Notification._meta.db_table)} ({columns}) "  # noqa: S608
        "SELECT r.u, %s, r.k, %s, %s, %s, %s, "
        f"CASE WHEN {emailable_sql(user='u')} THEN %s ELSE %s END, %s::jsonb, %s::jsonb "
        f"FROM ({source[0]}) AS r(u, k) "
        f"JOIN {user_table} u ON u.id = r.u "
        "ORDER BY r.u, r.k "
        f"ON CONFLICT ({quote('user_id')}, {quote('kind')}, {quote('key')}) DO NOTHING "
        f"RETURNING {quote('id')}, {quote('email_status')}, {quote('user_id')}"
    )
    params = [kind, title[:200], body, url, now, kind, str(EmailStatus.PENDING), str(EmailStatus.NONE)]
    params += [json.dumps(title_source), json.dumps(body_source)]
    params += list(source[1])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
