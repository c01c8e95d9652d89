"""The migrations of issue #10 that move data: old clear-text API tokens stop working, old service
accounts lose HR's reach, and files already uploaded or issued leave the public media folder."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection

from appraisal_link.models import AppraisalImport
from portal.people import roles

from ..factories import UserFactory

pytestmark = pytest.mark.django_db
tokens_migration = importlib.import_module("appraisal_link.migrations.0007_api_service_role")
pdfs_migration = importlib.import_module("courses.migrations.0006_move_certificate_pdfs")


def test_old_clear_tokens_are_dropped_and_old_service_accounts_leave_hr():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite cannot alter its schema inside the test's transaction; the migration runs on PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute('CREATE TABLE "authtoken_token" ("key" varchar(40) PRIMARY KEY, "user_id" bigint)')
        cursor.execute("INSERT INTO authtoken_token VALUES ('bersih-dan-terbaca', 1)")
    service = UserFactory(username="api-simpeg", email="", roles=[roles.HR])
    service.set_unusable_password()
    service.save()
    person = UserFactory(username="api-budi", roles=[roles.HR])  # a person's account: it has a password
    with connection.schema_editor() as editor:
        tokens_migration.service_role(apps, editor)
        tokens_migration.drop_clear_tokens(apps, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    assert list(service.groups.values_list("name", flat=True)) == ["layanan-api"]
    assert person.groups.filter(name=roles.HR).exists()
    assert Group.objects.get(name="layanan-api").permissions.count() == 0


def test_files_uploaded_before_move_out_of_the_public_folder(settings, tmp_path, pegawai):
    from courses import services

    from ..courses.conftest import correct_answers, make_course

    public = tmp_path / "media"
    settings.MEDIA_ROOT = str(public)
    (public / "impor-penilaian").mkdir(parents=True)
    (public / "impor-penilaian" / "lama.csv").write_bytes(b"nip\n1\n")
    job = AppraisalImport.objects.create(file="impor-penilaian/lama.csv", original_name="lama.csv")
    course = make_course()
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    reading, quiz = [p.specific for p in course.get_children().order_by("path")]
    services.lesson_mark_done(enrollment=enrollment, lesson=reading)
    services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    certificate = services.certificate_issue(enrollment_id=enrollment.pk)
    # As before this change: the PDF sat in the public folder.
    private_pdf = Path(settings.PRIVATE_MEDIA_ROOT) / certificate.pdf.name
    (public / "sertifikat").mkdir()
    private_pdf.rename(public / certificate.pdf.name)

    tokens_migration.files_to_private(apps, None)
    pdfs_migration.to_private(apps, None)
    pdfs_migration.to_private(apps, None)  # twice changes nothing

    assert not any(public.rglob("*.*"))
    assert job.file.open("rb").read() == b"nip\n1\n"
    assert certificate.pdf.open("rb").read().startswith(b"%PDF")
