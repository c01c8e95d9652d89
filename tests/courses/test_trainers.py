"""A course has its trainers (the author first, then whoever HR adds); a trainer sees the report,
learners, attempts and exports of those courses only, and only with a second factor."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import CourseIndexPage, CoursePage, CourseTrainer
from portal.people import roles

from .conftest import correct_answers, make_course


@pytest.fixture
def trainer_a(make_person, with_totp):
    user = make_person(roles.PELATIH, first_name="Hendra")
    with_totp(user)
    return user


@pytest.fixture
def trainer_b(make_person, with_totp):
    user = make_person(roles.PELATIH, first_name="Yusuf")
    with_totp(user)
    return user


@pytest.fixture
def course_of_a(trainer_a, pegawai):
    course = make_course("Keamanan Digital", owner=trainer_a)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    lessons = [lesson.specific for lesson in course.get_children().order_by("path")]
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    return course


def report_urls(course):
    url = reverse("course_report", args=[course.pk])
    return [url, url + "?format=csv", url + "?format=xlsx"]


@pytest.mark.django_db
def test_the_author_is_the_first_trainer(course_of_a, trainer_a):
    assert list(CourseTrainer.objects.filter(course=course_of_a).values_list("user", flat=True)) == [trainer_a.pk]


@pytest.mark.django_db
def test_a_trainer_sees_their_courses_learners_and_exports(client, trainer_a, course_of_a, pegawai):
    client.force_login(trainer_a)
    for url in report_urls(course_of_a):
        response = client.get(url)
        assert response.status_code == 200, url
    csv = client.get(report_urls(course_of_a)[1]).content.decode("utf-8-sig")
    assert pegawai.employee.nip in csv


@pytest.mark.django_db
def test_another_trainer_gets_404_on_the_report_and_exports(client, trainer_b, course_of_a, pegawai):
    client.force_login(trainer_b)
    assert course_of_a.permissions_for_user(trainer_b).can_edit()  # may edit it, yet not see its learners
    for url in report_urls(course_of_a):
        response = client.get(url)
        assert response.status_code == 404, url
        assert pegawai.employee.nip.encode() not in response.content
    assert client.get(reverse("course_report", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_the_report_index_lists_only_the_trainers_courses(client, trainer_a, trainer_b, course_of_a):
    own = make_course("Etika Pelayanan", owner=trainer_b)
    client.force_login(trainer_b)
    html = client.get(reverse("course_report_index")).content.decode()
    assert own.title in html and course_of_a.title not in html


@pytest.mark.django_db
def test_the_explorer_offers_the_report_only_for_trained_courses(client, trainer_a, trainer_b, course_of_a):
    own = make_course("Etika Pelayanan", owner=trainer_b)
    client.force_login(trainer_b)
    html = client.get(reverse("wagtailadmin_explore", args=[CourseIndexPage.objects.get().pk])).content.decode()
    assert reverse("course_report", args=[own.pk]) in html
    assert reverse("course_report", args=[course_of_a.pk]) not in html


@pytest.mark.django_db
def test_hr_sees_every_course(client, hr_with_mfa, course_of_a):
    client.force_login(hr_with_mfa)
    assert course_of_a.title in client.get(reverse("course_report_index")).content.decode()
    for url in report_urls(course_of_a):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_trainer_without_totp_is_sent_to_set_it_up(client, make_person, pegawai):
    trainer = make_person(roles.PELATIH)
    course = make_course("Keamanan Digital", owner=trainer)
    services.enrollment_create(employee=pegawai.employee, course=course)
    client.force_login(trainer)
    for url in [*report_urls(course), reverse("course_report_index")]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp"), url


@pytest.mark.django_db
def test_hr_adds_and_removes_a_trainer(client, hr_with_mfa, trainer_a, trainer_b, course_of_a):
    url = reverse("course_trainers", args=[course_of_a.pk])
    client.force_login(hr_with_mfa)
    report = client.get(reverse("course_report", args=[course_of_a.pk])).content.decode()
    assert "Yusuf" in report  # offered in the list of trainers to add
    response = client.post(url, {"user": trainer_b.pk}, follow=True)
    assert "kini pelatih kursus ini" in response.content.decode()

    client.force_login(trainer_b)
    assert client.get(reverse("course_report", args=[course_of_a.pk])).status_code == 200

    client.force_login(hr_with_mfa)
    response = client.post(url, {"remove": trainer_b.pk}, follow=True)
    assert "bukan lagi pelatih kursus ini" in response.content.decode()
    client.force_login(trainer_b)
    assert client.get(reverse("course_report", args=[course_of_a.pk])).status_code == 404


@pytest.mark.django_db
def test_only_trainer_accounts_can_be_added_and_bad_input_is_400(client, hr_with_mfa, pegawai, course_of_a):
    url = reverse("course_trainers", args=[course_of_a.pk])
    client.force_login(hr_with_mfa)
    response = client.post(url, {"user": pegawai.pk})
    assert response.status_code == 400
    assert response.context["trainer_form"].has_error("user", code="invalid_choice")
    for garbage in ("abc", "999999", ""):
        response = client.post(url, {"remove": garbage})
        assert response.status_code == 400, garbage
        assert "Akun itu bukan pelatih kursus ini." in response.content.decode()
    assert not CourseTrainer.objects.filter(user=pegawai).exists()


@pytest.mark.django_db
def test_a_trainer_cannot_name_trainers(client, trainer_a, trainer_b, course_of_a):
    client.force_login(trainer_a)
    url = reverse("course_trainers", args=[course_of_a.pk])
    # HR's screens answer anyone else with a plain 403 (portal.people.admin_access).
    for data in ({"user": trainer_b.pk}, {"remove": trainer_a.pk}):
        assert client.post(url, data).status_code == 403
    assert client.get(url).status_code == 405
    assert list(course_of_a.trainers.values_list("user", flat=True)) == [trainer_a.pk]


@pytest.mark.django_db
def test_a_trainer_added_twice_is_one_trainer(trainer_a, course_of_a):
    services.course_trainer_add(course=course_of_a, user=trainer_a)
    services.course_trainer_add(course=course_of_a, user=trainer_a)
    assert CourseTrainer.objects.filter(course=course_of_a).count() == 1
    assert CoursePage.objects.get(pk=course_of_a.pk).trainers.count() == 1
