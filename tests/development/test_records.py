"""An employee records learning outside the portal with its proof; their supervisor (or HR) verifies
or rejects it with a reason; only what is verified counts, and a second record of the same activity
is caught."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from competency.models import Assessment, Competency, Gap
from courses.development.models import ExternalActivity
from courses.development.services import activity_reject, activity_verify
from courses.ledger import jp_of
from portal.notifications.models import Kind, Notification

from .conftest import PDF, pdf, png

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def private_files(settings) -> list:
    from pathlib import Path

    return [p for p in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if p.is_file()]


def test_the_employee_records_an_activity_and_the_supervisor_is_told_once(client, pegawai, atasan, form_data):
    client.force_login(pegawai)
    assert "Catat bimtek" in client.get(reverse("dashboard")).content.decode()
    response = client.post(reverse("external_new"), form_data)
    assert response.status_code == 302 and response["Location"] == reverse("external_list")
    activity = ExternalActivity.objects.get()
    assert activity.status == ExternalActivity.Status.PENDING and activity.jp == 16
    assert activity.proof.name.startswith("pengembangan/") and "sertifikat" not in activity.proof.name
    told = Notification.objects.get(kind=Kind.EXTERNAL_PENDING)
    assert told.user == atasan and told.url == reverse("external_verify_list")
    assert jp_of(employee=pegawai.employee, year=TODAY.year).total == 0  # not verified yet
    page = client.get(reverse("external_list")).content.decode()
    assert "Bimtek Keamanan Siber" in page and "Menunggu verifikasi" in page


def test_the_certificate_number_and_date_are_kept_for_siasn(client, pegawai, atasan_with_mfa, form_data):
    client.force_login(pegawai)
    number, issued = "  800/123/BSSN/2026 ", TODAY.isoformat()
    client.post(reverse("external_new"), form_data | {"certificate_number": number, "certificate_date": issued})
    activity = ExternalActivity.objects.get()
    assert (activity.certificate_number, activity.certificate_date) == ("800/123/BSSN/2026", TODAY)
    assert "sertifikat 800/123/BSSN/2026" in client.get(reverse("external_list")).content.decode()
    client.force_login(atasan_with_mfa)
    assert "800/123/BSSN/2026" in client.get(reverse("external_verify_list")).content.decode()


def test_a_certificate_dated_before_the_activity_is_refused(client, pegawai, form_data, settings):
    client.force_login(pegawai)
    before = (TODAY - datetime.timedelta(days=3)).isoformat()
    response = client.post(
        reverse("external_new"), form_data | {"certificate_number": "1/2026", "certificate_date": before}
    )
    assert response.status_code == 400
    assert "Tanggal sertifikat harus di antara tanggal mulai kegiatan dan hari ini." in response.content.decode()
    assert not ExternalActivity.objects.exists() and not private_files(settings)


def test_hours_become_jp_at_45_minutes_each(client, pegawai, form_data):
    client.force_login(pegawai)
    client.post(reverse("external_new"), form_data | {"jp": "", "hours": "8"})
    activity = ExternalActivity.objects.get()
    assert (activity.jp, activity.minutes) == (10, 480)  # 480 / 45 = 10⅔: a part of a JP does not count


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"jp": "", "hours": ""}, "jp", "jp_missing"),
        ({"jp": "0"}, "jp", "min_value"),
        ({"kind": "liburan"}, "kind", "invalid_choice"),
        ({"proof": SimpleUploadedFile("bukti.exe", b"MZ\x90\x00")}, "proof", "proof_type"),
        ({"proof": SimpleUploadedFile("bukti.pdf", b"\x89PNG\r\n\x1a\nnot a pdf")}, "proof", "proof_content"),
        ({"proof": SimpleUploadedFile("bukti.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)}, "proof", "proof_content"),
        ({"proof": pdf(content=PDF + b" " * (5 * 1024 * 1024))}, "proof", "proof_size"),
    ],
    ids=["no-jp", "zero-jp", "forged-kind", "exe", "png-named-pdf", "broken-png", "too-large"],
)
def test_a_bad_record_is_refused_and_nothing_kept(client, pegawai, form_data, settings, changes, field, code):
    client.force_login(pegawai)
    response = client.post(reverse("external_new"), form_data | changes)
    assert response.status_code == 400
    assert response.context["form"].has_error(field, code=code)
    assert not ExternalActivity.objects.exists() and not private_files(settings)


@pytest.mark.parametrize(
    ("starts", "ends", "code"),
    [(TODAY, TODAY - datetime.timedelta(days=1), "dates"), (TODAY, TODAY + datetime.timedelta(days=1), "future")],
)
def test_impossible_dates_are_refused(record, pegawai, starts, ends, code):
    with pytest.raises(ValidationError) as refused:
        record(pegawai.employee, starts_on=starts, ends_on=ends)
    assert refused.value.code == code and not ExternalActivity.objects.exists()


def test_the_same_activity_is_caught_and_may_be_recorded_again_after_rejection(record, pegawai, atasan, settings):
    first = record(pegawai.employee)
    with pytest.raises(ValidationError) as refused:
        record(pegawai.employee, title="  bimtek keamanan   SIBER ", organiser="bssn")
    assert refused.value.code == "duplicate"
    assert len(private_files(settings)) == 1  # the refused copy's proof is not kept
    activity_reject(activity=first, by=atasan, reason="Sertifikat tidak terbaca.")
    again = record(pegawai.employee, proof=png())
    assert again.status == ExternalActivity.Status.PENDING
    rejected = Notification.objects.get(kind=Kind.EXTERNAL_REJECTED)
    assert rejected.user == pegawai and "Sertifikat tidak terbaca." in str(rejected.body)


def test_a_rejection_needs_a_reason_and_a_decision_is_made_once(record, pegawai, atasan):
    activity = record(pegawai.employee)
    with pytest.raises(ValidationError) as refused:
        activity_reject(activity=activity, by=atasan, reason="  ")
    assert refused.value.code == "reason"
    activity_verify(activity=activity, by=atasan)
    with pytest.raises(ValidationError) as twice:
        activity_verify(activity=activity, by=atasan)
    assert twice.value.code == "decided"
    assert Notification.objects.filter(kind=Kind.EXTERNAL_VERIFIED).count() == 1


def test_verifying_counts_the_jp_and_closes_the_gap_it_names(record, pegawai, atasan):
    from appraisal_link.models import Rating

    from ..appraisal_link.test_gaps_and_assignments import appraise

    appraise(pegawai.employee, year=TODAY.year, adaptif=Rating.BELOW)
    change = Competency.objects.get(code="mengelola-perubahan")
    gap = Gap.objects.get(employee=pegawai.employee, competency=change, source=Gap.Source.APPRAISAL)
    activity = record(pegawai.employee, competency_ids=[change.pk])
    closed = activity_verify(activity=activity, by=atasan)
    gap.refresh_from_db()
    assert closed >= 1 and gap.status == Gap.Status.CLOSED and "Bimtek Keamanan Siber" in gap.closed_reason
    assert Assessment.objects.filter(employee=pegawai.employee, source=Assessment.Source.EXTERNAL).exists()
    assert jp_of(employee=pegawai.employee, year=TODAY.year).outside == 16


def test_the_verifier_works_from_the_list(client, record, pegawai, atasan_with_mfa):
    waiting = record(pegawai.employee)
    other = record(pegawai.employee, title="Workshop Data")
    client.force_login(atasan_with_mfa)
    page = client.get(reverse("external_verify_list")).content.decode()
    assert "Bimtek Keamanan Siber" in page and "Workshop Data" in page
    client.post(reverse("external_verify", args=[waiting.pk]), {"keputusan": "setujui"})
    client.post(reverse("external_verify", args=[other.pk]), {"keputusan": "tolak", "reason": ""})
    other.refresh_from_db()
    assert other.status == ExternalActivity.Status.PENDING  # no reason, no rejection
    client.post(reverse("external_verify", args=[other.pk]), {"keputusan": "tolak", "reason": "Bukan kegiatan 2026."})
    waiting.refresh_from_db()
    other.refresh_from_db()
    assert (waiting.status, other.status) == (ExternalActivity.Status.VERIFIED, ExternalActivity.Status.REJECTED)
    assert waiting.decided_by == atasan_with_mfa and other.rejection_reason == "Bukan kegiatan 2026."


def test_only_the_employee_their_supervisor_and_hr_see_the_proof_or_decide(
    client, record, pegawai, atasan_with_mfa, hr_with_mfa, make_person, with_totp
):
    from portal.people import roles

    activity = record(pegawai.employee)
    url = reverse("external_proof", args=[activity.pk])
    stranger = make_person()
    other_supervisor = make_person(roles.ATASAN)
    with_totp(other_supervisor)
    for user, expected in ((pegawai, 200), (atasan_with_mfa, 200), (hr_with_mfa, 200), (stranger, 404)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == expected, user
        if expected == 200:
            assert b"".join(response.streaming_content).startswith(b"%PDF-")
            assert response["Cache-Control"] == "private, no-store"
    for user in (pegawai, stranger, other_supervisor):
        client.force_login(user)
        assert client.post(reverse("external_verify", args=[activity.pk]), {"keputusan": "setujui"}).status_code == 404
    activity.refresh_from_db()
    assert activity.status == ExternalActivity.Status.PENDING


def test_the_pages_cost_the_same_queries_with_more_records(client, record, pegawai, atasan_with_mfa, hr_with_mfa):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(user, name):
        client.force_login(user)
        client.get(reverse(name))  # warm: the session's first request may write to it, the cache fills
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name)).status_code == 200
        return len(queries)

    record(pegawai.employee, title="Satu")
    pages = [
        (pegawai, "external_list"),
        (atasan_with_mfa, "external_verify_list"),
        (hr_with_mfa, "external_verify_list"),
    ]
    pages.append((hr_with_mfa, "pengembangan-luar:index"))
    before = [count(user, name) for user, name in pages]
    change = Competency.objects.get(code="mengelola-perubahan")
    for title in ("Dua", "Tiga", "Empat"):
        record(pegawai.employee, title=title, competency_ids=[change.pk])
    assert [count(user, name) for user, name in pages] == before
