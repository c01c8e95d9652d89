"""The dashboard's certificates: a course just finished whose certificate the worker has not issued
yet (queued, or waiting out a Redis outage) is announced, not reported missing."""

import pytest
from django.utils import timezone

from courses import services
from courses.models import Certificate, Enrollment
from portal.people.learner_kept import learners_changed

from .conftest import make_course

PENDING = "Sertifikat Keamanan Digital sedang dibuat"
NONE_YET = "Belum ada sertifikat"


@pytest.mark.django_db
def test_a_finished_course_without_its_certificate_yet_is_announced(client, pegawai):
    enrollment = services.enrollment_create(employee=pegawai.employee, course=make_course())
    client.force_login(pegawai)
    html = client.get("/dasbor/").content.decode()
    assert NONE_YET in html and PENDING not in html

    # Completed, the certificate still queued (in these tests the task would run at once).
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now(), jp_awarded=6, jp_year=timezone.localdate().year
    )
    learners_changed([pegawai.employee.pk])  # as the completion service does after its UPDATE
    html = client.get("/dasbor/").content.decode()
    assert PENDING in html and NONE_YET not in html

    certificate = services.certificate_issue(enrollment_id=enrollment.pk)
    html = client.get("/dasbor/").content.decode()
    assert PENDING not in html and f"/kursus/aksi/sertifikat/{certificate.pk}/unduh/" in html
    assert Certificate.objects.count() == 1
