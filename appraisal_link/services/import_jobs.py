"""The background job of an uploaded appraisal file: kept privately, imported by the worker after
commit with its progress on the job, finished (status, problems) and told to the HR user who started
it; and "Impor sekarang", the same file imported again without a new upload (from a successful dry
run, or from an import refused only because new NIPs look like registered employees', once HR
confirms them)."""

import logging
import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal import stored_text
from portal.outbox.services import task_enqueue

from ..importing.lookalikes import LOOKALIKE
from ..importing.readers import FileRejected
from ..importing.validation import ERROR, Problem
from ..models import AppraisalImport
from .imports import appraisals_import_file
from .notifying import import_summary_notify

logger = logging.getLogger(__name__)

JOB_PROGRESS_EVERY = 2000


@transaction.atomic
def appraisal_import_create(
    *, file, user, dry_run: bool = False, new_nips_confirmed: bool = False, estimated_rows: int = 0
) -> AppraisalImport:
    """Keep an uploaded file and its job, and have the worker import it once this transaction commits.

    The stored file gets a random name: it holds personal data, and its address must not be guessable.
    """
    from ..tasks import appraisal_import_task

    name = PurePath(file.name or "berkas").name[:255]
    job = AppraisalImport(
        original_name=name,
        dry_run=dry_run,
        new_nips_confirmed=new_nips_confirmed,
        created_by=user,
        total_rows=estimated_rows,
    )
    job.file.save(f"{uuid.uuid4().hex}{PurePath(name).suffix.lower()[:6]}", file, save=False)
    job.save()
    task_enqueue(appraisal_import_task, args=[job.pk])
    return job


def appraisal_import_run(*, import_id: int) -> AppraisalImport:
    """Import the file of a job, reporting progress on the job as it goes. A finished job is left as it
    is, so a task delivered twice does no harm (the import itself is idempotent too)."""
    claimed = AppraisalImport.objects.filter(
        pk=import_id, status__in=[AppraisalImport.Status.PENDING, AppraisalImport.Status.RUNNING]
    ).update(status=AppraisalImport.Status.RUNNING, processed_rows=0)
    job = AppraisalImport.objects.get(pk=import_id)
    if not claimed:
        return job

    def progress(processed: int, total: int) -> None:
        AppraisalImport.objects.filter(pk=import_id).update(processed_rows=processed, total_rows=max(total, processed))

    try:
        with job.file.open("rb") as file:
            result = appraisals_import_file(
                file=file,
                name=job.original_name,
                dry_run=job.dry_run,
                new_nips_confirmed=job.new_nips_confirmed,
                progress=progress,
                progress_every=JOB_PROGRESS_EVERY,
            )
    except FileRejected as rejected:
        job.refresh_from_db(fields=["total_rows", "processed_rows"])
        _finish(
            job,
            status=AppraisalImport.Status.FAILED,
            errors=[Problem(rejected.row, "", "", rejected.source, code=rejected.code).as_dict()],
            error_count=1,
        )
    except Exception:
        logger.exception("appraisal import %s failed", import_id)
        job.refresh_from_db(fields=["total_rows", "processed_rows"])
        message = stored_text.source(
            gettext_noop("Terjadi kesalahan tak terduga saat mengimpor; tidak ada yang disimpan. Hubungi admin sistem.")
        )
        _finish(
            job, status=AppraisalImport.Status.FAILED, errors=[Problem(None, "", "", message).as_dict()], error_count=1
        )
    else:
        job.total_rows = job.processed_rows = result.total
        job.created_count, job.updated_count = result.created, result.updated
        job.unchanged_count = result.unchanged
        status = AppraisalImport.Status.DONE if result.ok else AppraisalImport.Status.FAILED
        _finish(job, status=status, errors=result.problems.as_list(), error_count=result.problems.error_count)
    return job


@transaction.atomic
def _finish(job: AppraisalImport, *, status: str, errors: list[dict], error_count: int) -> None:
    """Record how the job ended and tell the HR user who started it, together."""
    job.status, job.errors, job.finished_at = status, errors, timezone.now()
    if status == AppraisalImport.Status.FAILED:
        job.created_count = job.updated_count = job.unchanged_count = 0
    job.save(
        update_fields=[
            "status",
            "errors",
            "finished_at",
            "total_rows",
            "processed_rows",
            "created_count",
            "updated_count",
            "unchanged_count",
        ]
    )
    import_summary_notify(job=job, error_count=error_count)


def flagged_lookalikes(job: AppraisalImport) -> list[dict]:
    """The job's problems that are new NIPs looking like registered employees'."""
    return [problem for problem in job.errors if problem.get("code") == LOOKALIKE]


def import_again_possible(job: AppraisalImport) -> bool:
    """A finished, successful dry run, or a real import whose only errors are look-alike NIPs; and its
    file still kept (the retention purge removes it)."""
    if not job.file or job.errors_removed_at:
        return False
    if job.dry_run:
        return job.status == AppraisalImport.Status.DONE
    errors = [problem for problem in job.errors if problem.get("level", ERROR) == ERROR]
    return (
        job.status == AppraisalImport.Status.FAILED
        and bool(errors)
        and all(problem.get("code") == LOOKALIKE for problem in errors)
    )


def appraisal_import_again(*, job: AppraisalImport, user, new_nips_confirmed: bool) -> AppraisalImport:
    """ "Impor sekarang": import for real the file of `job` (see `import_again_possible`), a copy, so
    each job keeps its own file and retention. When the job flagged look-alike NIPs, HR must confirm
    them (`new_nips_confirmed`)."""
    if not import_again_possible(job):
        raise ValidationError(
            _("Hanya uji coba yang berhasil dan berkasnya masih tersimpan yang dapat diimpor langsung."),
            code="not_a_successful_dry_run",
        )
    if flagged_lookalikes(job) and not new_nips_confirmed:
        raise ValidationError(
            _("Centang konfirmasi bahwa NIP baru yang ditandai sudah Anda periksa, atau perbaiki berkasnya."),
            code="lookalikes_not_confirmed",
        )
    with job.file.open("rb") as stored:
        copy = ContentFile(stored.read(), name=job.original_name)
    return appraisal_import_create(
        file=copy,
        user=user,
        dry_run=False,
        new_nips_confirmed=bool(flagged_lookalikes(job)),
        estimated_rows=job.total_rows,
    )
