"""Open Badges on the site: the holder's download, the issuer's key, and the public check."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.openbadges import keys
from courses.openbadges.credentials import credential_signed

pytestmark = pytest.mark.django_db


def download(client, certificate):
    return client.get(f"/kursus/aksi/sertifikat/{certificate.pk}/open-badge/")


def test_the_holder_downloads_the_signed_credential(client, certificate, pegawai):
    client.force_login(pegawai)
    with CaptureQueriesContext(connection) as queries:
        response = download(client, certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert response["Content-Disposition"] == f'attachment; filename="open-badge-{certificate.code}.json"'
    assert response["Cache-Control"] == "private, no-store"
    assert json.loads(response.content) == credential_signed(certificate)
    # Session and user, roles, then the certificate with its holder: not more with more data.
    assert len(queries) <= 6, [q["sql"] for q in queries]


def test_someone_elses_credential_is_not_found(client, certificate, make_person):
    client.force_login(make_person())
    assert download(client, certificate).status_code == 404


def test_the_download_needs_a_login(client, certificate):
    response = download(client, certificate)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_dashboard_and_the_course_page_offer_the_credential(client, certificate, pegawai):
    client.force_login(pegawai)
    address = f"/kursus/aksi/sertifikat/{certificate.pk}/open-badge/"
    assert address in client.get("/dasbor/").content.decode()
    course = certificate.enrollment.course
    assert address in client.get(course.url).content.decode()


def test_the_issuer_profile_publishes_the_key_the_proofs_name(client, certificate):
    response = client.get("/open-badges/penerbit/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"
    profile = json.loads(response.content)
    proof = credential_signed(certificate)["proof"]
    assert profile["id"] == keys.issuer_id()
    [method] = profile["verificationMethod"]
    assert method["id"] == proof["verificationMethod"] == profile["assertionMethod"][0]
    assert method["type"] == "Multikey" and method["controller"] == profile["id"]
    assert method["publicKeyMultibase"] == keys.public_key_multibase()


def check(client, **data):
    return client.post("/open-badges/periksa/", data)


def test_anyone_checks_an_uploaded_credential(client, certificate):
    assert client.get("/open-badges/periksa/").status_code == 200
    body = json.dumps(credential_signed(certificate)).encode()
    response = check(client, berkas=SimpleUploadedFile("open-badge.json", body, "application/json"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "SAH: kredensial ini diterbitkan Kompeten" in html and certificate.holder_name in html
    assert certificate.holder_nip not in html


def test_a_pasted_credential_of_a_revoked_certificate_says_revoked(client, certificate):
    text = json.dumps(credential_signed(certificate))
    services.certificate_revoke(certificate=certificate, reason="Data kursus keliru")
    html = check(client, kredensial=text).content.decode()
    assert "telah DICABUT" in html and "Data kursus keliru" not in html


def test_an_altered_credential_is_declared_altered(client, certificate):
    credential = credential_signed(certificate)
    credential["credentialSubject"]["identifier"][0]["identityHash"] = "Orang Lain"
    response = check(client, kredensial=json.dumps(credential))
    assert response.status_code == 200
    assert "isi kredensial ini telah diubah" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Pilih berkas kredensial"),
        ({"kredensial": "{rusak"}, "bukan JSON yang sah"),
        ({"berkas": SimpleUploadedFile("besar.json", b" " * (65 * 1024))}, "terlalu besar"),
    ],
)
def test_bad_input_is_a_400_with_the_reason(client, data, message):
    response = check(client, **data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_check_is_rate_limited_per_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "openbadge_check": "2/m/ip"}
    assert [check(client, kredensial="{}").status_code for _ in range(3)] == [200, 200, 429]


def test_the_check_is_protected_against_cross_site_posts(certificate):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/open-badges/periksa/", {"kredensial": "{}"})
    assert response.status_code == 403
