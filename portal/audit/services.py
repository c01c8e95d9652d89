"""Writes to the audit trail: one entry per read or export, and the retention purge."""

import datetime
from typing import Any

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import CharField, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat
from django.http import HttpRequest, HttpResponse

from portal.people.models import Employee

from .models import AuditAction, AuditEntry
from .postgres import purge_allowed
from .rules import AuditRule, Subject

MAX_QUERY_VALUE = 200
MAX_PATH = 500


def _client_ip(request: HttpRequest) -> str | None:
    # allauth's rule (ALLAUTH_TRUSTED_PROXY_COUNT, set from KOMPETEN_TRUSTED_PROXY_COUNT), the one
    # its rate limits use: the address a trusted proxy saw, not what the client claims.
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def _actor_label(user) -> str:
    if user is None or not user.is_authenticated:
        return ""
    name = user.get_full_name()
    return f"{name} ({user.username})" if name else user.username


def _token_label(request: HttpRequest) -> str:
    """The API token's public identifier (its prefix, or its pk): never the secret."""
    auth = getattr(request, "auth", None)
    if auth is None:
        return ""
    prefix = getattr(auth, "prefix", None)
    if prefix:
        return str(prefix)[:40]
    pk = getattr(auth, "pk", None)
    return f"#{pk}" if pk is not None else ""


def _query(request: HttpRequest) -> dict[str, Any]:
    return {
        key: [value[:MAX_QUERY_VALUE] for value in values][:10] if len(values) > 1 else values[0][:MAX_QUERY_VALUE]
        for key, values in list(request.GET.lists())[:20]
    }


def _subject_expressions(subject: Subject):
    """The subject's id and label as sub-queries of the INSERT: an id that names no employee
    becomes NULL, and recording costs one query however the subject is found."""
    if subject is None:
        return None, Value("")
    key = Subquery(subject) if isinstance(subject, QuerySet) else subject
    employee = Employee.objects.filter(pk=key)
    label = Concat("name", Value(" ("), "nip", Value(")"), output_field=CharField())
    return (
        Subquery(employee.values("pk")[:1]),
        Coalesce(Subquery(employee.annotate(label=label).values("label")[:1]), Value("")),
    )


def audit_record(
    *,
    request: HttpRequest,
    what: str,
    label: str = "",
    action: str = AuditAction.VIEW,
    subject: Subject = None,
    object_ref: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record that request.user (or the API token's account) read, exported or wrote personal data.

    `subject` is the employee whose data it was: an Employee id or a queryset of one id; None when
    the page lists many people. `detail` is merged with the request's query string. One INSERT.
    """
    user = getattr(request, "user", None)
    subject_id, subject_label = _subject_expressions(subject)
    return AuditEntry.objects.create(
        actor=user if user is not None and user.is_authenticated else None,
        actor_label=_actor_label(user)[:300],
        action=action,
        what=what[:100],
        label=str(label)[:300],
        subject_employee_id=subject_id,
        subject_label=subject_label,
        object_ref=object_ref[:100],
        detail={"query": _query(request), **(detail or {})} if request.GET or detail else {},
        token=_token_label(request),
        ip=_client_ip(request),
        path=request.path[:MAX_PATH],
    )


def audit_record_for_rule(
    *, request: HttpRequest, rule: AuditRule, kwargs: dict[str, Any], response: HttpResponse | None = None
) -> AuditEntry:
    """Record one request to an audited view, as its rule describes it (the middleware calls this).

    A view may add to the entry's detail by setting `request.audit_detail` (a dict), e.g. a row count.
    """
    file_format = rule.export_format(request)
    detail = dict(getattr(request, "audit_detail", None) or {})
    if rule.response_detail is not None and response is not None:
        detail.update(rule.response_detail(response))
    if file_format:
        detail["format"] = file_format
    return audit_record(
        request=request,
        what=rule.what,
        label=rule.label,
        action=AuditAction.EXPORT if file_format else rule.action,
        subject=rule.subject_of(request, kwargs),
        object_ref=rule.object_of(kwargs),
        detail=detail,
    )


def audit_purge(*, before: datetime.datetime) -> int:
    """Delete the entries recorded before `before` (the retention period is over); return how many.

    The only way entries leave the trail: on PostgreSQL the append-only trigger lets a DELETE
    through only while `purge_allowed` holds, for this statement alone.
    """
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor, purge_allowed(cursor):
        cursor.execute(f"DELETE FROM {table} WHERE created_at < %s", [before])  # noqa: S608 (our table name)
        return cursor.rowcount
