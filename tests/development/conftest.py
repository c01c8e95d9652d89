import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from competency.models import Gap
from courses.development.services import activity_record, plan_for, plan_item_add

from ..courses.conftest import make_course

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf(name="sertifikat.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png(name="bukti.png"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def record():
    """Record an activity for an employee through the service (a bimtek ending today, 16 JP)."""

    def make(employee, **changes):
        today = datetime.date.today()  # this year's JP, whatever the day
        data = {
            "kind": "bimtek",
            "title": "Bimtek Keamanan Siber",
            "organiser": "BSSN",
            "starts_on": today,
            "ends_on": today,
            "jp": 16,
            "proof": pdf(),
        } | changes
        return activity_record(employee=employee, **data)

    return make


@pytest.fixture
def form_data():
    today = datetime.date.today()
    return {
        "kind": "bimtek",
        "title": "Bimtek Keamanan Siber",
        "organiser": "BSSN",
        "starts_on": today.isoformat(),
        "ends_on": today.isoformat(),
        "jp": "16",
        "proof": pdf(),
    }


@pytest.fixture
def gap(pegawai):
    from appraisal_link.models import Rating

    from ..appraisal_link.test_gaps_and_assignments import appraise

    appraise(pegawai.employee, year=datetime.date.today().year, adaptif=Rating.BELOW)
    return Gap.objects.filter(employee=pegawai.employee, status=Gap.Status.OPEN).first()


@pytest.fixture
def plan(pegawai, gap):
    """A draft of 4 (course) + 16 (bimtek) = 20 JP."""
    plan = plan_for(employee=pegawai.employee, year=datetime.date.today().year)
    plan_item_add(plan=plan, quarter=1, gap=gap, course=make_course("Literasi Perubahan", jp=4))
    plan_item_add(
        plan=plan, quarter=2, gap=gap, activity_kind="bimtek", activity_title="Bimtek Manajemen Perubahan", jp=16
    )
    return plan
