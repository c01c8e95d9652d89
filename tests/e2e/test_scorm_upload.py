"""Browser: a trainer opens "Paket SCORM" from the admin menu, uploads a package with a PHP file in it
(refused, with the reason, nothing kept), then a Storyline package (kept and listed)."""

import pytest
from playwright.sync_api import expect

from courses.scorm.models import ScormPackage

from ..scorm.test_packages import minimal, package, published
from .conftest import screenshot
from .test_courses import log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.e2e
def test_a_trainer_uploads_a_scorm_package(new_context, live_server, pelatih, password, tmp_path):
    refused = tmp_path / "berbahaya.zip"
    refused.write_bytes(package({"imsmanifest.xml": minimal(), "index.html": "<p>", "shell.php": "<?php"}).getvalue())
    storyline = tmp_path / "5-why.zip"
    storyline.write_bytes(published("storyline-scorm12.xml").getvalue())

    page = new_context(bypass_csp=True).new_page()
    log_in_with_totp(page, live_server, pelatih, password)
    page.get_by_role("link", name="Paket SCORM").click()
    expect(page.get_by_role("heading", name="Paket SCORM")).to_be_visible()

    page.get_by_label("Paket SCORM (.zip)").set_input_files(str(refused))
    page.get_by_role("button", name="Unggah dan periksa").click()
    expect(page.get_by_text("Jenis berkas shell.php tidak diizinkan dalam paket SCORM.")).to_be_visible()
    assert not ScormPackage.objects.exists()
    screenshot(page, "scorm-upload-refused")

    page.get_by_label("Paket SCORM (.zip)").set_input_files(str(storyline))
    page.get_by_role("button", name="Unggah dan periksa").click()
    expect(page.get_by_text("Paket 5-Why Problem Solving (SCORM 1.2) disimpan: 6 berkas.")).to_be_visible()
    expect(page.get_by_test_id("scorm-packages")).to_contain_text("index_lms.html")
    screenshot(page, "scorm-packages")
