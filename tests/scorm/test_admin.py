"""Trainers and HR upload SCORM packages in the admin; a refused package says why and keeps nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.scorm.models import ScormPackage

from .test_packages import minimal, package, published

pytestmark = pytest.mark.django_db


def upload(client, file, name="paket.zip"):
    return client.post(reverse("scorm_packages"), {"paket": SimpleUploadedFile(name, file.getvalue())}, follow=True)


def test_a_trainer_uploads_a_package_and_sees_it_listed(client, pelatih_with_mfa):
    client.force_login(pelatih_with_mfa)
    response = upload(client, published("storyline-scorm12.xml"), "5-why.zip")
    page = response.content.decode()
    assert "Paket 5-Why Problem Solving (SCORM 1.2) disimpan: 6 berkas." in page
    assert "index_lms.html" in page and "5-why.zip" in page
    assert ScormPackage.objects.get().uploaded_by == pelatih_with_mfa


def test_a_refused_package_says_why_and_keeps_nothing(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    response = upload(client, package({"imsmanifest.xml": minimal(), "index.html": "<p>", "shell.php": "<?php"}))
    assert response.status_code == 400
    assert "Jenis berkas shell.php tidak diizinkan dalam paket SCORM." in response.content.decode()
    assert not ScormPackage.objects.exists()
    response = client.post(reverse("scorm_packages"), {})
    assert response.status_code == 400 and not ScormPackage.objects.exists()


def test_the_list_costs_the_same_queries_with_more_packages(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    upload(client, published("h5p-scorm12.xml"))
    client.get(reverse("scorm_packages"))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("scorm_packages"))
    for name in ("storyline-scorm12.xml", "rustici-driver-scorm2004.xml"):
        upload(client, published(name))
    client.get(reverse("scorm_packages"))
    with CaptureQueriesContext(connection) as after:
        page = client.get(reverse("scorm_packages")).content.decode()
    assert len(after) == len(before) and page.count("<td><code>") == 3


def test_another_admin_role_is_told_whose_screen_it_is(client, make_person, with_totp):
    from portal.people import roles

    officer = make_person(roles.KOMUNIKASI)
    with_totp(officer)
    client.force_login(officer)
    response = client.get(reverse("scorm_packages"))
    assert response.status_code == 403
    assert "khusus untuk pelatih dan BKPSDM (SDM)" in response.content.decode()
