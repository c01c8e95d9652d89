"""The runtime's commits: what a package reports is checked and kept, the learner resumes where they
left off, and a package that says the lesson is done completes it once."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import LessonPage, LessonProgress
from courses.scorm.models import ScormAttempt
from courses.scorm.services import package_create

from ..courses.conftest import make_course
from .test_packages import minimal, package

pytestmark = pytest.mark.django_db


def scorm_course(hr, version="1.2", mastery=None):
    manifest = minimal("mulai.html", version)
    if mastery is not None:
        manifest = manifest.replace(
            "<title>Etika ASN</title></item>",
            f"<title>Etika ASN</title><adlcp:masteryscore>{mastery}</adlcp:masteryscore></item>",
        )
    files = {"imsmanifest.xml": manifest, ("konten/mulai.html" if version == "2004" else "mulai.html"): "<p>"}
    kept = package_create(file=package(files), name="p.zip", by=hr)
    course = make_course("Etika Digital")
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    lesson.scorm_package = kept
    lesson.save_revision().publish()
    return course, LessonPage.objects.get(pk=lesson.pk)


@pytest.fixture
def learner(client, pegawai):
    client.force_login(pegawai)
    return pegawai


def commit(client, lesson, data, **extra):
    return client.post(
        reverse("scorm_commit", args=[lesson.pk]), json.dumps(data), content_type="application/json", **extra
    )


def config_of(client, lesson) -> dict:
    page = client.get(lesson.url).content.decode()
    start = page.index('<script id="scorm-config" type="application/json">') + len(
        '<script id="scorm-config" type="application/json">'
    )
    return json.loads(page[start : page.index("</script>", start)])


def test_scorm_12_status_score_and_resume(client, learner, hr):
    course, lesson = scorm_course(hr)
    enrollment = services.enrollment_create(employee=learner.employee, course=course)
    config = config_of(client, lesson)
    assert (config["version"], config["state"]["entry"], config["learnerId"]) == (
        "1.2",
        "ab-initio",
        str(learner.employee.pk),
    )

    answer = commit(
        client,
        lesson,
        {
            "lesson_status": "incomplete",
            "location": "slide-3",
            "suspend_data": "a=1;b=2",
            "session_time": "0000:05:30.00",
        },
    )
    assert answer.json() == {"ok": True, "completed": False, "next_url": None}
    state = config_of(client, lesson)["state"]
    assert (state["entry"], state["location"], state["suspend_data"], state["total_seconds"]) == (
        "resume",
        "slide-3",
        "a=1;b=2",
        330,
    )
    assert not LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).exists()

    commit(client, lesson, {"session_time": "0001:00:00"})
    assert ScormAttempt.objects.get().total_seconds == 330 + 3600

    answer = commit(client, lesson, {"lesson_status": "completed", "score_raw": "85", "score_max": "100"})
    quiz = LessonPage.objects.child_of(course).order_by("path").last()
    assert answer.json() == {"ok": True, "completed": True, "next_url": quiz.url}
    commit(client, lesson, {"lesson_status": "completed"})  # again: still one completion
    assert LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).count() == 1
    attempt = ScormAttempt.objects.get()
    assert (attempt.lesson_status, attempt.score_raw, attempt.completed_at is not None) == ("completed", 85.0, True)


def test_scorm_12_mastery_score(client, learner, hr):
    course, lesson = scorm_course(hr, mastery=80)
    services.enrollment_create(employee=learner.employee, course=course)
    assert commit(client, lesson, {"lesson_status": "completed", "score_raw": "60"}).json()["completed"] is False
    assert commit(client, lesson, {"lesson_status": "passed", "score_raw": "90"}).json()["completed"] is True


def test_scorm_2004_completion_and_success(client, learner, hr):
    course, lesson = scorm_course(hr, version="2004")
    enrollment = services.enrollment_create(employee=learner.employee, course=course)
    assert config_of(client, lesson)["version"] == "2004"
    failed = {
        "completion_status": "completed",
        "success_status": "failed",
        "score_scaled": "0.4",
        "session_time": "PT2M5S",
    }
    assert commit(client, lesson, failed).json()["completed"] is False
    assert commit(client, lesson, {"success_status": "passed", "score_scaled": "0.9"}).json()["completed"] is True
    assert ScormAttempt.objects.get().total_seconds == 125
    assert LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).count() == 1


def test_completing_the_last_lesson_completes_the_course_once(client, learner, hr):
    course, lesson = scorm_course(hr)
    enrollment = services.enrollment_create(employee=learner.employee, course=course)
    from ..courses.conftest import correct_answers

    quiz = LessonPage.objects.child_of(course).order_by("path").last()
    commit(client, lesson, {"lesson_status": "passed"})
    services.quiz_submit(enrollment=enrollment, lesson=quiz, answers=correct_answers(quiz), number=1)
    enrollment.refresh_from_db()
    assert enrollment.is_completed and enrollment.jp_awarded == course.jp


@pytest.mark.parametrize(
    "data, message",
    [
        ({"lesson_status": "selesai"}, "Status selesai tidak dikenal."),
        ({"suspend_data": "x" * 5000}, "suspend_data terlalu panjang"),
        ({"session_time": "lima menit"}, "Waktu sesi tidak sah"),
        ({"score_raw": "sembilan"}, "Nilai score_raw bukan angka."),
        ({"location": ["bukan", "teks"]}, "location harus berupa teks."),
    ],
)
def test_bad_values_are_refused_and_nothing_is_kept(client, learner, hr, data, message):
    course, lesson = scorm_course(hr)
    services.enrollment_create(employee=learner.employee, course=course)
    answer = commit(client, lesson, data)
    assert answer.status_code == 400 and message in answer.json()["error"]
    assert not ScormAttempt.objects.exists()


def test_forged_requests(client, learner, hr, make_person):
    course, lesson = scorm_course(hr)
    url = reverse("scorm_commit", args=[lesson.pk])
    assert commit(client, lesson, {"lesson_status": "completed"}).status_code == 404  # not enrolled
    services.enrollment_create(employee=learner.employee, course=course)
    assert client.post(url, "[1, 2]", content_type="application/json").status_code == 400
    assert client.post(url, "{bukan json", content_type="application/json").status_code == 400
    assert (
        client.post(url, json.dumps({"suspend_data": "x" * 200_000}), content_type="application/json").status_code
        == 413
    )
    assert client.get(url).status_code == 405
    quiz = LessonPage.objects.child_of(course).order_by("path").last()
    assert commit(client, quiz, {"lesson_status": "completed"}).status_code == 404  # no package there
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert commit(strict, lesson, {"lesson_status": "completed"}).status_code == 403
    token = config_of(strict, lesson)["csrfToken"]
    assert commit(strict, lesson, {"lesson_status": "completed"}, HTTP_X_CSRFTOKEN=token).status_code == 200


def test_the_learner_cannot_mark_it_done_by_hand(client, learner, hr):
    course, lesson = scorm_course(hr)
    enrollment = services.enrollment_create(employee=learner.employee, course=course)
    page = client.get(lesson.url).content.decode()
    assert "Tandai selesai dan lanjut" not in page and "menyatakan selesai" in page
    response = client.post(reverse("lesson_done", args=[lesson.pk]), follow=True)
    assert "Pelajaran ini selesai saat materi SCORM-nya menyatakan selesai." in response.content.decode()
    assert not LessonProgress.objects.filter(enrollment=enrollment).exists()


def test_hr_and_the_courses_trainer_see_each_learners_scorm_status_and_score(
    client, learner, hr, hr_with_mfa, pelatih_with_mfa
):
    from courses.models import CourseTrainer

    course, lesson = scorm_course(hr)
    services.enrollment_create(employee=learner.employee, course=course)
    commit(client, lesson, {"lesson_status": "passed", "score_raw": "88"})
    CourseTrainer.objects.get_or_create(course=course, user=pelatih_with_mfa)
    for staff in (hr_with_mfa, pelatih_with_mfa):
        client.force_login(staff)
        page = client.get(reverse("course_report", args=[course.pk])).content.decode()
        assert "Kata sandi: passed, 88" in page
    export = client.get(reverse("course_report", args=[course.pk]) + "?format=csv")
    text = (
        b"".join(export.streaming_content).decode("utf-8-sig")
        if export.streaming
        else export.content.decode("utf-8-sig")
    )
    assert "SCORM (pelajaran: status, nilai)" in text and "Kata sandi: passed, 88" in text


def test_my_data_shows_the_attempts_and_anonymising_clears_what_the_package_kept(client, learner, hr, hr_with_mfa):
    from courses.scorm.anonymising import scorm_records_anonymise

    course, lesson = scorm_course(hr)
    services.enrollment_create(employee=learner.employee, course=course)
    commit(client, lesson, {"lesson_status": "incomplete", "location": "slide-7", "suspend_data": "jawaban=Bapak Budi"})
    page = client.get(reverse("my_data")).content.decode()
    assert "Materi SCORM yang Anda putar" in page and "jawaban=Bapak Budi" in page and "slide-7" in page

    assert scorm_records_anonymise(employee=learner.employee) == 1
    attempt = ScormAttempt.objects.get()
    assert (attempt.suspend_data, attempt.location, attempt.lesson_status) == ("", "", "incomplete")
