"""Thin Celery tasks of the appraisal_link app: they take ids and call a service."""

from celery import shared_task


@shared_task
def appraisal_import_task(import_id: int) -> str:
    """Import the uploaded file of an AppraisalImport job; returns the job's final status."""
    from .services.imports import appraisal_import_run

    return appraisal_import_run(import_id=import_id).status
