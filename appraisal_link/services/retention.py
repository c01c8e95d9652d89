"""Keeping uploaded appraisal files and their error lists only as long as they are needed (UU 27/2022).

An uploaded file holds every employee's ratings, and the error list quotes its cells (names, NIPs,
values). Both serve HR while the import is checked; after the retention period they go. The job row
stays, with its counts and the date the file or list was removed, so the import history still
reads right; the appraisals it wrote are untouched.
"""

import datetime

from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from ..models import AppraisalImport

# A job still waiting for or running in a worker needs its file; only finished ones are purged.
FINISHED = [AppraisalImport.Status.DONE, AppraisalImport.Status.FAILED]


def _old_finished_jobs(before: datetime.datetime):
    return AppraisalImport.objects.filter(status__in=FINISHED, created_at__lt=before)


def import_files_purge(*, before: datetime.datetime, dry_run: bool = False) -> int:
    """Delete the uploaded file of every finished import created before `before`, marking the job
    with the time it was removed. Returns how many files were (or, with `dry_run`, would be)
    removed. Idempotent. Files are deleted through the FileField, whatever storage holds them."""
    jobs = _old_finished_jobs(before).filter(file_removed_at__isnull=True)
    if dry_run:
        return jobs.count()
    count = 0
    for job in jobs.only("pk", "file").iterator(chunk_size=200):
        if job.file:
            # The storage's delete ignores a file that is already gone, so a rerun after a crash is safe.
            job.file.delete(save=False)
        AppraisalImport.objects.filter(pk=job.pk).update(file="", file_removed_at=timezone.now())
        count += 1
    return count


def import_errors_purge(*, before: datetime.datetime) -> int:
    """Empty the error and warning list (and so the downloadable error file) of every finished import
    created before `before`, marking the job with the time it was removed. Returns how many jobs
    changed. Idempotent."""
    jobs = _old_finished_jobs(before).filter(errors_removed_at__isnull=True)
    return jobs.update(errors=[], errors_removed_at=timezone.now())


def import_errors_scrub(*, words: list[str]) -> int:
    """Remove every problem that quotes one of `words` (a person's NIP or name) from the error lists
    still kept, for anonymising a person before the retention period ends. Returns how many jobs
    changed."""
    words = [word for word in words if word]
    if not words:
        return 0
    matches = Q()
    for word in words:
        matches |= Q(errors_text__icontains=word)
    jobs = AppraisalImport.objects.annotate(errors_text=Cast("errors", TextField())).filter(matches)
    changed = 0
    lowered = [word.lower() for word in words]
    for job in jobs.only("pk", "errors"):
        kept = [
            problem
            for problem in job.errors
            if not any(word in str(value).lower() for value in problem.values() for word in lowered)
        ]
        if kept != job.errors:
            AppraisalImport.objects.filter(pk=job.pk).update(errors=kept)
            changed += 1
    return changed
