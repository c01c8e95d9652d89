"""What the appraisal_link services tell people when something happens to them.

Called by the services inside their own transaction, at the moment of the event: training assigned,
an appraisal imported or changed, an HR import job finished. Each notification has a key that names
the event, so that calling a service again (or a retried job) tells no one twice.

The texts are stored as sources (portal.stored_text), shown in each reader's language; the words
kept beside them are in the portal's language (Indonesian), whatever language the person who
triggered the event uses.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from portal import stored_text
from portal.notifications.models import Kind
from portal.notifications.services import Draft, notify_many, notify_same
from portal.notifications.texts import page_path

from ..importing.plan import in_batches
from ..models import Appraisal, AppraisalImport, Assignment


# --- training assigned ------------------------------------------------------------------------------
def assignment_created_draft(*, assignment: Assignment, user_id: int, course_title: str, course_url: str) -> Draft:
    """The notification of one new assignment: the course, why, and by when (in the active language)."""
    reason = getattr(assignment, "reason_source", None) or assignment.reason.rstrip(".")
    return Draft(
        user_id=user_id,
        kind=Kind.ASSIGNMENT_CREATED,
        key=f"assignment:{assignment.pk}",
        title=stored_text.source(gettext_noop("Pelatihan ditugaskan: %(course)s"), course=course_title),
        body=stored_text.source(
            gettext_noop("Alasan: %(reason)s. Selesaikan paling lambat %(due)s."),
            reason=reason,
            due=stored_text.date(assignment.due_date),
        ),
        url=course_url,
    )


def assignment_cancelled_notify(*, assignment: Assignment) -> bool:
    """Tell the employee (if they have an account) that HR withdrew an assignment: it is no longer
    required, and what they learnt so far is kept. Once per assignment."""
    user_id = assignment.employee.user_id
    if user_id is None:
        return False
    course = assignment.course
    draft = Draft(
        user_id=user_id,
        kind=Kind.ASSIGNMENT_CANCELLED,
        key=f"assignment:{assignment.pk}:cancelled",
        title=stored_text.source(gettext_noop("Penugasan dibatalkan: %(course)s"), course=course.title),
        body=stored_text.source(
            gettext_noop(
                "BKPSDM membatalkan penugasan ini; kursusnya tidak lagi wajib dan tidak ada pengingat lagi. "
                "Kemajuan belajar Anda tetap tersimpan."
            )
        ),
        url=page_path(course),
    )
    return bool(notify_many(drafts=[draft]))


def assignments_created_notify(*, assignments: Iterable[Assignment]) -> int:
    """Tell each employee (who has an account) about their new assignments; returns how many were told.

    One call for a whole bulk assignment: the accounts are read in one query (per batch of ids on
    SQLite) and the notifications written with `notify_many`, so assigning a unit of thousands stays quick.
    """
    assignments = list(assignments)
    if not assignments:
        return 0
    users = {}
    for batch in in_batches([a.pk for a in assignments], "bigint"):
        users.update(
            Assignment.objects.filter(pk__in=batch, employee__user__isnull=False).values_list("pk", "employee__user_id")
        )
    courses = {}
    drafts = []
    with translation.override(settings.LANGUAGE_CODE):
        for assignment in assignments:
            user_id = users.get(assignment.pk)
            if user_id is None:
                continue
            if assignment.course_id not in courses:
                course = assignment.course
                courses[assignment.course_id] = (course.title, page_path(course))
            title, url = courses[assignment.course_id]
            drafts.append(
                assignment_created_draft(assignment=assignment, user_id=user_id, course_title=title, course_url=url)
            )
    return len(notify_many(drafts=drafts))


# --- appraisals imported ----------------------------------------------------------------------------
def appraisal_updated_texts() -> tuple[dict, dict, str]:
    """Title, body and link of "your appraisal was updated", and nothing more: ratings and predikat
    are personal and an e-mail can be read over a shoulder or forwarded, so the person reads them only
    after logging in. The same for everyone, so an import of 100,000 rows translates them once."""
    title = stored_text.source(gettext_noop("Penilaian Anda telah diperbarui"))
    body = stored_text.source(
        gettext_noop(
            "BKPSDM telah memperbarui data penilaian kinerja (SKP) Anda di Kompeten. "
            "Masuk untuk melihat rinciannya dan pelatihan yang disarankan untuk Anda."
        )
    )
    return title, body, reverse("my_competency")


def appraisals_updated_notify(*, appraisal_ids: list[int], stamp: datetime.datetime) -> int:
    """Tell the employees (with an account) whose appraisals an import created or changed; returns
    how many were told.

    `stamp` is the moment of the import's write: it is part of the key
    (`appraisal:<id>:<stamp>`), so a later import that changes the appraisal again tells its owner
    again, while a retried job (which finds nothing left to change) tells no one. Runs in the
    import's transaction and stays in bulk: the notifications core writes them in one INSERT … SELECT
    per batch of ids (`notify_same` with a queryset; on PostgreSQL one batch); through `notify_many`,
    100,000 of them took 12.6 s and pushed a city-sized first import past its 30 s budget.
    """
    if not appraisal_ids:
        return 0
    token = stamp.strftime("%Y%m%dT%H%M%S%f")
    title, body, url = appraisal_updated_texts()
    key = Concat(Value("appraisal:"), Cast("pk", CharField()), Value(f":{token}"), output_field=CharField())
    told = 0
    for batch in in_batches(list(appraisal_ids), "bigint"):
        recipients = (
            Appraisal.objects.filter(pk__in=batch, employee__user__isnull=False)
            .annotate(notification_key=key)
            .values_list("employee__user_id", "notification_key")
        )
        told += notify_same(kind=Kind.APPRAISAL_UPDATED, recipients=recipients, title=title, body=body, url=url)
    return told


def import_summary_notify(*, job: AppraisalImport, error_count: int) -> bool:
    """Tell the HR user who ran an import job how it ended: rows created, updated, unchanged and
    `error_count` errors, with a link to the job's page. Once per job, however often its task is
    delivered."""
    if job.created_by_id is None:
        return False
    if job.status == AppraisalImport.Status.DONE:
        title = stored_text.source(gettext_noop("Impor penilaian selesai: %(name)s"), name=job.original_name)
    else:
        title = stored_text.source(gettext_noop("Impor penilaian gagal: %(name)s"), name=job.original_name)
    counts = {
        "total": job.total_rows,
        "created": job.created_count,
        "updated": job.updated_count,
        "unchanged": job.unchanged_count,
        "errors": error_count,
    }
    if job.dry_run:
        message = gettext_noop(
            "%(total)s baris: %(created)s baru, %(updated)s diperbarui, %(unchanged)s tidak berubah, "
            "%(errors)s kesalahan. Ini uji coba: tidak ada yang disimpan."
        )
    else:
        message = gettext_noop(
            "%(total)s baris: %(created)s baru, %(updated)s diperbarui, %(unchanged)s tidak berubah, "
            "%(errors)s kesalahan."
        )
    draft = Draft(
        user_id=job.created_by_id,
        kind=Kind.IMPORT_SUMMARY,
        key=f"import:{job.pk}",
        title=title,
        body=stored_text.source(message, **counts),
        url=reverse("appraisal_import_job", args=[job.pk]),
    )
    return bool(notify_many(drafts=[draft]))
