"""Uploaded media on S3-compatible storage (KOMPETEN_S3_BUCKET), against a real S3 server (moto, on a
free port): images under media/ with URLs that work for anyone, private files under private/ that
only the portal's views send to whom may have them, the same files for every application server,
and a backup restored into another bucket. Each assertion reads the bucket itself, so that files
left on a local disk would fail it."""

import datetime
import hashlib
import io
import sys
import uuid
from dataclasses import dataclass
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import urlopen

import boto3
import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.storage import StorageHandler, default_storage
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from courses import services
from courses.development.services import activity_record
from portal.backup import backup, restore
from portal.settings.storage import media_origins, storages
from portal.storage import private_storage

from ..courses.conftest import correct_answers, make_course
from ..development.conftest import PDF, pdf
from ..portal.test_backup import empty_database  # noqa: F401 - a fixture
from ..processes import Process, free_port, wait_until

STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"


@pytest.fixture(scope="module")
def endpoint():
    """A moto S3 server of this module's own."""
    port = free_port()
    server = Process([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]).start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _status(url + "/") == 200, timeout=60, what="the S3 server answering")
        yield url
    finally:
        server.stop()


@dataclass
class Bucket:
    name: str
    client: object
    environ: dict

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def keys(self, prefix: str = "") -> list[str]:
        listed = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listed.get("Contents", ()))

    def public(self, key: str) -> bool:
        grants = self.client.get_object_acl(Bucket=self.name, Key=key)["Grants"]
        return any(grant["Grantee"].get("URI", "").endswith("/global/AllUsers") for grant in grants)

    def handler(self) -> StorageHandler:
        """The storages another application server would build from the same environment."""
        return StorageHandler(storages(staticfiles=STATIC, environ=self.environ))


def new_bucket(endpoint: str) -> Bucket:
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    name = f"kompeten-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    environ = {"KOMPETEN_S3_BUCKET": name, "KOMPETEN_S3_ENDPOINT_URL": endpoint, "KOMPETEN_S3_REGION": "us-east-1"}
    return Bucket(name, client, environ)


@pytest.fixture
def bucket(endpoint, monkeypatch):
    """A fresh bucket, and the portal's storages on it as the settings build them from the environment."""
    for variable, value in (("AWS_ACCESS_KEY_ID", "test"), ("AWS_SECRET_ACCESS_KEY", "test")):
        monkeypatch.setenv(variable, value)
    created = new_bucket(endpoint)
    with override_settings(STORAGES=storages(staticfiles=STATIC, environ=created.environ)):
        # A FileField calls `private_storage` once, when its model is imported: point it at the new one.
        for model in apps.get_models():
            for field in model._meta.get_fields():
                if getattr(field, "_storage_callable", None) is private_storage:
                    monkeypatch.setattr(field, "storage", private_storage())
        yield created


def _status(url: str) -> int:
    try:
        with urlopen(url, timeout=10) as response:  # noqa: S310 - the test's own server
            return response.status
    except HTTPError as error:
        return error.code
    except OSError:
        return 0


def _anonymous_get(url: str) -> tuple[int, bytes]:
    """A GET with no credentials at all, as anyone on the internet would send it."""
    try:
        with urlopen(url, timeout=10) as response:  # noqa: S310 - the test's own server
            return response.status, response.read()
    except HTTPError as error:
        return error.code, b""


def png(width: int = 120, height: int = 80) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def issue_certificate(employee):
    course = make_course()
    lessons = list(course.get_children().specific().order_by("path"))
    enrollment = services.enrollment_create(employee=employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    return services.certificate_issue(enrollment_id=enrollment.pk)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
def test_an_image_lands_under_media_and_its_rendition_is_public(bucket):
    image = get_image_model().objects.create(title="Sampul", file=ImageFile(io.BytesIO(png()), name="sampul.png"))
    assert bucket.keys("media/") == [f"media/{image.file.name}"]
    assert bucket.public(f"media/{image.file.name}")

    rendition = image.get_rendition("fill-40x20")
    assert f"media/{rendition.file.name}" in bucket.keys("media/")
    status, content = _anonymous_get(rendition.url)
    assert status == 200 and PILImage.open(io.BytesIO(content)).size == (40, 20)
    # The page's Content-Security-Policy lets the browser load it.
    url = urlsplit(rendition.url)
    assert f"{url.scheme}://{url.netloc}" in media_origins(bucket.environ)


@pytest.mark.django_db
def test_a_certificate_lands_under_private_and_only_its_holder_gets_it(bucket, client, pegawai):
    certificate = issue_certificate(pegawai.employee)
    key = f"private/{certificate.pdf.name}"
    assert bucket.keys() == [key]
    stored = bucket.read(key)
    assert hashlib.sha256(stored).hexdigest() == certificate.sha256 and not bucket.public(key)
    with pytest.raises(ValueError):
        certificate.pdf.url  # noqa: B018 - no URL, not even a signed one

    client.force_login(pegawai)
    response = client.get(reverse("certificate_download", args=[certificate.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert body(response) == stored and response["Cache-Control"] == "private, no-store"

    endpoint = bucket.environ["KOMPETEN_S3_ENDPOINT_URL"]
    assert _anonymous_get(f"{endpoint}/{bucket.name}/{key}") == (403, b"")


@pytest.mark.django_db
def test_a_proof_lands_under_private_and_its_owner_sees_it(bucket, client, pegawai):
    today = datetime.date.today()
    activity = activity_record(
        employee=pegawai.employee,
        kind="bimtek",
        title="Bimtek Keamanan Siber",
        organiser="BSSN",
        starts_on=today,
        ends_on=today,
        jp=16,
        proof=pdf(),
    )
    key = f"private/{activity.proof.name}"
    assert bucket.keys() == [key] and bucket.read(key) == PDF and not bucket.public(key)

    client.force_login(pegawai)
    response = client.get(reverse("external_proof", args=[activity.pk]))
    assert response.status_code == 200 and body(response) == PDF
    endpoint = bucket.environ["KOMPETEN_S3_ENDPOINT_URL"]
    assert _anonymous_get(f"{endpoint}/{bucket.name}/{key}")[0] == 403


@pytest.mark.django_db
def test_with_x_accel_configured_a_file_in_the_bucket_is_still_streamed(bucket, client, pegawai, settings):
    settings.KOMPETEN_X_ACCEL_PREFIX = "/_private/"  # nginx cannot read the bucket
    certificate = issue_certificate(pegawai.employee)
    client.force_login(pegawai)
    response = client.get(reverse("certificate_download", args=[certificate.pk]))
    assert response.status_code == 200 and "X-Accel-Redirect" not in response
    assert hashlib.sha256(body(response)).hexdigest() == certificate.sha256


@pytest.mark.django_db
def test_a_missing_object_is_a_404(bucket, client, pegawai):
    certificate = issue_certificate(pegawai.employee)
    bucket.client.delete_object(Bucket=bucket.name, Key=f"private/{certificate.pdf.name}")
    client.force_login(pegawai)
    assert client.get(reverse("certificate_download", args=[certificate.pk])).status_code == 404


def test_two_application_servers_see_the_same_files(bucket):
    one, two = bucket.handler(), bucket.handler()
    assert one["private"] is not two["private"]
    name = one["private"].save("sertifikat/bersama.pdf", io.BytesIO(PDF))
    assert two["private"].exists(name) and two["private"].open(name).read() == PDF
    # Two uploads of the same name are two files, on one server or two.
    other = two["private"].save("sertifikat/bersama.pdf", io.BytesIO(b"%PDF-1.7 lain"))
    assert other != name and one["private"].open(name).read() == PDF
    public = two["default"].save("dokumen/panduan.txt", io.BytesIO(b"panduan"))
    assert default_storage.open(public).read() == b"panduan"
    assert bucket.keys() == sorted([f"private/{name}", f"private/{other}", f"media/{public}"])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(not settings.IS_POSTGRES, reason="backups are of PostgreSQL")
def test_backup_and_restore_go_through_the_bucket(bucket, endpoint, pegawai, tmp_path, empty_database):  # noqa: F811
    certificate = issue_certificate(pegawai.employee)
    image = get_image_model().objects.create(title="Sampul", file=ImageFile(io.BytesIO(png()), name="sampul.png"))
    archive = tmp_path / "kompeten.tar"
    manifest = backup(output=archive)
    assert manifest["files"]["private-media"] == {certificate.pdf.name: certificate.sha256}
    assert image.file.name in manifest["files"]["media"]

    target = new_bucket(endpoint)
    handler = target.handler()
    restore(
        archive=archive,
        database=empty_database,
        roots={"media": handler["default"], "private-media": handler["private"]},
    )
    assert target.keys() == bucket.keys()
    key = f"private/{certificate.pdf.name}"
    assert hashlib.sha256(target.read(key)).hexdigest() == certificate.sha256 and not target.public(key)
    assert target.public(f"media/{image.file.name}")
