"""URLs of HR's appraisal import and API-token pages, under /admin/penilaian/ (see wagtail_hooks)."""

from django.urls import path

from . import imports, tokens

urlpatterns = [
    path("impor/", imports.import_upload_view, name="appraisal_import"),
    path("impor/<int:pk>/", imports.import_job_view, name="appraisal_import_job"),
    path("impor/<int:pk>/status/", imports.import_job_status_view, name="appraisal_import_status"),
    path("impor/<int:pk>/impor-sekarang/", imports.import_job_run_view, name="appraisal_import_run"),
    path("impor/<int:pk>/kesalahan.csv", imports.import_job_errors_view, name="appraisal_import_errors"),
    path("impor/<int:pk>/berkas/", imports.import_job_file_view, name="appraisal_import_file"),
    path("impor/templat.<str:file_format>", imports.import_template_view, name="appraisal_import_template"),
    path("token-api/", tokens.api_tokens_view, name="appraisal_api_tokens"),
    path("token-api/<int:token_id>/cabut/", tokens.api_token_revoke_view, name="appraisal_api_token_revoke"),
]
