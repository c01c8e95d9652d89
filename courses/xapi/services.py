"""Recording the statements of learning events and sending them to the LRS."""

import base64
import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from portal.outbox.services import task_enqueue

from . import statements
from .models import Statement

logger = logging.getLogger(__name__)


class LrsUnavailable(Exception):
    """The LRS could not take the statement now (no answer, 429 or 5xx): worth trying again."""


def lrs_configured() -> bool:
    return bool(settings.XAPI_LRS_ENDPOINT)


def statement_record(*, body: dict, event: str, employee_id: int, verb: str, object_name: str) -> Statement | None:
    """Keep the statement of one event and queue its sending, in the caller's transaction; an event
    already recorded is not recorded again. Nothing without an LRS."""
    if not lrs_configured():
        return None
    row, created = Statement.objects.get_or_create(
        event=event,
        defaults={
            "id": body["id"],
            "employee_id": employee_id,
            "verb": verb,
            "object_name": object_name[:255],
            "body": body,
        },
    )
    if created:
        from .tasks import xapi_send_task

        # robust: where tasks run at commit (the zero-set-up run), an LRS that is down never fails the
        # learner's request; the statement waits or fails in the log.
        task_enqueue(xapi_send_task, args=[str(row.pk)], robust=True)
    return row


def _request(row: Statement) -> urllib.request.Request:
    credentials = f"{settings.XAPI_LRS_USERNAME}:{settings.XAPI_LRS_PASSWORD}".encode()
    return urllib.request.Request(  # noqa: S310 (the endpoint is the operator's https or http URL)
        f"{settings.XAPI_LRS_ENDPOINT}/statements?statementId={row.pk}",
        data=json.dumps(row.body).encode(),
        method="PUT",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": statements.VERSION,
            "Authorization": "Basic " + base64.b64encode(credentials).decode(),
        },
    )


def _failed(row: Statement, error: str, *, final: bool) -> None:
    fields = {"last_error": error[:500]}
    if final:
        fields["status"] = Statement.Status.FAILED
    Statement.objects.filter(pk=row.pk).update(**fields)


def statement_send(*, statement_id: str) -> str:
    """PUT one statement to the LRS. Returns what became of it ("sent", "skipped", "failed"); raises
    LrsUnavailable when the LRS should be tried again later."""
    row = Statement.objects.filter(pk=statement_id).first()
    if row is None or row.status == Statement.Status.SENT or not lrs_configured():
        return "skipped"
    Statement.objects.filter(pk=row.pk).update(attempts=F("attempts") + 1)
    try:
        with urllib.request.urlopen(_request(row), timeout=settings.XAPI_TIMEOUT_SECONDS) as response:  # noqa: S310
            status, detail = response.status, ""
    except urllib.error.HTTPError as error:
        status, detail = error.code, error.read(300).decode("utf-8", "replace")
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        _failed(row, f"LRS tidak dapat dihubungi: {error}", final=False)
        raise LrsUnavailable(str(error)) from error
    if status in (200, 204):
        Statement.objects.filter(pk=row.pk).update(status=Statement.Status.SENT, sent_at=timezone.now(), last_error="")
        return "sent"
    message = f"LRS menjawab {status}: {detail}".strip()
    if status == 429 or status >= 500:
        _failed(row, message, final=False)
        raise LrsUnavailable(message)
    # 400 (a statement it refuses), 401/403 (credentials), 409 (another statement with this id): trying
    # the same again would not help; HR sees it in the log and can send it again once it is fixed.
    logger.warning("xAPI statement %s refused: %s", row.pk, message)
    _failed(row, message, final=True)
    return "failed"


def statement_give_up(*, statement_id: str, error: str) -> None:
    """Every retry spent: the statement stays in the log as failed."""
    row = Statement.objects.filter(pk=statement_id).exclude(status=Statement.Status.SENT).first()
    if row is not None:
        _failed(row, error, final=True)


def statements_resend(*, statement_ids: list[str]) -> int:
    """Queue the failed statements again (after HR fixed the LRS's credentials, say); returns how many."""
    from .tasks import xapi_send_task

    rows = list(Statement.objects.filter(pk__in=statement_ids, status=Statement.Status.FAILED))
    Statement.objects.filter(pk__in=[r.pk for r in rows]).update(status=Statement.Status.WAITING)
    for row in rows:
        task_enqueue(xapi_send_task, args=[str(row.pk)], robust=True)
    return len(rows)
