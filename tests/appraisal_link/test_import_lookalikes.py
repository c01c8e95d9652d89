"""A new NIP that looks like a registered employee's is HR's call: a dry run lists it, a real import
refuses the file until HR confirms the flagged NIPs (upload form, "Impor sekarang", API, command), and
each problem is shown in the reader's language."""

import datetime
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from appraisal_link.api.services import api_client_create
from appraisal_link.importing.validation import problem_message
from appraisal_link.models import Appraisal, AppraisalImport
from appraisal_link.services.import_jobs import appraisal_import_create, appraisal_import_run
from appraisal_link.services.imports import appraisals_import_file
from portal.people.models import Employee

from .conftest import csv_bytes, nip, record

pytestmark = pytest.mark.django_db

MISTYPED = nip(2)  # one digit off the registered nip(1)


def rows():
    return [record(), record(nip=MISTYPED, nama="Siti Aminah", periode="I")]


def run(**kwargs):
    return appraisals_import_file(file=io.BytesIO(csv_bytes(rows())), name="penilaian.csv", **kwargs)


def test_a_real_import_with_a_lookalike_is_refused_until_confirmed(registered):
    refused = run()
    [error] = [p for p in refused.problems.as_list() if p["level"] == "error"]
    assert (error["row"], error["value"], error["code"]) == (3, MISTYPED, "lookalike")
    assert not Appraisal.objects.exists() and not Employee.objects.filter(nip=MISTYPED).exists()

    confirmed = run(new_nips_confirmed=True)
    assert confirmed.ok and confirmed.employees_created == 1
    assert any("atas konfirmasi pengimpor" in p["message"] for p in confirmed.problems.as_list())
    assert Employee.objects.filter(nip=MISTYPED).exists() and Appraisal.objects.count() == 2


def test_a_dry_run_lists_the_lookalike_as_a_warning(registered):
    result = run(dry_run=True)
    assert result.ok
    [flagged] = [p for p in result.problems.as_list() if p.get("code") == "lookalike"]
    assert flagged["level"] == "warning" and "konfirmasi saat mengimpor" in flagged["message"]


def test_stored_problems_are_shown_in_the_readers_language(registered):
    problems = run().problems.as_list()
    [error] = [p for p in problems if p["level"] == "error"]
    assert error["message_source"]["params"] == {"name": "Siti Aminah", "nip": nip(1)}
    with translation.override("en"):
        assert problem_message(error).startswith("This new NIP looks like that of registered employee Siti Aminah")
        assert problem_message({"message": "teks lama tanpa sumber"}) == "teks lama tanpa sumber"
    bad = appraisals_import_file(
        file=io.BytesIO(csv_bytes([record(predikat="Istimewa", tahun=1999)])), name="penilaian.csv"
    ).problems.as_list()
    with translation.override("en"):
        english = {p["column"]: problem_message(p) for p in bad}
    assert english["tahun"] == f"The year must be between 2000 and {datetime.date.today().year + 1}."
    assert english["predikat"].startswith("Unknown rating (predikat).")


@pytest.fixture
def hr_client(client, hr_with_mfa, media_root):
    client.force_login(hr_with_mfa)
    return client


def upload(client, **data):
    file = ContentFile(csv_bytes(rows()), name="penilaian.csv")
    response = client.post(reverse("appraisal_import"), {"berkas": file, **data})
    assert response.status_code == 302, response.content.decode()[:2000]
    job = AppraisalImport.objects.order_by("-pk").first()
    appraisal_import_run(import_id=job.pk)
    job.refresh_from_db()
    return job


def test_hr_confirms_the_flagged_nips_on_the_refused_jobs_page(hr_client, registered):
    job = upload(hr_client)
    assert job.status == AppraisalImport.Status.FAILED and not job.new_nips_confirmed
    page = hr_client.get(reverse("appraisal_import_job", args=[job.pk])).content.decode()
    assert 'data-testid="lookalike-note"' in page and 'data-testid="confirm-new-nips"' in page

    # Without the tick: a message, and no new job.
    response = hr_client.post(reverse("appraisal_import_run", args=[job.pk]), follow=True)
    assert "Centang konfirmasi" in response.content.decode()
    assert AppraisalImport.objects.count() == 1

    hr_client.post(reverse("appraisal_import_run", args=[job.pk]), {"nip_baru_diperiksa": "on"})
    again = AppraisalImport.objects.exclude(pk=job.pk).get()
    assert again.new_nips_confirmed and not again.dry_run
    appraisal_import_run(import_id=again.pk)
    again.refresh_from_db()
    assert again.status == AppraisalImport.Status.DONE and Employee.objects.filter(nip=MISTYPED).exists()


def test_the_upload_form_can_confirm_up_front_and_a_dry_run_asks_before_importing(hr_client, registered):
    dry = upload(hr_client, uji_coba="on")
    assert dry.status == AppraisalImport.Status.DONE
    page = hr_client.get(reverse("appraisal_import_job", args=[dry.pk])).content.decode()
    assert 'data-testid="import-now"' in page and 'data-testid="confirm-new-nips"' in page
    hr_client.post(reverse("appraisal_import_run", args=[dry.pk]))
    assert AppraisalImport.objects.count() == 1

    confirmed = upload(hr_client, nip_baru_diperiksa="on")
    assert confirmed.new_nips_confirmed and confirmed.status == AppraisalImport.Status.DONE
    assert Employee.objects.filter(nip=MISTYPED).exists()


def test_a_job_failing_for_other_errors_offers_no_import_again(hr_client, registered, hr_with_mfa):
    content = csv_bytes([record(predikat="Istimewa"), record(nip=MISTYPED, periode="I")])
    job = appraisal_import_create(file=ContentFile(content, name="salah.csv"), user=hr_with_mfa)
    appraisal_import_run(import_id=job.pk)
    page = hr_client.get(reverse("appraisal_import_job", args=[job.pk])).content.decode()
    assert 'data-testid="import-now"' not in page
    hr_client.post(reverse("appraisal_import_run", args=[job.pk]), {"nip_baru_diperiksa": "on"})
    assert AppraisalImport.objects.count() == 1


def test_the_api_and_the_command_need_the_confirmation_too(registered, tmp_path):
    key = api_client_create(name="SIMPEG").key

    def push(query=""):
        return Client().post(
            "/api/penilaian/" + query,
            data=json.dumps(rows()),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {key}",
        )

    refused = push()
    assert refused.status_code == 400 and "belum dikonfirmasi" in refused.json()["kesalahan"][0]["pesan"]
    assert not Employee.objects.filter(nip=MISTYPED).exists()

    path = tmp_path / "penilaian.csv"
    path.write_bytes(csv_bytes(rows()))
    with pytest.raises(CommandError):
        call_command("import_appraisals", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Employee.objects.filter(nip=MISTYPED).exists()
    call_command("import_appraisals", str(path), "--new-nips-checked", stdout=io.StringIO(), stderr=io.StringIO())
    assert Employee.objects.filter(nip=MISTYPED).exists()

    assert push("?nip_baru_diperiksa=1").status_code == 200


def test_an_hr_officer_reading_in_english_sees_the_jobs_problems_in_english(hr_client, hr_with_mfa, registered):
    from wagtail.users.models import UserProfile

    job = upload(hr_client)
    UserProfile.get_for_user(hr_with_mfa)
    UserProfile.objects.filter(user=hr_with_mfa).update(preferred_language="en")
    page = hr_client.get(reverse("appraisal_import_job", args=[job.pk])).content.decode()
    assert "This new NIP looks like that of registered employee Siti Aminah" in page
    assert "belum dikonfirmasi" not in page
