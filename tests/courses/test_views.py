"""The learner's flow over HTTP: enrol, study, quiz, certificate; and other people's ids are 404."""

import pytest
from django.http import Http404
from django.urls import reverse

from courses import services
from courses.models import Certificate, Enrollment, LessonPage, QuizAttempt
from portal.people import roles

from .conftest import READING, correct_answers, make_course, wrong_answers


def post_quiz(client, lesson, answers, number):
    data = {f"q-{key}": value for key, value in answers.items()}
    data["attempt"] = str(number)
    return client.post(reverse("quiz_submit", args=[lesson.pk]), data, follow=True)


@pytest.mark.django_db
def test_learner_flow_end_to_end(client, pegawai, course, lessons, django_capture_on_commit_callbacks):
    client.force_login(pegawai)
    page = client.get(course.url).content.decode()
    assert "Daftar kursus ini" in page
    client.post(reverse("course_enroll", args=[course.pk]))
    enrollment = Enrollment.objects.get()
    assert client.get(lessons[1].url).status_code == 302  # locked until the first is done
    client.post(reverse("lesson_done", args=[lessons[0].pk]))
    response = post_quiz(client, lessons[1], wrong_answers(lessons[1]), 1)
    assert response.redirect_chain[-1][0] == lessons[1].url + "#hasil"
    assert "Belum mencapai nilai lulus 70" in response.content.decode()
    assert "Jangan klik tautan mencurigakan." in response.content.decode()  # feedback after submission
    with django_capture_on_commit_callbacks(execute=True):
        response = post_quiz(client, lessons[1], correct_answers(lessons[1]), 2)
    assert "Kursus selesai" in response.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.is_completed
    certificate = Certificate.objects.get()
    download = client.get(reverse("certificate_download", args=[certificate.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    verify = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "SAH" in verify and certificate.sha256 in verify and pegawai.employee.nip not in verify


@pytest.mark.django_db
def test_a_lesson_done_leads_to_the_next_live_lesson_even_one_just_published(client, pegawai):
    course = make_course("Urutan", lessons=(("A", READING), ("B", READING), ("C", READING)))
    first, second, third = LessonPage.objects.child_of(course).order_by("path")
    second.unpublish()
    client.force_login(pegawai)
    client.post(reverse("course_enroll", args=[course.pk]))
    assert client.get(first.url).status_code == 200  # the course's structure is read and kept
    assert client.post(reverse("lesson_done", args=[first.pk]))["Location"] == third.url
    second.save_revision().publish()
    # Marked done again (a second click): nothing more is recorded, and the way on is the new lesson.
    assert client.post(reverse("lesson_done", args=[first.pk]))["Location"] == second.url
    assert Enrollment.objects.get().progress.count() == 1
    client.post(reverse("lesson_done", args=[second.pk]))
    response = client.post(reverse("lesson_done", args=[third.pk]), follow=True)
    assert response.redirect_chain[-1][0] == course.url and "Kursus selesai" in response.content.decode()


@pytest.mark.django_db
def test_double_posted_quiz_gets_a_message_and_counts_once(client, pegawai, course, lessons):
    client.force_login(pegawai)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    post_quiz(client, lessons[1], wrong_answers(lessons[1]), 1)
    response = post_quiz(client, lessons[1], wrong_answers(lessons[1]), 1)
    assert "sudah dikirim sebelumnya" in response.content.decode()
    assert QuizAttempt.objects.count() == 1


@pytest.mark.django_db
def test_prerequisite_refusal_names_the_course(client, pegawai, course):
    advanced = make_course("Keamanan Lanjutan")
    advanced.prerequisites.add(course)
    advanced.save_revision().publish()
    client.force_login(pegawai)
    response = client.post(reverse("course_enroll", args=[advanced.pk]), follow=True)
    assert "Selesaikan dulu kursus prasyarat: Keamanan Digital" in response.content.decode()
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_someone_elses_ids_are_404(client, make_person, pegawai, course, lessons, other_unit):
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    attempt = services.quiz_submit(
        enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1
    )
    certificate = services.certificate_issue(enrollment_id=enrollment.pk)
    stranger = make_person(roles.PEGAWAI, unit=other_unit)
    client.force_login(stranger)
    assert client.get(reverse("attempt_detail", args=[attempt.pk])).status_code == 404
    assert client.get(reverse("certificate_download", args=[certificate.pk])).status_code == 404
    # Lessons and quiz posts of a course they are not enrolled in: 404 / sent back to the course.
    assert client.post(reverse("lesson_done", args=[lessons[0].pk])).status_code == 404
    assert client.post(reverse("quiz_submit", args=[lessons[1].pk]), {"attempt": "2"}).status_code == 404
    assert client.get(lessons[0].url).status_code == 302
    # The owner can see their own.
    client.force_login(pegawai)
    assert client.get(reverse("attempt_detail", args=[attempt.pk])).status_code == 200


@pytest.mark.django_db
def test_hr_may_download_any_certificate(client, pegawai, hr_with_mfa, course, lessons):
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    certificate = services.certificate_issue(enrollment_id=enrollment.pk)
    client.force_login(hr_with_mfa)
    assert client.get(reverse("certificate_download", args=[certificate.pk])).status_code == 200


@pytest.mark.django_db
def test_verification_of_unknown_and_revoked_certificates(client, pegawai, course, lessons):
    assert client.get(reverse("certificate_verify", args=["TIDAKADA1234"])).status_code == 404
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    certificate = services.certificate_issue(enrollment_id=enrollment.pk)
    valid = client.get(reverse("certificate_verify", args=[certificate.code]))
    assert "DICABUT" not in valid.content.decode() and "no-cache" in valid["Cache-Control"]
    # A visitor's copy is kept (a proxy must ask again each time) ...
    kept = client.get(reverse("certificate_verify", args=[certificate.code]))
    assert kept["X-Kompeten-Cache"] == "hit" and "DICABUT" not in kept.content.decode()
    services.certificate_revoke(certificate=certificate, reason="Data keliru: pegawai dijatuhi hukuman disiplin")
    # ... under the certificate's own version: the revocation shows at once.
    revoked = client.get(reverse("certificate_verify", args=[certificate.code]))
    assert revoked["X-Kompeten-Cache"] == "miss"
    html = revoked.content.decode()
    assert "DICABUT" in html
    assert client.get(reverse("certificate_verify", args=[certificate.code]))["X-Kompeten-Cache"] == "hit"
    html = client.get(reverse("certificate_verify", args=[certificate.code.lower()])).content.decode()
    assert "DICABUT" in html and "tidak berlaku lagi" in html
    assert "Data keliru" not in html and "hukuman" not in html  # HR's note about a person stays with HR


@pytest.mark.django_db
def test_forms_need_post(client, pegawai, course, lessons):
    client.force_login(pegawai)
    assert client.get(reverse("course_enroll", args=[course.pk])).status_code == 405
    assert client.get(reverse("quiz_submit", args=[lessons[1].pk])).status_code == 405


@pytest.mark.django_db
def test_anonymous_visitor_is_asked_to_log_in(client, course, lessons):
    assert "Masuk untuk mendaftar" in client.get(course.url).content.decode()
    assert client.get(lessons[0].url)["Location"].startswith("/accounts/login/")
    assert client.post(reverse("course_enroll", args=[course.pk]))["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_catalog_search_and_filters(client, course):
    make_course("Pelayanan Publik Prima", category="manajerial", jp=8, summary="Melayani warga dengan ramah.")
    html = client.get("/kursus/").content.decode()
    assert "Keamanan Digital" in html and "Pelayanan Publik Prima" in html
    html = client.get("/kursus/?kategori=manajerial").content.decode()
    assert "Pelayanan Publik Prima" in html and "Keamanan Digital" not in html
    html = client.get("/kursus/?jp=5-10").content.decode()
    assert "Pelayanan Publik Prima" in html and "Keamanan Digital" not in html
    html = client.get("/kursus/?q=pelayanan").content.decode()
    assert "Pelayanan Publik Prima" in html and "Keamanan Digital" not in html
    assert client.get("/kursus/?halaman=999&kategori=<script>").status_code == 200


@pytest.mark.django_db
def test_catalog_filters_by_competency_with_and_without_search(client, course):
    from competency.models import Competency
    from courses.models import CourseCompetency

    other = make_course("Pelayanan Publik Prima", category="manajerial", summary="Melayani warga.")
    CourseCompetency.objects.create(
        course=course, competency=Competency.objects.get(code="tik-keamanan-informasi"), target_level=3
    )
    html = client.get("/kursus/?kompetensi=tik-keamanan-informasi").content.decode()
    assert "Keamanan Digital" in html and other.title not in html
    assert '<option value="tik-keamanan-informasi" selected>' in html
    html = client.get("/kursus/?kompetensi=tik-keamanan-informasi&q=keamanan").content.decode()
    assert "Keamanan Digital" in html
    html = client.get("/kursus/?kompetensi=tik-keamanan-informasi&q=pelayanan").content.decode()
    assert other.title not in html
    page = client.get(course.url).content.decode()
    assert "Keamanan Informasi (level 3)" in page


def _certificate_of(employee, course, lessons):
    enrollment = services.enrollment_create(employee=employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    return services.certificate_issue(enrollment_id=enrollment.pk)


@pytest.mark.django_db
def test_the_public_page_shows_what_verification_needs_and_no_more(client, pegawai, course, lessons):
    pegawai.employee.nip = "199204202019032011"
    pegawai.employee.save(update_fields=["nip"])
    certificate = _certificate_of(pegawai.employee, course, lessons)
    assert certificate.score == 100 and certificate.holder_nip == "199204202019032011"
    response = client.get(reverse("certificate_verify", args=[certificate.code]))
    html = response.content.decode()
    assert response.status_code == 200
    for fact in [certificate.holder_name, "1992**********2011", "Keamanan Digital", "SAH", certificate.sha256]:
        assert fact in html, fact
    assert "199204202019032011" not in html and "20190320" not in html
    assert "Nilai" not in html and ">100<" not in html
    # Out of search engines, by the page and by the header.
    assert '<meta name="robots" content="noindex' in html
    assert "noindex" in response["X-Robots-Tag"]
    unknown = client.get(reverse("certificate_verify", args=["TIDAKADA1234"]))
    assert unknown.status_code == 404 and "noindex" in unknown["X-Robots-Tag"]


@pytest.mark.django_db
def test_certificate_pdfs_have_no_public_url(client, pegawai, course, lessons, settings, tmp_path):
    from pathlib import Path

    from django.views.static import serve

    settings.MEDIA_ROOT = str(tmp_path / "media")
    certificate = _certificate_of(pegawai.employee, course, lessons)
    stored = Path(certificate.pdf.path).resolve()
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError):
        certificate.pdf.url  # noqa: B018 (there is no URL to give out)
    # A guessed /media/ URL finds nothing, even where /media/ is served (DEBUG's static view).
    assert client.get(f"/media/{certificate.pdf.name}").status_code == 404
    request = client.get("/").wsgi_request
    with pytest.raises(Http404):
        serve(request, certificate.pdf.name, document_root=settings.MEDIA_ROOT)
    # The holder gets it through the view.
    client.force_login(pegawai)
    download = client.get(reverse("certificate_download", args=[certificate.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert "no-store" in download["Cache-Control"]


@pytest.mark.django_db
def test_the_course_trainer_may_download_a_learners_certificate_another_trainer_not(
    client, pegawai, pelatih, make_person, with_totp, course, lessons
):
    certificate = _certificate_of(pegawai.employee, course, lessons)
    url = reverse("certificate_download", args=[certificate.pk])
    other_trainer = make_person(roles.PELATIH)
    with_totp(pelatih)
    with_totp(other_trainer)
    services.course_trainer_add(course=course, user=pelatih)
    client.force_login(other_trainer)
    assert client.get(url).status_code == 404
    client.force_login(pelatih)
    assert client.get(url).status_code == 200
