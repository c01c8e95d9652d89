"""Demo appraisals, standards, gaps and an assignment for `seed_demo` (after the courses)."""

import datetime

from django.db import transaction
from django.utils import timezone

from competency.models import Competency, PositionStandard
from competency.services import gaps_recompute
from courses.models import CoursePage
from portal.people.models import Employee, Position

from .models import Appraisal, Assignment, Predikat, Rating
from .services.assignments import assignment_create
from .services.weak_areas import gaps_refresh_for_appraisals

PEGAWAI_NIP = "199204202019032011"
STANDARDS = {
    "pranata-komputer-ahli-pertama": [("tik-keamanan-informasi", 3), ("tik-pengolahan-data", 3), ("komunikasi", 2)],
    "pengadministrasi-perkantoran": [("tik-aplikasi-perkantoran", 2), ("pelayanan-publik", 2)],
    "penata-layanan-operasional": [("pelayanan-publik", 3), ("tik-layanan-egovernment", 2)],
}
# A rotation of weak areas for the generated employees (None: a good appraisal).
WEAK = [
    {"adaptif": Rating.BELOW},
    None,
    {"berorientasi_pelayanan": Rating.BELOW},
    {"kolaboratif": Rating.BELOW},
    None,
    {"hasil_kerja": Rating.BELOW, "predikat": Predikat.BUTUH_PERBAIKAN},
    {"akuntabel": Rating.BELOW},
    None,
]


@transaction.atomic
def seed_appraisals() -> dict:
    """Position standards, the 2025 annual appraisals of the demo employees, their gaps, and the
    assignment of the change course to `pegawai` for her weak area. Idempotent."""
    competencies = {c.code: c for c in Competency.objects.all()}
    for position_code, standards in STANDARDS.items():
        position = Position.objects.filter(code=position_code).first()
        for code, level in standards if position else []:
            PositionStandard.objects.get_or_create(
                position=position, competency=competencies[code], defaults={"required_level": level}
            )
    employees = list(Employee.objects.order_by("pk")[:24])
    ids = []
    for index, employee in enumerate(employees):
        weak = {"adaptif": Rating.BELOW} if employee.nip == PEGAWAI_NIP else WEAK[index % len(WEAK)] or {}
        values = {
            "hasil_kerja": Rating.MEETS,
            "perilaku_kerja": Rating.MEETS,
            "predikat": Predikat.BAIK,
            **{
                area: Rating.MEETS
                for area in (
                    "berorientasi_pelayanan",
                    "akuntabel",
                    "kompeten",
                    "harmonis",
                    "loyal",
                    "adaptif",
                    "kolaboratif",
                )
            },
            **weak,
        }
        if any(value == Rating.BELOW for value in weak.values()):
            values["perilaku_kerja"] = Rating.BELOW if "hasil_kerja" not in weak else Rating.MEETS
        appraisal, _ = Appraisal.objects.update_or_create(
            employee=employee, year=2025, period=Appraisal.Period.ANNUAL, defaults={**values, "source": "demo"}
        )
        ids.append(appraisal.pk)
    gaps_refresh_for_appraisals(appraisal_ids=ids)
    gaps_recompute(employee_ids=[e.pk for e in employees])

    pegawai = Employee.objects.filter(nip=PEGAWAI_NIP).first()
    course = CoursePage.objects.filter(slug="perubahan-sistem-manajemen-kinerja").first()
    if pegawai and course and not Assignment.objects.filter(employee=pegawai, course=course).exists():
        gap = pegawai.gaps.filter(competency__code="mengelola-perubahan").first()
        assignment_create(
            employee=pegawai,
            course=course,
            gap=gap,
            reason=gap.reason if gap else "Ditugaskan BKPSDM",
            due_date=timezone.localdate() + datetime.timedelta(days=10),
        )
    return {"appraisals": Appraisal.objects.count(), "gaps": pegawai.gaps.count() if pegawai else 0}
