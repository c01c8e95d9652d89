"""The rules of enrolling, studying, grading, completing, JP and certificates."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from courses import ledger, services
from courses.models import Certificate, CoursePage, Enrollment, LessonProgress, QuizAttempt
from courses.structure import course_structure

from .conftest import correct_answers, make_course, wrong_answers


@pytest.fixture
def enrollment(pegawai, course):
    return services.enrollment_create(employee=pegawai.employee, course=course)


def finish(enrollment, lessons):
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    return services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)


@pytest.mark.django_db
def test_enrolling_twice_returns_the_same_enrolment(pegawai, course, enrollment):
    again = services.enrollment_create(employee=pegawai.employee, course=course)
    assert again.pk == enrollment.pk
    assert Enrollment.objects.count() == 1


@pytest.mark.django_db
def test_deadline_days_set_the_due_date(pegawai):
    course = make_course(deadline_days=30)
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    assert (enrollment.due_at - timezone.now()).days in (29, 30)


@pytest.mark.django_db
def test_missing_prerequisites_are_named(pegawai, course):
    advanced = make_course("Keamanan Lanjutan")
    advanced.prerequisites.add(course)
    advanced.save_revision().publish()
    with pytest.raises(ValidationError) as error:
        services.enrollment_create(employee=pegawai.employee, course=CoursePage.objects.get(pk=advanced.pk))
    assert error.value.code == "prerequisites" and "Keamanan Digital" in error.value.messages[0]  # named
    assert not Enrollment.objects.filter(course=advanced).exists()


@pytest.mark.django_db
def test_enrolment_checks_a_kept_course_changed_a_moment_ago(pegawai, course):
    """The lessons and prerequisites are read from the course's kept structure, which a page
    published or unpublished makes old at once."""
    advanced = make_course("Keamanan Lanjutan")
    course_structure(advanced)  # kept, as its page keeps it
    advanced.prerequisites.add(course)
    advanced.save_revision().publish()
    with pytest.raises(ValidationError) as error:
        services.enrollment_create(employee=pegawai.employee, course=CoursePage.objects.get(pk=advanced.pk))
    assert error.value.code == "prerequisites"
    single = make_course("Satu pelajaran", lessons=(("Satu", ""),))
    course_structure(single)
    single.get_children().first().unpublish()
    with pytest.raises(ValidationError) as error:
        services.enrollment_create(employee=pegawai.employee, course=CoursePage.objects.get(pk=single.pk))
    assert error.value.code == "no_lessons"
    assert not Enrollment.objects.filter(employee=pegawai.employee).exists()


@pytest.mark.django_db
def test_enrolling_in_a_kept_course_reads_neither_its_lessons_nor_its_prerequisites(
    pegawai, course, django_assert_num_queries
):
    course_structure(course)
    with django_assert_num_queries(4) as queries:  # its enrolment looked for, then written (a savepoint)
        services.enrollment_create(employee=pegawai.employee, course=course)
    assert not [q["sql"] for q in queries.captured_queries if "lessonpage" in q["sql"] or "prerequisite" in q["sql"]]


@pytest.mark.django_db
def test_prerequisites_met_after_completion(pegawai, course, enrollment, lessons):
    finish(enrollment, lessons)
    advanced = make_course("Keamanan Lanjutan")
    advanced.prerequisites.add(course)
    advanced.save_revision().publish()
    assert services.enrollment_create(employee=pegawai.employee, course=CoursePage.objects.get(pk=advanced.pk))


@pytest.mark.django_db
def test_assignment_only_course_refuses_self_enrolment_but_not_hr(pegawai):
    course = make_course(enrolment=CoursePage.Enrolment.ASSIGNED)
    with pytest.raises(ValidationError) as refused:
        services.enrollment_create(employee=pegawai.employee, course=course)
    assert refused.value.code == "assignment_only"
    assigned = services.enrollment_create(employee=pegawai.employee, course=course, source=Enrollment.Source.ASSIGNED)
    assert assigned.source == "penugasan"


@pytest.mark.django_db
def test_lessons_are_studied_in_order(enrollment, lessons):
    with pytest.raises(ValidationError) as refused:
        services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    assert refused.value.code == "out_of_order"
    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_quiz_lesson_cannot_be_marked_done_without_passing(enrollment, lessons):
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    with pytest.raises(ValidationError):
        services.lesson_mark_done(enrollment=enrollment, lesson=lessons[1])


@pytest.mark.django_db
def test_failed_attempt_is_kept_and_is_not_a_completion(enrollment, lessons):
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    attempt = services.quiz_submit(
        enrollment=enrollment, lesson=lessons[1], answers=wrong_answers(lessons[1]), number=1
    )
    assert attempt.score == 0 and not attempt.passed
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None and enrollment.jp_awarded == 0
    assert not LessonProgress.objects.filter(lesson=lessons[1]).exists()


@pytest.mark.django_db
def test_pass_mark_decides(enrollment, lessons):
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    half = correct_answers(lessons[1])
    first_id = next(iter(half))
    half[first_id] = wrong_answers(lessons[1])[first_id]
    attempt = services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=half, number=1)
    assert attempt.score == 50 and not attempt.passed  # pass mark 70


@pytest.mark.django_db
def test_completion_records_jp_for_the_year_and_issues_a_certificate(
    enrollment, lessons, django_capture_on_commit_callbacks
):
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=wrong_answers(lessons[1]), number=1)
    with django_capture_on_commit_callbacks(execute=True):
        attempt = services.quiz_submit(
            enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=2
        )
    assert attempt.passed and attempt.score == 100
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert enrollment.jp_awarded == 4
    assert enrollment.jp_year == timezone.localdate().year
    assert enrollment.final_score == 100
    assert ledger.jp_for_year(employee=enrollment.employee, year=timezone.localdate().year) == 4
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.holder_nip == enrollment.employee.nip
    assert certificate.jp == 4 and certificate.score == 100
    with certificate.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF")
    assert hashlib.sha256(content).hexdigest() == certificate.sha256


@pytest.mark.django_db
def test_completion_is_recorded_once(enrollment, lessons):
    finish(enrollment, lessons)
    completed_at = Enrollment.objects.get(pk=enrollment.pk).completed_at
    assert services.enrollment_complete_if_done(enrollment=enrollment) is False
    assert Enrollment.objects.get(pk=enrollment.pk).completed_at == completed_at
    assert ledger.jp_for_year(employee=enrollment.employee, year=timezone.localdate().year) == 4


@pytest.mark.django_db
def test_issuing_twice_yields_the_same_certificate(enrollment, lessons):
    finish(enrollment, lessons)
    first = services.certificate_issue(enrollment_id=enrollment.pk)
    second = services.certificate_issue(enrollment_id=enrollment.pk)
    assert first.pk == second.pk and first.code == second.code
    assert Certificate.objects.count() == 1


@pytest.mark.django_db
def test_no_certificate_before_completion(enrollment):
    with pytest.raises(ValidationError):
        services.certificate_issue(enrollment_id=enrollment.pk)


@pytest.mark.django_db
def test_revoking_requires_a_reason(enrollment, lessons):
    finish(enrollment, lessons)
    certificate = services.certificate_issue(enrollment_id=enrollment.pk)
    with pytest.raises(ValidationError):
        services.certificate_revoke(certificate=certificate, reason="  ")
    services.certificate_revoke(certificate=certificate, reason="Data pegawai keliru")
    assert Certificate.objects.get(pk=certificate.pk).is_revoked


@pytest.mark.django_db
def test_unpublished_lessons_do_not_block_completion(enrollment, lessons, course):
    from courses.models import LessonPage

    draft = course.add_child(instance=LessonPage(title="Draf", body=[]))
    draft.unpublish()
    finish(enrollment, lessons)
    assert Enrollment.objects.get(pk=enrollment.pk).is_completed


@pytest.mark.django_db
def test_a_lesson_published_before_one_already_done_completes_the_course_once_done(pegawai):
    """The completion check counts what the post read before its write: a lesson done earlier,
    after the one just done, counts too (here the trainer published a new first lesson after the
    learner had done the old one)."""
    from courses.models import LessonPage

    from .conftest import READING

    course = make_course("Urutan", lessons=(("Kedua", READING),))
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    second = LessonPage.objects.child_of(course).get()
    services.lesson_mark_done(enrollment=enrollment, lesson=second)
    assert Enrollment.objects.get(pk=enrollment.pk).is_completed
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=None, jp_awarded=0, jp_year=None, final_score=None)
    first = course.add_child(instance=LessonPage(title="Pertama", body=READING))
    first.save_revision().publish()
    course.get_children().get(pk=first.pk).move(second, pos="left")  # before the one done
    enrollment = Enrollment.objects.select_related("course").get(pk=enrollment.pk)
    assert [pk for pk, _done in services.enrollment._lessons_done(enrollment)] == [first.pk, second.pk]

    services.lesson_mark_done(enrollment=enrollment, lesson=LessonPage.objects.get(pk=first.pk))
    assert Enrollment.objects.get(pk=enrollment.pk).is_completed


@pytest.mark.django_db
def test_a_double_post_of_the_last_lesson_completes_the_course_once(enrollment, lessons):
    finish(enrollment, lessons)
    completed_at = Enrollment.objects.get(pk=enrollment.pk).completed_at
    again = Enrollment.objects.select_related("course").get(pk=enrollment.pk)
    services.lesson_mark_done(enrollment=again, lesson=lessons[0])  # done already: nothing new
    assert Enrollment.objects.get(pk=enrollment.pk).completed_at == completed_at
    assert Certificate.objects.count() <= 1
