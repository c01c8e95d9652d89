"""A quiz on a 375 px phone: targets a thumb can hit, nothing overflowing, and after an attempt the
result at the top of the screen with each answer's verdict beside the learner's choice."""

import pytest
from playwright.sync_api import expect

from ..courses.conftest import QUIZ, READING, make_course
from .conftest import screenshot
from .test_courses import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_375 = {"width": 375, "height": 740}
LONG_QUESTION = {
    "type": "single_choice",
    "value": {
        "question": "Sebutkan langkah pertama saat menerima surel dari alamat "
        "layanan-pengaduan-masyarakat.pangkalpinangkota.go.id.palsu.example yang meminta kata sandi?",
        "choices": [
            {"text": "Membalas surel itu dengan kata sandi agar akun tidak diblokir", "is_correct": False},
            {"text": "Melaporkannya ke tim TIK tanpa membuka tautannya", "is_correct": True},
        ],
        "feedback_correct": "Tepat.",
        "feedback_incorrect": "Kata sandi tidak pernah diminta lewat surel.",
    },
}


@pytest.mark.e2e
def test_a_learner_takes_a_quiz_on_a_phone(new_context, live_server, pegawai, password):
    make_course("Keamanan Digital", lessons=(("Kata sandi", READING), ("Kuis", [*QUIZ, LONG_QUESTION])))
    page = new_context(viewport=PHONE_375, is_mobile=True, has_touch=True).new_page()

    log_in(page, live_server, pegawai.employee.nip, password)
    page.goto(f"{live_server.url}/kursus/")
    page.get_by_role("link", name="Keamanan Digital").first.click()
    page.get_by_role("button", name="Daftar kursus ini").click()
    page.get_by_role("link", name="Mulai belajar: Kata sandi").click()
    page.get_by_role("button", name="Tandai selesai dan lanjut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kuis")

    quiz = page.locator("form.quiz-form")
    rows = quiz.locator("label.choice")
    expect(rows).to_have_count(7)
    sizes = [rows.nth(i).bounding_box() for i in range(7)]
    assert min(box["height"] for box in sizes) >= 44, sizes
    controls = quiz.locator("label.choice input")
    control_sizes = {
        (round(b["width"]), round(b["height"])) for b in (controls.nth(i).bounding_box() for i in range(7))
    }
    assert len(control_sizes) == 1, control_sizes  # a wrapped label never shrinks its radio
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    for box in (quiz.locator("fieldset").nth(i).bounding_box() for i in range(3)):
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_375["width"]
    screenshot(page, "quiz-phone-375")

    # Wrong on purpose: a tap anywhere on the row chooses it.
    fieldsets = quiz.locator("fieldset")
    fieldsets.nth(0).locator("label.choice", has_text="Mengekliknya").tap()
    fieldsets.nth(1).locator("label.choice", has_text="Benar").tap()
    fieldsets.nth(2).locator("label.choice", has_text="Membalas surel").tap()
    quiz.get_by_role("button", name="Kirim jawaban").tap()

    result = page.locator("#hasil")
    expect(result).to_contain_text("nilai 0 dari 100")
    box = result.bounding_box()
    scrolled = page.evaluate("window.scrollY")
    assert -2 <= box["y"] < PHONE_375["height"] / 2, (box, scrolled)  # where the eye lands
    expect(page.locator(".choice-previous")).to_have_count(3)
    expect(page.locator(".quiz-verdict-wrong")).to_have_count(3)
    expect(page.locator("main")).to_contain_text("Kata sandi tidak pernah diminta lewat surel.")
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(screenshot(page, "quiz-phone-375-failed")).replace(".png", "-viewport.png"))
