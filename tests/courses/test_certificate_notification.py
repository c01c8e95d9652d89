"""A certificate issued tells its holder once, with the link the dashboard uses to download it."""

import pytest
from django.core import mail

from courses import services
from courses.models import Certificate
from portal.notifications.models import Kind, Notification

from ..factories import EmployeeFactory
from .conftest import correct_answers


@pytest.fixture
def notify_media(settings, tmp_path):
    """Issued PDFs go to a temporary folder."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def complete(employee, course, lessons):
    enrollment = services.enrollment_create(employee=employee, course=course)
    services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    services.quiz_submit(enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1)
    return enrollment


@pytest.mark.django_db
def test_issuing_a_certificate_notifies_the_holder_once(pegawai, course, lessons, notify_media):
    enrollment = complete(pegawai.employee, course, lessons)
    certificate = services.certificate_issue(enrollment_id=enrollment.pk)
    services.certificate_issue(enrollment_id=enrollment.pk)  # a retried task
    [notification] = Notification.objects.all()
    assert notification.user == pegawai
    assert notification.kind == Kind.CERTIFICATE_ISSUED
    assert notification.key == f"certificate:{certificate.pk}"
    assert notification.title == "Sertifikat terbit: Keamanan Digital"
    assert certificate.code in notification.body and "4 JP" in notification.body
    assert notification.url == f"/kursus/aksi/sertifikat/{certificate.pk}/unduh/"


@pytest.mark.django_db
def test_the_certificate_email_leaves_after_commit(
    pegawai, course, lessons, notify_media, django_capture_on_commit_callbacks
):
    enrollment = complete(pegawai.employee, course, lessons)
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_issue(enrollment_id=enrollment.pk)
    [message] = [m for m in mail.outbox if "Sertifikat terbit" in m.subject]
    assert message.to == [pegawai.email]
    assert "/kursus/aksi/sertifikat/" in message.body


@pytest.mark.django_db
def test_a_holder_without_an_account_gets_the_certificate_without_a_notification(unit, course, lessons, notify_media):
    employee = EmployeeFactory(unit=unit)
    enrollment = complete(employee, course, lessons)
    services.certificate_issue(enrollment_id=enrollment.pk)
    assert Certificate.objects.count() == 1
    assert not Notification.objects.exists()
