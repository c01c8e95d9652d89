import pytest
from django.utils import timezone

from courses import services
from courses.models import Enrollment

from ..courses.conftest import make_course


@pytest.fixture
def certificate(pegawai):
    """P's certificate of a finished course."""
    enrollment = services.enrollment_create(employee=pegawai.employee, course=make_course())
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now(), jp_awarded=6, jp_year=timezone.localdate().year
    )
    return services.certificate_issue(enrollment_id=enrollment.pk)
