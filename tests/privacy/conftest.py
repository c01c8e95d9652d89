"""Fixtures for the privacy tests: one employee's records in every app."""

import datetime

import pytest
from django.utils import timezone

from appraisal_link.models import Appraisal, Assignment
from competency.models import Assessment, Competency, Gap
from courses import services as course_services
from courses.models import LessonPage
from portal.notifications.models import Kind, Notification

from ..courses.conftest import correct_answers, make_course


@pytest.fixture
def media_root(settings, tmp_path):
    """Public and private files of the test go to temporary folders."""
    folder = tmp_path / "media"
    folder.mkdir()
    settings.MEDIA_ROOT = str(folder)
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private-media")
    return folder


@pytest.fixture
def records_of(media_root):
    """Give an employee a record in every app: an appraisal, an assessment, a gap, an assignment, a
    completed course with a quiz attempt and a certificate (PDF on disk), and a notification."""

    def give(employee, *, course_title="Keamanan Digital", year=2026):
        competency = Competency.objects.get(code="integritas")
        Appraisal.objects.create(
            employee=employee,
            year=year,
            period=Appraisal.Period.ANNUAL,
            hasil_kerja="sesuai",
            perilaku_kerja="di_bawah",
            predikat="butuh_perbaikan",
            akuntabel="di_bawah",
            notes=f"Catatan atasan tentang {employee.name}.",
        )
        Assessment.objects.create(
            employee=employee,
            competency=competency,
            level=2,
            source="atasan",
            assessed_on=datetime.date(2026, 3, 1),
            note=f"Diamati langsung pada {employee.name}.",
        )
        gap = Gap.objects.create(
            employee=employee,
            competency=competency,
            source=Gap.Source.APPRAISAL,
            origin=f"penilaian:{year}:tahunan:akuntabel",
            reason="Akuntabel di bawah ekspektasi (SKP 2026).",
            required_level=3,
            current_level=2,
        )
        course = make_course(course_title)
        lessons = list(LessonPage.objects.child_of(course).order_by("path"))
        enrollment = course_services.enrollment_create(employee=employee, course=course)
        course_services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
        course_services.quiz_submit(
            enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1
        )
        certificate = course_services.certificate_issue(enrollment_id=enrollment.pk)
        Assignment.objects.create(
            employee=employee,
            course=course,
            enrollment=enrollment,
            gap=gap,
            reason="Untuk kesenjangan Integritas.",
            due_date=datetime.date(2026, 12, 31),
        )
        from django.core.files.base import ContentFile

        from courses.development.models import DevelopmentPlan, ExternalActivity, PlanItem

        activity = ExternalActivity(
            employee=employee,
            kind="bimtek",
            title=f"Bimtek {course_title}",
            organiser="BSSN",
            starts_on=datetime.date(year, 3, 2),
            ends_on=datetime.date(year, 3, 3),
            jp=16,
            title_key=f"bimtek {course_title}".casefold(),
            organiser_key="bssn",
            certificate_number=f"445/{employee.nip}/BSSN",  # some organisers number by NIP
            status=ExternalActivity.Status.REJECTED,
            rejection_reason=f"Sertifikat {employee.name} tidak terbaca.",
        )
        activity.proof.save("bukti.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        plan = DevelopmentPlan.objects.create(
            employee=employee, year=year, supervisor_note=f"Catatan untuk {employee.name}."
        )
        PlanItem.objects.create(
            plan=plan,
            goal=f"Tujuan pribadi {employee.name}",
            activity_kind="kursus",
            activity_title="Kursus",
            quarter=2,
            jp=20,
        )
        if employee.user_id:
            Notification.objects.create(
                user=employee.user,
                kind=Kind.APPRAISAL_UPDATED,
                key=f"appraisal:{course_title}",
                title=f"Penilaian diperbarui ({course_title})",
                created_at=timezone.now(),
            )
        return {
            "course": course,
            "certificate": certificate,
            "gap": gap,
            "enrollment": enrollment,
            "activity": activity,
            "plan": plan,
        }

    return give
