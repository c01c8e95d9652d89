"""Preview shows every page as its reader will see it, drafts and in-memory relations included.

HR's moderation e-mail links to the preview, and trainers check their work in the editor's preview
panel: both render the latest draft (an in-memory object, its relations not saved) through
`serve_preview`, with `request.is_preview` set.
"""

import pytest
from django.core.management import call_command
from wagtail.models import Page, get_page_models

from courses.models import CoursePage, LessonPage
from portal.pages.models import HomePage, StandardPage

from .conftest import make_course

pytestmark = pytest.mark.django_db


def preview_of(page, user):
    """The editor's preview of the page's latest draft, as `user` sees it."""
    from django.test import RequestFactory

    draft = page.get_latest_revision_as_object()
    request = RequestFactory().get(page.url or "/")
    request.user = user
    return draft.make_preview_request(original_request=request)


def test_every_page_type_of_the_demo_previews_as_its_reader_sees_it(django_user_model, settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    editor = django_user_model.objects.create_superuser("penyunting", password="x")
    HomePage.objects.get().add_child(instance=StandardPage(title="Tentang Kompeten", introduction="Halaman statis."))
    models = [model for model in get_page_models() if model is not Page]
    failures = []
    for model in models:
        page = model.objects.first()
        if page is None:
            failures.append(f"{model.__name__}: no page in the demo")
            continue
        page.save_revision()
        response = preview_of(page, editor)
        if response.status_code != 200:
            failures.append(f"{model.__name__}: {response.status_code}")
    assert not failures


def test_course_preview_keeps_the_prerequisites_of_the_draft_and_lists_lesson_drafts(hr):
    first = make_course("Dasar TIK")
    course = make_course("Keamanan Digital")
    course.prerequisites = [first]  # changed in the editor, not saved: an in-memory relation
    revision = course.save_revision()
    draft_lesson = LessonPage(title="Pelajaran baru", body=[], live=False)
    course.add_child(instance=draft_lesson)
    draft_lesson.save_revision()

    response = revision.as_object().make_preview_request()
    html = response.content.decode()

    assert response.status_code == 200
    assert "Dasar TIK" in html
    assert "Pelajaran baru" in html and "terbit bersama kursus ini" in html
    assert "Pratinjau" in html
    assert 'action="/kursus/' not in html  # nothing to send from a preview


def test_lesson_preview_shows_the_quiz_without_sending_it(hr):
    course = make_course()
    lesson = LessonPage.objects.child_of(course).order_by("path").last()
    lesson.title = "Kuis akhir (draf)"
    lesson.save_revision()

    response = lesson.get_latest_revision_as_object().make_preview_request()
    html = response.content.decode()

    assert response.status_code == 200
    assert "Kuis akhir (draf)" in html
    assert "Apa yang dilakukan saat menerima tautan mencurigakan?" in html
    assert "Kirim jawaban" in html and "disabled" in html
    assert "Melaporkannya ke tim TIK" in html
    assert "is_correct" not in html


def test_a_new_lesson_previews_before_its_first_save(hr):
    course = make_course()
    lesson = LessonPage(title="Belum disimpan", body=[])
    lesson.depth = course.depth + 1
    lesson.path = course.get_last_child()._inc_path()
    lesson.set_url_path(course)

    response = lesson.make_preview_request()

    assert response.status_code == 200
    assert "Belum disimpan" in response.content.decode()


def test_a_new_course_previews_before_its_first_save(hr):
    catalog = make_course().get_parent()
    course = CoursePage(title="Kursus baru", summary="Ringkasan.", jp=2)
    course.depth = catalog.depth + 1
    course.path = catalog.get_last_child()._inc_path()
    course.set_url_path(catalog)

    response = course.make_preview_request()

    assert response.status_code == 200
    assert "Kursus baru" in response.content.decode()
