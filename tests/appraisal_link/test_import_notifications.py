"""An import tells the employees whose appraisal changed (revealing no rating), and HR how its job ended."""

import io
import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from appraisal_link.models import Appraisal, AppraisalImport
from appraisal_link.services.import_jobs import appraisal_import_run
from appraisal_link.services.imports import appraisals_import_file, appraisals_import_records
from portal.notifications.models import Kind, Notification

from ..factories import UserFactory
from .conftest import csv_bytes, new_nip, record

pytestmark = pytest.mark.django_db

# Every word that would give a rating away: the predikat, the ratings, the BerAKHLAK values rated.
RATING_WORDS = [
    "Sangat Baik",
    "Baik",
    "Butuh Perbaikan",
    "Kurang",
    "Sangat Kurang",
    "ekspektasi",
    "Di bawah ekspektasi",
    "Di atas ekspektasi",
    "Sesuai ekspektasi",
    "predikat",
    "Adaptif",
    "Kolaboratif",
    "Akuntabel",
]


def reveals_a_rating(text: str) -> list[str]:
    return [word for word in RATING_WORDS if re.search(rf"\b{re.escape(word)}\b", text, flags=re.IGNORECASE)]


@pytest.fixture
def appraised(registered):
    """The employee of nip(1), with an account."""
    registered.user = UserFactory(first_name="Siti Aminah")
    registered.save(update_fields=["user"])
    return registered


def import_file(rows, *, name="penilaian.csv", **kwargs):
    return appraisals_import_file(file=io.BytesIO(csv_bytes(rows, delimiter=";")), name=name, **kwargs)


def test_an_imported_appraisal_tells_its_owner_without_revealing_the_rating(
    appraised, django_capture_on_commit_callbacks
):
    weak = record(predikat="Butuh Perbaikan", hasil_kerja="Di bawah ekspektasi", adaptif="Di bawah ekspektasi")
    with django_capture_on_commit_callbacks(execute=True):
        assert import_file([weak]).ok
    appraisal = Appraisal.objects.get()
    [notification] = Notification.objects.filter(user=appraised.user)
    assert notification.kind == Kind.APPRAISAL_UPDATED
    assert notification.key.startswith(f"appraisal:{appraisal.pk}:")
    assert notification.title == "Penilaian Anda telah diperbarui"
    assert notification.url == "/kompetensi-saya/"
    assert reveals_a_rating(notification.title + " " + notification.body) == []
    [message] = mail.outbox
    assert message.to == [appraised.user.email]
    html = message.alternatives[0][0]
    assert "Penilaian Anda telah diperbarui" in message.subject
    assert reveals_a_rating(message.subject) == []
    # The footer names the kind of notification ("Penilaian diperbarui"), never a rating.
    assert reveals_a_rating(message.body) == [] and reveals_a_rating(html) == []


def test_the_same_file_again_tells_no_one_and_a_correction_tells_again(appraised):
    import_file([record()])
    assert import_file([record()]).unchanged == 1
    assert Notification.objects.count() == 1
    corrected = import_file([record(hasil_kerja="Di atas ekspektasi")], name="koreksi.csv")
    assert corrected.updated == 1
    keys = list(Notification.objects.filter(kind=Kind.APPRAISAL_UPDATED).values_list("key", flat=True))
    assert len(keys) == 2 and len(set(keys)) == 2


def test_the_api_tells_the_owner_too_and_a_dry_run_tells_no_one(appraised):
    assert appraisals_import_records(records=[record()], dry_run=True).ok
    assert not Notification.objects.exists()
    assert appraisals_import_records(records=[record()]).ok
    assert Notification.objects.filter(user=appraised.user, kind=Kind.APPRAISAL_UPDATED).count() == 1


def test_employees_without_an_account_are_imported_without_a_notification(registered, unit, jabatan):
    result = import_file([record(), record(nip=new_nip(2), nama="Budi Santoso")])
    assert result.ok and result.created == 2
    assert not Notification.objects.exists()


def test_hr_is_told_how_the_job_ended_once(appraised, hr, media_root):
    job = AppraisalImport.objects.create(
        file=ContentFile(csv_bytes([record(), record(periode="I")]), name="a.csv"),
        original_name="penilaian-2025.csv",
        created_by=hr,
    )
    appraisal_import_run(import_id=job.pk)
    appraisal_import_run(import_id=job.pk)  # delivered twice
    [summary] = Notification.objects.filter(user=hr)
    assert summary.kind == Kind.IMPORT_SUMMARY
    assert summary.key == f"import:{job.pk}"
    assert summary.title == "Impor penilaian selesai: penilaian-2025.csv"
    assert summary.body == "2 baris: 2 baru, 0 diperbarui, 0 tidak berubah, 0 kesalahan."
    assert summary.url == f"/admin/penilaian/impor/{job.pk}/"
    assert Notification.objects.filter(user=appraised.user, kind=Kind.APPRAISAL_UPDATED).count() == 2


def test_a_failed_job_tells_hr_its_errors(appraised, hr, media_root):
    bad = [record(), record(nip="12345", periode="I"), record(hasil_kerja="luar biasa", periode="II")]
    job = AppraisalImport.objects.create(
        file=ContentFile(csv_bytes(bad), name="a.csv"), original_name="salah.csv", created_by=hr
    )
    assert appraisal_import_run(import_id=job.pk).status == AppraisalImport.Status.FAILED
    [summary] = Notification.objects.filter(user=hr)
    assert summary.title == "Impor penilaian gagal: salah.csv"
    assert summary.body.endswith("2 kesalahan.")
    assert not Notification.objects.filter(kind=Kind.APPRAISAL_UPDATED).exists()
