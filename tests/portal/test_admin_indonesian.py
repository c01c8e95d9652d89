"""An Indonesian trainer or HR officer meets the Wagtail admin in Indonesian: the strings Wagtail's
own catalogue leaves in English are translated in locale_overrides/, compiled and up to date."""

import subprocess
from pathlib import Path

import pytest

OVERRIDES = Path(__file__).resolve().parents[2] / "locale_overrides" / "id" / "LC_MESSAGES"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_compiled_catalogue_matches_its_source(tmp_path, domain):
    compiled = tmp_path / f"{domain}.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(OVERRIDES / f"{domain}.po")], check=True)
    assert compiled.read_bytes() == (OVERRIDES / f"{domain}.mo").read_bytes(), "run msgfmt on locale_overrides"


@pytest.mark.django_db
def test_the_dashboard_and_menu_are_indonesian(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    for english in (">Reports<", ">Help<", "Search all pages", "Editor Guide"):
        assert english not in html, english
    assert "Laporan" in html and "Bantuan" in html


@pytest.mark.django_db
def test_workflow_actions_and_autosave_are_indonesian():
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("id"):
        assert gettext("Request changes") == "Minta perubahan"
        assert gettext("Approve with comment") == "Setujui dengan komentar"
        assert gettext("Autosave is paused") == "Simpan otomatis dijeda"
        assert gettext("There are validation errors, click save to highlight them.").startswith("Ada kesalahan")
    with translation.override("en"):
        assert gettext("Request changes") == "Request changes"
