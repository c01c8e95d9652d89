"""The dashboard's own lists run SQL compiled once per process (portal.prepared): each must give the
instances its queryset gives, what select_related names and the annotations included, for a person
with every kind of row and for one with none."""

import datetime

import pytest
from django.db.models import Count
from django.utils import timezone

from appraisal_link.models import Assignment
from appraisal_link.selectors import assignments_of
from competency.models import Competency, Gap
from competency.selectors import _by_size, open_gaps_for
from courses import services
from courses.models import Enrollment
from courses.selectors import certificate_of, my_courses, my_enrollments
from courses.services.certificates import certificate_issue

from ..courses.conftest import READING, make_course
from ..instances import instance_state

pytestmark = pytest.mark.django_db


def _states(instances) -> list:
    return [instance_state(instance) for instance in instances]


def _enrollments(employee):
    return Enrollment.objects.filter(employee=employee).select_related("course", "certificate")


@pytest.fixture
def people(pegawai, atasan, hr):
    """The learner with finished, open and assigned courses, gaps of every status; their supervisor
    with rows of their own; HR with none."""
    me = pegawai.employee
    finished = make_course("Keamanan Digital", lessons=(("Kata sandi", READING), ("Phishing", READING)))
    studying, assigned = make_course("Tata Naskah"), make_course("SRIKANDI")
    done = services.enrollment_create(employee=me, course=finished)
    for lesson in finished.get_children().specific():
        services.lesson_mark_done(enrollment=done, lesson=lesson)
    certificate_issue(enrollment_id=done.pk)
    open_one = services.enrollment_create(employee=me, course=studying)
    services.lesson_mark_done(enrollment=open_one, lesson=studying.get_children().specific().first())
    Enrollment.objects.filter(pk=open_one.pk).update(due_at=timezone.now() + datetime.timedelta(days=3))
    services.enrollment_create(employee=atasan.employee, course=studying)
    soon = timezone.localdate() + datetime.timedelta(days=5)
    Assignment.objects.create(employee=me, course=studying, enrollment=open_one, due_date=soon, assigned_by=hr)
    Assignment.objects.create(employee=me, course=assigned, due_date=soon + datetime.timedelta(days=9), assigned_by=hr)
    Assignment.objects.create(employee=me, course=finished, due_date=soon, assigned_by=hr, cancelled_at=timezone.now())
    Assignment.objects.create(employee=atasan.employee, course=assigned, due_date=soon, assigned_by=hr)
    integrity = Competency.objects.get(code="integritas")
    security = Competency.objects.get(code="tik-keamanan-informasi")
    for employee, competency, required, status in (
        (me, integrity, 4, Gap.Status.OPEN),
        (me, security, 2, Gap.Status.OPEN),
        (me, Competency.objects.get(code="komunikasi"), 5, Gap.Status.CLOSED),
        (atasan.employee, integrity, 3, Gap.Status.OPEN),
    ):
        Gap.objects.create(
            employee=employee,
            competency=competency,
            source=Gap.Source.APPRAISAL,
            origin=f"penilaian:2025:tahunan:{competency.code}",
            reason="karena penilaian 2025",
            required_level=required,
            current_level=1,
            status=status,
            closed_at=timezone.now() if status == Gap.Status.CLOSED else None,
        )
    return me, atasan.employee, hr.employee


def test_the_enrolments_are_the_querysets(people, django_assert_num_queries):
    for employee in people:
        expected = _enrollments(employee).order_by("completed_at", "due_at", "-enrolled_at")
        assert _states(my_enrollments(employee=employee)) == _states(expected)
    me = people[0]
    with django_assert_num_queries(1):
        assert [(e.course.title, certificate_of(e) is not None) for e in my_enrollments(employee=me)] == [
            ("Keamanan Digital", True),
            ("Tata Naskah", False),
        ]


def test_the_courses_carry_their_counts_as_the_querysets_do(people, django_assert_num_queries):
    for employee in people:
        expected = list(
            _enrollments(employee)
            .order_by("completed_at", "due_at", "-enrolled_at")
            .annotate(lessons_done=Count("progress", distinct=True))
        )
        found = my_courses(employee=employee)
        for enrollment in found:
            del enrollment.lessons_total, enrollment.progress_percent
        assert _states(found) == _states(expected)
    with django_assert_num_queries(1):  # the lesson totals are kept
        assert [(e.course.title, e.lessons_done, e.progress_percent) for e in my_courses(employee=people[0])] == [
            ("Keamanan Digital", 2, 100),
            ("Tata Naskah", 1, 50),
        ]


def test_the_assignments_are_the_querysets(people):
    for employee in people:
        expected = (
            Assignment.objects.filter(employee=employee, cancelled_at__isnull=True)
            .select_related("course", "enrollment")
            .order_by("due_date")
        )
        assert _states(assignments_of(employee=employee)) == _states(expected)
    assert [(a.course.title, a.enrollment is not None) for a in assignments_of(employee=people[0])] == [
        ("Tata Naskah", True),
        ("SRIKANDI", False),
    ]


def test_the_open_gaps_are_the_querysets(people):
    for employee in people:
        gaps = Gap.objects.filter(employee=employee, status=Gap.Status.OPEN).select_related("competency")
        expected = _by_size(gaps).order_by("-gap_size", "competency__name", "origin")
        assert _states(open_gaps_for(employee=employee)) == _states(expected)
    assert [(gap.competency.code, gap.gap_size) for gap in open_gaps_for(employee=people[0])] == [
        ("integritas", 3),
        ("tik-keamanan-informasi", 1),
    ]
