"""Reads of appraisal import jobs, for the admin pages (each a single query)."""

from django.db.models import QuerySet

from ..models import AppraisalImport


def import_jobs_recent(*, limit: int = 10) -> QuerySet[AppraisalImport]:
    """The latest jobs, without their error lists (which can be large)."""
    return AppraisalImport.objects.select_related("created_by").defer("errors").order_by("-created_at")[:limit]


def import_job_get(*, pk: int, with_errors: bool = True) -> AppraisalImport | None:
    """One job with the user who uploaded it; `with_errors=False` leaves its error list in the database."""
    jobs = AppraisalImport.objects.select_related("created_by")
    if not with_errors:
        jobs = jobs.defer("errors")
    return jobs.filter(pk=pk).first()
