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


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "found", "count", "none"),
    [
        ("id", "Ada 2 halaman yang cocok", "1–2 dari 2 halaman", "Tidak ada halaman yang cocok dengan"),
        ("en", "There are 2 matching pages", "1-2 of 2 pages", "Sorry, no pages match"),
    ],
)
def test_the_page_search_counts_its_results_in_the_users_language(client, hr_with_mfa, language, found, count, none):
    """Wagtail's page search named no kind of result ("1-1 of 1 None") and spoke English."""
    from ..courses.conftest import make_course

    make_course("Keamanan Digital")
    make_course("Produktivitas Digital")
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=hr_with_mfa, defaults={"preferred_language": language})
    client.force_login(hr_with_mfa)
    html = client.get("/admin/pages/search/?q=digital").content.decode()
    assert found in html and count in html
    assert " 2 None" not in html
    empty = client.get("/admin/pages/search/?q=tidakada").content.decode()
    assert none in empty


@pytest.mark.django_db
def test_what_a_screen_reader_says_in_the_catalogs_listing_is_indonesian(client, hr_with_mfa):
    from courses.models import CourseIndexPage

    from ..courses.conftest import make_course

    make_course("Keamanan Digital")
    client.force_login(hr_with_mfa)
    html = client.get(f"/admin/pages/{CourseIndexPage.objects.get().pk}/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    for english in (
        'aria-label="Actions"',
        "Exploring",
        "Select all",
        "Select row",
        "Sort the order of child pages",
        "Move selected pages",
        "Publish selected pages",
        "Close dialog",
        "Keyboard shortcut",
    ):
        assert english not in html, english
    assert "Menjelajahi" in html and 'aria-label="Tindakan"' in html and "Pilih semua" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "english", "indonesian"),
    [
        (
            "/admin/account/",
            ("Theme preferences", "Name and Email", "Profile picture", "Toggle section", "Use server language"),
            "Preferensi tema",
        ),
        ("/admin/images/", ("Newest", "Oldest", "File size: (high to low)", "Title: (A -&gt; Z)"), "Terbaru"),
    ],
)
def test_the_admin_screens_every_staff_member_opens_are_indonesian(client, hr_with_mfa, path, english, indonesian):
    client.force_login(hr_with_mfa)
    html = client.get(path, HTTP_ACCEPT_LANGUAGE="id").content.decode()
    for text in english:
        assert text not in html, text
    assert indonesian in html
