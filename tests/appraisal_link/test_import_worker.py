"""An uploaded file is imported by the real Celery worker after commit (CI: Redis + PostgreSQL)."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from appraisal_link.models import Appraisal, AppraisalImport
from appraisal_link.services.import_jobs import appraisal_import_create

from ..factories import EmployeeFactory
from .conftest import new_nip, nip, record, xlsx_bytes


def wait_for(job: AppraisalImport, timeout: float = 60) -> AppraisalImport:
    deadline = time.monotonic() + timeout
    while True:
        job.refresh_from_db()
        if job.status in (AppraisalImport.Status.DONE, AppraisalImport.Status.FAILED):
            return job
        assert time.monotonic() < deadline, f"the worker left the job {job.status} after {timeout} s"
        time.sleep(0.2)


@pytest.mark.worker
def test_an_upload_is_imported_by_the_worker(media_root, celery_worker_process, unit, jabatan, hr):
    people = [EmployeeFactory(nip=nip(n), unit=unit, position=jabatan) for n in range(1, 41)]
    rows = [record(nip=p.nip, nama=p.name, periode=period) for p in people for period in ("I", "II")]
    rows.append(record(nip=new_nip(50), nama="Pegawai Baru", unit_kerja=unit.code, jabatan=jabatan.name))
    job = appraisal_import_create(file=SimpleUploadedFile("penilaian.xlsx", xlsx_bytes(rows)), user=hr)
    # Nothing ran in this process: the task went to the broker once the transaction committed.
    job = wait_for(job)
    assert job.status == AppraisalImport.Status.DONE, job.errors
    assert (job.total_rows, job.processed_rows, job.created_count) == (81, 81, 81)
    assert Appraisal.objects.count() == 81
    assert Appraisal.objects.filter(employee__nip=new_nip(50)).exists()

    again = wait_for(appraisal_import_create(file=SimpleUploadedFile("lagi.xlsx", xlsx_bytes(rows)), user=hr))
    assert (again.status, again.created_count, again.unchanged_count) == (AppraisalImport.Status.DONE, 0, 81)


@pytest.mark.worker
def test_a_bad_file_fails_in_the_worker_and_saves_nothing(media_root, celery_worker_process, registered, hr):
    rows = [record(), record(periode="I", predikat="Istimewa")]
    job = wait_for(appraisal_import_create(file=SimpleUploadedFile("salah.xlsx", xlsx_bytes(rows)), user=hr))
    assert job.status == AppraisalImport.Status.FAILED
    assert [(e["row"], e["column"]) for e in job.errors] == [(3, "predikat")]
    assert not Appraisal.objects.exists()
