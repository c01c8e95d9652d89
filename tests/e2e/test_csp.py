"""The Content-Security-Policy as Chromium enforces it: no key page of the site, and none of the
project's own admin screens, has anything the policy blocks.

Every page is opened in the real browser with a listener for `securitypolicyviolation` events and
for console errors (Chromium reports a refused script or style there as well); any of them fails.
The admin screens are checked *without* the inline allowances that /admin/ has for Wagtail's own
editing screens: the project's screens need none.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import expect

from .conftest import screenshot
from .test_courses import log_in, totp_code

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DEMO_PASSWORD = "pangkalpinang"  # noqa: S105 - the published demo password

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation({
    directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample,
    source: event.sourceFile, line: event.lineNumber, page: location.pathname,
  });
});
"""


class Watch:
    """What one browser context saw: CSP violations and console errors, by page."""

    def __init__(self, context):
        self.problems: list[str] = []
        context.expose_binding("__cspViolation", lambda source, report: self.problems.append(f"CSP {report}"))
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("page", self.follow)

    def follow(self, page):
        page.on("console", lambda message: self.console(page, message))
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: script error {error}"))

    def console(self, page, message):
        if message.type == "error":
            self.problems.append(f"{page.url}: console {message.text}")


def visit(page, url: str, shot: str):
    response = page.goto(url)
    assert response.ok, f"{url}: HTTP {response.status}"
    page.wait_for_load_state("networkidle")
    screenshot(page, f"csp-{shot}")
    return response


def log_in_as_hr(page, live_server):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from portal.people.models import User

    secret = generate_totp_secret()
    TOTP.activate(User.objects.get(username="hr"), secret)
    log_in(page, live_server, "hr", DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Masuk", exact=True).click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))


@pytest.mark.e2e
def test_key_pages_and_the_projects_admin_screens_break_no_content_security_policy(new_context, live_server, settings):
    settings.KOMPETEN_CSP_ADMIN_DIRECTIVES = {"frame-ancestors": ["'self'"]}
    from courses.models import CoursePage, Enrollment, LessonPage
    from portal.change.models import ChangeEventPage

    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=io.StringIO())
    site = live_server.url

    # A visitor.
    context = new_context()
    visitor = Watch(context)
    page = context.new_page()
    course = CoursePage.objects.live().first()
    event = ChangeEventPage.objects.live().first()
    for path, shot in [
        ("/", "home"),
        ("/kursus/", "catalog"),
        (course.url, "course-visitor"),
        ("/perubahan/", "change-hub"),
        (event.url, "change-event"),
        ("/accounts/login/", "login"),
    ]:
        visit(page, site + path, shot)

    # The collector works: an injected inline script is refused and reported.
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.append(s); }"
    )
    page.wait_for_timeout(300)
    assert any("script-src" in problem for problem in visitor.problems), visitor.problems
    visitor.problems.clear()

    # An employee, with courses under way.
    context = new_context()
    employee = Watch(context)
    page = context.new_page()
    log_in(page, live_server, "pegawai", DEMO_PASSWORD)
    enrollment = Enrollment.objects.filter(employee__user__username="pegawai", completed_at__isnull=True).first()
    lesson = next(
        lesson for lesson in LessonPage.objects.live().child_of(enrollment.course).specific() if lesson.has_quiz
    )
    for path, shot in [
        ("/dasbor/", "dashboard"),
        (enrollment.course.url, "course-enrolled"),
        (lesson.url, "lesson-quiz"),
        ("/kompetensi-saya/", "my-gaps"),
        ("/notifikasi/", "notifications"),
    ]:
        visit(page, site + path, shot)
    expect(page.locator("main")).to_be_visible()

    # The progress bars are native <progress> elements: drawn by the browser and styled by the
    # stylesheet, with no inline style and no script.
    page.goto(site + "/dasbor/")
    bars = page.locator("progress.k-progress").evaluate_all(
        "bars => bars.map(bar => [bar.position, getComputedStyle(bar).height])"
    )
    assert bars and all(0 <= position <= 1 and height != "0px" for position, height in bars), bars

    # HR, in the project's own admin screens, under the site's strict script-src and style-src.
    context = new_context()
    staff = Watch(context)
    page = context.new_page()
    log_in_as_hr(page, live_server)
    reported = CoursePage.objects.live().filter(pk__in=Enrollment.objects.values("course")).first()
    for url, shot in [
        ("/admin/", "admin-home"),
        (reverse("appraisal_heatmap"), "admin-gap-heatmap"),
        (reverse("appraisal_jp"), "admin-jp"),
        (reverse("appraisal_closure"), "admin-gap-closure"),
        (reverse("appraisal_import"), "admin-import"),
        (reverse("course_report_index"), "admin-course-reports"),
        (reverse("course_report", args=[reported.pk]), "admin-course-report"),
        (reverse("change_adoption:dashboard"), "admin-adoption"),
        (reverse("change_admin:event-attendance", args=[event.pk]), "admin-event-attendance"),
        (reverse("change_admin:event-sign-in-sheet", args=[event.pk]), "admin-sign-in-sheet"),
    ]:
        visit(page, site + url, shot)

    problems = visitor.problems + employee.problems + staff.problems
    assert not problems, "\n".join(problems)
