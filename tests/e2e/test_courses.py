"""The course flows as users see them in Chromium.

- A trainer writes a course and a lesson with a quiz in the Wagtail admin and submits them to the
  "Moderasi kursus" workflow; HR logs in with password + TOTP and approves; the course goes live.
- A learner enrols, studies, fails then passes the quiz, downloads the certificate and verifies it.
"""

import hashlib
import re
import time

import pytest
from playwright.sync_api import expect

from ..courses.conftest import make_course
from .conftest import PHONE, autosave_settled, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(page, live_server, login, password):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_load_state()


def log_in_with_totp(page, live_server, user, password):
    """Log in as a user whose role sees others' data: give them an authenticator app (as the
    set-up would), then enter the password and the current TOTP code."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    log_in(page, live_server, user.username, password)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Masuk", exact=True).click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))


def no_sideways_scroll(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


# --- Trainer writes, HR approves ------------------------------------------------------------


def submit_for_moderation(page):
    """Open the footer's "more actions" menu and submit to the page's workflow."""
    menu = page.locator("footer [data-controller~=w-dropdown]:has(button[name=action-submit])")
    menu.locator("[data-w-dropdown-target=toggle]").click()
    with page.expect_navigation():
        menu.locator("button[name=action-submit]").click()


def approve(page, shot=None):
    """The reviewer's "Approve" workflow action (the one without a comment dialog)."""
    button = page.locator("footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    if not button.is_visible():
        page.locator("footer [data-controller~=w-dropdown]:has([data-workflow-action-name=approve])").locator(
            "[data-w-dropdown-target=toggle]"
        ).click()
    expect(button).to_be_visible()
    if shot:
        settled_popups(page)
        screenshot(page, shot)
    with page.expect_navigation():
        button.click()


def settled_popups(page):
    """Wait until Wagtail's pop-up menus (Tippy) have finished fading in, for the screenshots."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.tippy-box[data-state=visible]')]"
        ".every(box => getComputedStyle(box).opacity === '1')"
    )


def totp_code(secret: str) -> str:
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    # Not in the last seconds of a period: the code must still be current when the form arrives.
    remaining = app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD
    if remaining < 3:
        time.sleep(remaining + 0.2)
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.mark.e2e
def test_trainer_writes_a_course_and_hr_approves_it(page, new_context, live_server, pelatih, hr, password):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from courses.models import CourseIndexPage, CoursePage, LessonPage

    catalog = CourseIndexPage.objects.get()
    admin = f"{live_server.url}/admin"

    # The trainer logs in with password and TOTP, and opens the catalog in the page explorer.
    log_in_with_totp(page, live_server, pelatih, password)
    page.goto(f"{admin}/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    screenshot(page, "admin-trainer-dashboard")
    page.goto(f"{admin}/pages/{catalog.pk}/")
    expect(page.locator("h1")).to_contain_text("Katalog Kursus")
    screenshot(page, "admin-trainer-catalog-explorer")

    # A new course: only "kursus" may go under the catalog, so Wagtail opens its form directly.
    page.locator(f"a[href='/admin/pages/{catalog.pk}/add_subpage/']").first.click()
    expect(page).to_have_url(f"{admin}/pages/add/courses/coursepage/{catalog.pk}/")
    page.fill("input[name=title]", "Etika Pelayanan Publik")
    page.fill("textarea[name=summary]", "Sikap dan perilaku ASN saat melayani warga.")
    # Wagtail fills the slug from the title in the browser; saving before it has would be refused.
    expect(page.locator("input[name=slug]")).to_have_value("etika-pelayanan-publik")
    page.select_option("select[name=category]", "sosial_kultural")
    page.fill("input[name=jp]", "6")
    screenshot(page, "admin-trainer-course-form")
    autosave_settled(page)
    with page.expect_navigation():
        page.locator("footer button.action-save").click()
    course = CoursePage.objects.get(title="Etika Pelayanan Publik")
    expect(page).to_have_url(f"{admin}/pages/{course.pk}/edit/")
    assert course.slug == "etika-pelayanan-publik"
    assert (course.jp, course.category, course.live) == (6, "sosial_kultural", False)
    screenshot(page, "admin-trainer-course-draft")

    # A lesson under it, written with the StreamField: a paragraph and a single-choice question.
    page.goto(f"{admin}/pages/{course.pk}/add_subpage/")
    expect(page).to_have_url(f"{admin}/pages/add/courses/lessonpage/{course.pk}/")
    page.fill("input[name=title]", "Melayani dengan ramah")
    page.fill("textarea[name=intro]", "Prinsip dasar pelayanan publik.")
    page.locator("button.c-sf-add-button").first.click()
    expect(page.get_by_role("option", name="Soal benar/salah", exact=True)).to_be_visible()
    settled_popups(page)
    screenshot(page, "admin-trainer-block-chooser")
    page.get_by_role("option", name="Paragraf", exact=True).click()
    editor = page.locator("[data-contentpath] .public-DraftEditor-content").first
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.type("Sapa warga dengan ramah dan jelaskan prosedur dengan bahasa yang mudah.")
    expect(page.locator("input[name=body-0-type]")).to_have_value("paragraph")

    page.locator("button.c-sf-add-button:not([data-streamfield-list-add])").last.click()
    page.get_by_role("option", name="Soal pilihan tunggal", exact=True).click()
    expect(page.locator("input[name=body-1-type]")).to_have_value("single_choice")
    page.fill("textarea[name=body-1-value-question]", "Warga datang saat loket hampir tutup. Apa yang Anda lakukan?")
    page.fill("textarea[name=body-1-value-feedback_correct]", "Tepat.")
    page.fill("textarea[name=body-1-value-feedback_incorrect]", "Warga tetap harus dilayani.")
    # The list of choices starts with one; add a second with the list's own "+" button.
    expect(page.locator("input[name=body-1-value-choices-0-value-text]")).to_be_visible()
    page.fill("input[name=body-1-value-choices-0-value-text]", "Menyuruhnya datang besok")
    # Once, in CI, this click was lost while the new page's first autosave was on its way: let the
    # autosave land first, as a person pausing before the next choice would.
    autosave_settled(page)
    page.locator("button[data-streamfield-list-add]").last.click()
    second = page.locator("input[name=body-1-value-choices-1-value-text]")
    expect(second).to_be_visible()
    second.fill("Melayaninya sampai selesai")
    # The new list child is still being set up by Wagtail's script when it appears; on a busy
    # machine that can undo a first click, so click until it stays checked (as a person would).
    correct = page.locator("input[name=body-1-value-choices-1-value-is_correct]")
    for _attempt in range(3):
        correct.click()
        page.wait_for_timeout(200)
        if correct.is_checked():
            break
    expect(correct).to_be_checked()
    screenshot(page, "admin-trainer-lesson-form")

    # The editor's preview panel shows the lesson as a learner will see it, quiz included.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("iframe#w-preview-iframe, .w-preview__iframe").first
    expect(preview.get_by_role("heading", level=1)).to_have_text("Melayani dengan ramah")
    expect(preview.locator("form.quiz-form")).to_contain_text("Melayaninya sampai selesai")
    expect(preview.get_by_role("button", name="Kirim jawaban")).to_be_disabled()
    screenshot(page, "admin-trainer-lesson-preview")
    page.locator("[data-side-panel-toggle=preview]").click()

    autosave_settled(page)
    submit_for_moderation(page)
    lesson = LessonPage.objects.get(title="Melayani dengan ramah")
    screenshot(page, "admin-trainer-lesson-submitted")
    assert lesson.get_parent().pk == course.pk
    body = lesson.get_latest_revision_as_object().body
    assert [child.block_type for child in body] == ["paragraph", "single_choice"]
    assert "Sapa warga dengan ramah" in str(body[0].value)
    question = body[1].value
    assert [(c["text"], c["is_correct"]) for c in question["choices"]] == [
        ("Menyuruhnya datang besok", False),
        ("Melayaninya sampai selesai", True),
    ]
    assert lesson.current_workflow_state is not None
    assert lesson.current_workflow_state.workflow.name == "Moderasi kursus"

    # The course itself goes to moderation too.
    page.goto(f"{admin}/pages/{course.pk}/edit/")
    submit_for_moderation(page)
    course.refresh_from_db()
    assert course.current_workflow_state.status == "in_progress"
    assert course.current_workflow_task.name == "Persetujuan BKPSDM"
    page.goto(f"{admin}/pages/{course.pk}/")
    screenshot(page, "admin-trainer-course-submitted")

    # HR: password, then the TOTP code, then the admin dashboard lists what awaits review.
    secret = generate_totp_secret()
    TOTP.activate(hr, secret)
    reviewer = new_context().new_page()
    log_in(reviewer, live_server, hr.username, password)
    expect(reviewer).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    screenshot(reviewer, "hr-2fa-code")
    reviewer.fill("input[name=code]", totp_code(secret))
    with reviewer.expect_navigation():
        reviewer.locator("main").get_by_role("button", name="Masuk", exact=True).click()
    expect(reviewer).not_to_have_url(re.compile(r"/accounts/"))
    reviewer.goto(f"{admin}/")
    expect(reviewer).to_have_url(f"{admin}/")
    expect(reviewer.locator(f"main a[href='/admin/pages/{course.pk}/edit/']").first).to_be_visible()
    # Each lesson awaiting review names its course.
    expect(reviewer.locator(f"main a[href='/admin/pages/{lesson.pk}/edit/']").first).to_have_text(
        "Etika Pelayanan Publik › Melayani dengan ramah"
    )
    screenshot(reviewer, "hr-admin-dashboard-awaiting-review")

    # HR previews the course from the review list: what goes live, lessons included.
    course_row = reviewer.locator("main tr", has=reviewer.locator(f"a[href='/admin/pages/{course.pk}/edit/']"))
    course_row.locator("[data-w-dropdown-target=toggle]").click()
    with reviewer.context.expect_page() as opened:
        course_row.locator(f"a[href^='/admin/pages/workflow/preview/{course.pk}/']").click()
    course_preview = opened.value
    course_preview.wait_for_load_state()
    expect(course_preview.get_by_role("heading", level=1)).to_have_text("Etika Pelayanan Publik")
    expect(course_preview.locator(".lesson-list")).to_contain_text("Melayani dengan ramah")
    expect(course_preview.locator(".lesson-list")).to_contain_text("terbit bersama kursus ini")
    screenshot(course_preview, "hr-course-workflow-preview")
    course_preview.close()

    # One approval: the course goes live with its lesson.
    reviewer.locator(f"main a[href='/admin/pages/{course.pk}/edit/']").first.click()
    expect(reviewer).to_have_url(f"{admin}/pages/{course.pk}/edit/")
    screenshot(reviewer, "hr-course-in-review")
    approve(reviewer, shot="hr-course-approve-menu")
    screenshot(reviewer, "hr-course-approved")
    course = CoursePage.objects.get(pk=course.pk)
    assert course.live, "the course is not live after HR approved it"
    assert course.current_workflow_state is None
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.live, "the lesson did not go live with its course"
    assert lesson.current_workflow_state is None
    reviewer.goto(f"{admin}/")
    expect(reviewer.locator(f"main a[href='/admin/pages/{lesson.pk}/edit/']")).to_have_count(0)
    assert [child.block_type for child in lesson.body] == ["paragraph", "single_choice"]
    reviewer.goto(f"{admin}/pages/{course.pk}/")
    screenshot(reviewer, "hr-course-explorer-after-approval")

    # Live on the site: in the catalog and at its own address, with its lesson.
    visitor = new_context().new_page()
    visitor.goto(f"{live_server.url}/kursus/")
    expect(visitor.locator(".course-card", has_text="Etika Pelayanan Publik")).to_contain_text("6 JP")
    response = visitor.goto(f"{live_server.url}{course.url}")
    assert response.status == 200
    assert course.url == "/kursus/etika-pelayanan-publik/"
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Etika Pelayanan Publik")
    expect(visitor.locator(".lesson-list")).to_contain_text("Melayani dengan ramah")
    screenshot(visitor, "course-published-public")


# --- The learner -------------------------------------------------------------------------------


@pytest.mark.e2e
def test_learner_completes_a_course_and_verifies_the_certificate(
    page, new_context, live_server, pegawai, password, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path  # the certificate PDF goes to a throwaway folder
    course = make_course("Keamanan Digital", jp=4, pass_mark=70)
    employee = pegawai.employee

    log_in(page, live_server, employee.nip, password)
    expect(page).to_have_url(f"{live_server.url}/dasbor/")

    # The catalog lists the course.
    page.goto(f"{live_server.url}/kursus/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Katalog Kursus")
    card = page.locator(".course-card", has_text="Keamanan Digital")
    expect(card).to_be_visible()
    expect(card).to_contain_text("4 JP")
    screenshot(page, "course-catalog")

    # The course page before enrolling: lessons locked behind "daftar dulu".
    card.get_by_role("link", name="Keamanan Digital").click()
    expect(page).to_have_url(f"{live_server.url}{course.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Keamanan Digital")
    expect(page.locator(".lesson-list li")).to_have_count(2)
    expect(page.locator(".lesson-list")).to_contain_text("daftar dulu")
    screenshot(page, "course-before-enrol")

    page.get_by_role("button", name="Daftar kursus ini").click()
    expect(page.locator(".messages, .message").first).to_contain_text("Anda terdaftar di kursus Keamanan Digital")
    expect(page.locator("[data-testid=progress]")).to_have_text("0%")
    screenshot(page, "course-after-enrol")

    # Lesson 1: "Mulai belajar" leads to the first lesson, a reading lesson, marked done.
    page.get_by_role("link", name="Mulai belajar: Kata sandi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kata sandi")
    expect(page.locator("[data-testid=progress]")).to_have_text("0%")
    expect(page.locator("article.lesson")).to_contain_text("Gunakan kata sandi yang kuat.")
    screenshot(page, "lesson-reading")
    page.get_by_role("button", name="Tandai selesai dan lanjut").click()

    # Lesson 2: the quiz; progress went from 0% to 50%.
    expect(page.get_by_role("heading", level=1)).to_have_text("Kuis")
    expect(page.locator("[data-testid=progress]")).to_have_text("50%")
    quiz = page.locator("form.quiz-form")
    expect(quiz.locator("fieldset")).to_have_count(2)
    screenshot(page, "lesson-quiz")

    # The same lesson on a phone.
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True, storage_state=page.context.storage_state())
    phone_page = phone.new_page()
    phone_page.goto(page.url)
    expect(phone_page.locator("form.quiz-form fieldset")).to_have_count(2)
    phone_overflow = no_sideways_scroll(phone_page)
    screenshot(phone_page, "lesson-quiz-phone")

    # Attempt 1: both answers wrong. The result is where the eye lands, each choice marked.
    single, true_false = quiz.locator("fieldset").nth(0), quiz.locator("fieldset").nth(1)
    single.get_by_label("Mengekliknya", exact=True).check()
    true_false.get_by_label("Benar", exact=True).check()
    quiz.get_by_role("button", name="Kirim jawaban").click()
    result = page.locator("#hasil")
    expect(result).to_contain_text("Percobaan ke-1: nilai 0 dari 100")
    expect(result).to_contain_text("Belum mencapai nilai lulus 70")
    expect(result).to_be_focused()
    expect(page.locator(".quiz-verdict-wrong")).to_have_count(2)
    expect(page.locator("main")).to_contain_text("Jangan klik tautan mencurigakan.")
    expect(page.locator("main")).to_contain_text("Kata sandi bersifat pribadi.")
    expect(page.locator(".choice-previous")).to_have_count(2)
    expect(page.locator("[data-testid=progress]")).to_have_text("50%")
    expect(page.locator("form.quiz-form input[name=attempt]")).to_have_value("2")
    screenshot(page, "quiz-failed")

    # Attempt 2: both right; the feedback shows, and the course is complete.
    quiz = page.locator("form.quiz-form")
    single, true_false = quiz.locator("fieldset").nth(0), quiz.locator("fieldset").nth(1)
    single.get_by_label("Melaporkannya ke tim TIK", exact=True).check()
    true_false.get_by_label("Salah", exact=True).check()
    quiz.get_by_role("button", name="Kirim jawaban lagi").click()
    result = page.locator("#hasil")
    expect(result).to_contain_text("Selamat, Anda lulus dengan nilai 100")
    expect(result).to_contain_text("Kursus selesai")
    expect(page.locator(".quiz-verdict-ok")).to_have_count(2)
    expect(page.locator("main")).to_contain_text("Benar, jangan dibagikan.")
    screenshot(page, "quiz-passed")
    result.get_by_role("link", name="Lihat kursus dan sertifikat").click()
    expect(page).to_have_url(f"{live_server.url}{course.url}")
    expect(page.locator("[data-testid=progress]")).to_have_text("100%")

    # The certificate is issued after commit (Celery runs eagerly), so it is there by the next
    # request: the course page as the learner finds it when they come back.
    page.reload()
    download_link = page.get_by_role("link", name="Unduh sertifikat (PDF)")
    expect(download_link).to_be_visible()
    expect(page.locator("[data-testid=progress]")).to_have_text("100%")
    expect(page.locator(".enrol-panel")).to_contain_text("4 JP tercatat")
    screenshot(page, "course-completed")

    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    pdf_path = tmp_path / "downloaded.pdf"
    download.save_as(pdf_path)
    content = pdf_path.read_bytes()
    assert content.startswith(b"%PDF"), content[:20]
    assert re.fullmatch(r"sertifikat-[A-Z0-9]{12}\.pdf", download.suggested_filename)

    # The verification page: valid, the learner's NIP masked, the course, the fingerprint of the file;
    # no score, and kept out of search engines.
    page.get_by_role("link", name="Halaman verifikasi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verifikasi sertifikat")
    expect(page.locator("[data-testid=status]")).to_contain_text("SAH")
    facts = page.locator("dl.certificate-facts")
    expect(facts.locator("[data-testid=nip]")).to_have_text(employee.nip[:4] + "*" * 10 + employee.nip[-4:])
    expect(facts).not_to_contain_text(employee.nip)
    expect(facts).not_to_contain_text("Nilai")
    expect(page.locator('meta[name="robots"]')).to_have_attribute("content", re.compile("noindex"))
    expect(facts).to_contain_text("Keamanan Digital")
    expect(facts.locator("code")).to_have_text(hashlib.sha256(content).hexdigest())
    screenshot(page, "certificate-verification")

    # The dashboard: the course at 100%, its JP counted, the certificate listed.
    page.goto(f"{live_server.url}/dasbor/")
    my_courses = page.locator("section[aria-labelledby=courses-title]")
    entry = my_courses.locator("li", has_text="Keamanan Digital")
    expect(entry).to_contain_text("4 JP")
    expect(entry).to_contain_text("selesai")
    expect(entry.get_by_role("progressbar")).to_have_attribute("value", "100")
    expect(page.locator("section[aria-labelledby=jp-title] .big-number")).to_contain_text("4")
    certificates = page.locator("section[aria-labelledby=certs-title]")
    expect(certificates.get_by_role("link", name="Keamanan Digital", exact=True)).to_be_visible()
    screenshot(page, "dashboard-after-course")

    assert phone_overflow <= 0, f"the quiz lesson scrolls sideways by {phone_overflow}px on a phone"
