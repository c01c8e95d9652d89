"""HR's appraisal import in the Wagtail admin: upload, job page with progress, error file, templates.

The upload view only checks the file and queues the job (services.import_jobs.appraisal_import_create); the
worker imports it. The job page polls a small JSON status endpoint (a few lines of vanilla JS, with a
<noscript> refresh) until the job is finished, then shows the counts and every problem, paginated.
"""

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from portal.people.admin_access import hr_required
from portal.private_files import private_file_response
from portal.spreadsheets import table_response

from ..importing.readers import MAX_UPLOAD_BYTES
from ..importing.report import problem_header, problem_rows
from ..importing.selectors import import_job_get, import_jobs_recent
from ..importing.template import template_csv_response, template_xlsx_response
from ..importing.validation import ERROR, problem_message
from ..models import AppraisalImport
from ..services.import_jobs import (
    appraisal_import_again,
    appraisal_import_create,
    flagged_lookalikes,
    import_again_possible,
)
from .forms import ImportAgainForm, UploadForm, too_large_message

PROBLEMS_PER_PAGE = 200
# Multipart framing and the other fields around the file; a body larger than the limit plus this is
# refused before Django reads it.
MULTIPART_SLACK = 64 * 1024
FINISHED = {AppraisalImport.Status.DONE, AppraisalImport.Status.FAILED}


def _upload_page(request, form, *, status=200, refusal: str = ""):
    return TemplateResponse(
        request,
        "appraisal_link/import_upload.html",
        {"form": form, "jobs": import_jobs_recent(), "refusal": refusal},
        status=status,
    )


@csrf_exempt  # only so that the size is checked before the CSRF check reads the body; see _upload_view
@hr_required
def import_upload_view(request):
    """Refuse an oversized upload from its Content-Length, before Django reads (and spools) the body."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if request.method == "POST" and length > MAX_UPLOAD_BYTES + MULTIPART_SLACK:
        return _upload_page(request, UploadForm(), status=400, refusal=too_large_message())
    return _upload_view(request)


@csrf_protect
def _upload_view(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            job = appraisal_import_create(
                file=form.cleaned_data["berkas"],
                user=request.user,
                dry_run=form.cleaned_data["uji_coba"],
                new_nips_confirmed=form.cleaned_data["nip_baru_diperiksa"],
                estimated_rows=form.estimated_rows,
            )
            return redirect(reverse("appraisal_import_job", args=[job.pk]))
        return _upload_page(request, form, status=400)
    return _upload_page(request, form)


def _job_or_404(pk: int, *, with_errors: bool = True) -> AppraisalImport:
    job = import_job_get(pk=pk, with_errors=with_errors)
    if job is None:
        raise Http404
    return job


@require_POST
@hr_required
def import_job_run_view(request, pk: int):
    """ "Impor sekarang" from a successful dry run (or an import refused only for look-alike NIPs): the
    same file, imported for real, without a new upload."""
    job = _job_or_404(pk)
    form = ImportAgainForm(request.POST)
    form.is_valid()
    try:
        real = appraisal_import_again(
            job=job, user=request.user, new_nips_confirmed=form.cleaned_data.get("nip_baru_diperiksa", False)
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(reverse("appraisal_import_job", args=[job.pk]))
    return redirect(reverse("appraisal_import_job", args=[real.pk]))


def _percent(job: AppraisalImport) -> int:
    if job.status in FINISHED:
        return 100
    return min(100, round(100 * job.processed_rows / job.total_rows)) if job.total_rows else 0


def _problem_page(problems: list[dict], number):
    """One page of problems, each message in the reader's language."""
    page = Paginator(problems, PROBLEMS_PER_PAGE).get_page(number)
    page.object_list = [{**problem, "message": problem_message(problem)} for problem in page.object_list]
    return page


@hr_required
def import_job_view(request, pk: int):
    """The job: status and progress until it is finished; then counts, errors and warnings, and
    "Impor sekarang" where the same file can be imported for real."""
    job = _job_or_404(pk)
    errors = [p for p in job.errors if p.get("level", ERROR) == ERROR]
    warnings = [p for p in job.errors if p.get("level", ERROR) != ERROR]
    lookalikes = flagged_lookalikes(job)
    return TemplateResponse(
        request,
        "appraisal_link/import_job.html",
        {
            "job": job,
            "finished": job.status in FINISHED,
            "failed": job.status == AppraisalImport.Status.FAILED,
            "percent": _percent(job),
            "errors": _problem_page(errors, request.GET.get("halaman")),
            "warnings": _problem_page(warnings, request.GET.get("halaman_peringatan")),
            "error_total": len(errors),
            "warning_total": len(warnings),
            "lookalike_total": len(lookalikes),
            "import_again": import_again_possible(job),
            "again_form": ImportAgainForm(),
        },
    )


@require_GET
@hr_required
def import_job_status_view(request, pk: int):
    """The job's progress as JSON, polled by the job page."""
    job = _job_or_404(pk, with_errors=False)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": str(job.get_status_display()),
            "processed": job.processed_rows,
            "total": job.total_rows,
            "percent": _percent(job),
            "finished": job.status in FINISHED,
        }
    )


@require_GET
@hr_required
def import_job_errors_view(request, pk: int):
    """Every error and warning of the job as a CSV file (row, column, value, reason, kind)."""
    job = _job_or_404(pk)
    return table_response(
        filename=f"kesalahan-impor-penilaian-{job.pk}",
        header=problem_header(),
        rows=problem_rows(job.errors),
        file_format="csv",
    )


@require_GET
@hr_required
def import_job_file_view(request, pk: int):
    """The uploaded file itself, from private storage, for HR only (there is no public URL to it);
    a 404 once the retention purge has removed it."""
    job = _job_or_404(pk, with_errors=False)
    suffix = PurePath(job.file.name).suffix.lower() if job.file else ""
    name = PurePath(job.original_name).stem[:100] or f"impor-{job.pk}"
    return private_file_response(job.file, filename=f"{name}{suffix}")


@require_GET
@hr_required
def import_template_view(request, file_format: str):
    """The template to fill in, as CSV or XLSX."""
    if file_format == "xlsx":
        return template_xlsx_response()
    if file_format == "csv":
        return template_csv_response()
    raise Http404
