"""Security headers: a Content-Security-Policy without inline scripts or styles on the site (Wagtail's
admin scoped apart), Permissions-Policy, Referrer-Policy and Cross-Origin-Opener-Policy; and no
template that such a policy would break."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


@pytest.mark.django_db
def test_site_pages_allow_only_the_portals_own_scripts_and_styles(client, pegawai, password):
    client.force_login(pegawai)
    for url in ("/", "/accounts/login/", "/kursus/", "/dasbor/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        csp = directives(response)
        assert csp["default-src"] == ["'self'"], url
        assert csp["script-src"] == ["'self'"], url
        assert csp["style-src"] == ["'self'"], url
        assert csp["img-src"] == ["'self'", "data:"]
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'self'"]
        assert csp["form-action"] == ["'self'"]
        assert csp["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_lesson_videos_may_be_embedded_from_the_video_hosts_only(client):
    csp = directives(client.get("/"))
    assert csp["frame-src"][0] == "'self'"
    assert "https://www.youtube-nocookie.com" in csp["frame-src"]
    assert "*" not in csp["frame-src"]


@pytest.mark.django_db
def test_wagtails_admin_gets_its_inline_allowances_and_nothing_else_does(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    admin = directives(client.get("/admin/"))
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["style-src"] == ["'self'", "'unsafe-inline'"]
    # Page previews are framed by the admin itself, never by another site.
    assert admin["frame-ancestors"] == ["'self'"]
    assert admin["object-src"] == ["'none'"]
    assert admin["form-action"] == ["'self'"]
    # A site path that merely begins like the admin's gets the site's policy.
    assert "'unsafe-inline'" not in directives(client.get("/administrasi/"))["script-src"]


@pytest.mark.django_db
def test_a_page_preview_may_be_framed_by_the_admin_and_keeps_the_sites_strict_policy(client, hr_with_mfa):
    """The preview panel frames the page rendered through the whole middleware chain with a dummy
    request: the site's policy, but framed by the admin (same origin) instead of blocked."""
    from courses.models import LessonPage

    from ..courses.conftest import make_course

    lesson = LessonPage.objects.child_of(make_course()).first()
    revision = lesson.save_revision()
    client.force_login(hr_with_mfa)
    response = client.get(f"/admin/pages/{lesson.pk}/revisions/{revision.pk}/view/")

    assert response.status_code == 200
    assert f"<h1>{lesson.title}</h1>" in response.content.decode()
    csp = directives(response)
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_browser_features_referrer_and_opener_are_locked_down(client):
    response = client.get("/")
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


INLINE = [
    (re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle=\"", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+=\"", re.I), "inline event handler"),
    (re.compile(r"href=\"javascript:", re.I), "javascript: link"),
]


def test_no_template_carries_what_the_policy_would_block():
    """E-mail templates are exempt: mail clients need inline styles and no browser applies a CSP."""
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        if "email" in path.relative_to(TEMPLATES).parts:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(TEMPLATES)}:{line}: {what}")
    assert not found, "\n".join(found)
