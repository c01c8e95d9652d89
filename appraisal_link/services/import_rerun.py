"""'Impor sekarang': a file already checked, imported for real without a new upload.

From a successful dry run; or from a real import refused only because new NIPs look like registered
employees' (importing.lookalikes), once HR confirms them. Either way HR confirms the flagged NIPs
when the job has any.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from ..importing.lookalikes import LOOKALIKE
from ..importing.validation import ERROR
from ..models import AppraisalImport
from .imports import appraisal_import_create


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
