"""'Impor sekarang': the file a successful dry run checked, imported for real without a new upload."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from ..models import AppraisalImport
from .imports import appraisal_import_create


def appraisal_import_from_dry_run(*, dry_run: AppraisalImport, user) -> AppraisalImport:
    """ "Impor sekarang": import for real the file a successful dry run checked, without uploading it
    again (a copy, so each job keeps its own file and retention). Refuses anything but a finished,
    successful dry run whose file is still kept."""
    if not dry_run.dry_run or dry_run.status != AppraisalImport.Status.DONE or not dry_run.file:
        raise ValidationError(
            _("Hanya uji coba yang berhasil dan berkasnya masih tersimpan yang dapat diimpor langsung."),
            code="not_a_successful_dry_run",
        )
    with dry_run.file.open("rb") as stored:
        copy = ContentFile(stored.read(), name=dry_run.original_name)
    return appraisal_import_create(file=copy, user=user, dry_run=False, estimated_rows=dry_run.total_rows)
