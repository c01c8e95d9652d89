"""Demo development plans: the demo pegawai's approved plan for the year (a portal course already
completed, the bimtek and coaching verified outside the portal, a workshop still to come), and a
colleague's plan waiting for the demo atasan. Idempotent."""

import datetime

from django.utils import timezone

from courses.models import CoursePage
from portal.people.learner_kept import learners_changed
from portal.people.models import Employee

from .demo import PEGAWAI_NIP
from .models import DevelopmentPlan, PlanItem


def seed_plans(today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    pegawai = Employee.objects.filter(nip=PEGAWAI_NIP).select_related("supervisor__user").first()
    if pegawai is None or pegawai.supervisor is None:
        return {"development_plans": 0}
    courses = list(CoursePage.objects.live().order_by("title")[:2])
    plan, created = DevelopmentPlan.objects.get_or_create(
        employee=pegawai,
        year=today.year,
        defaults={
            "status": DevelopmentPlan.Status.APPROVED,
            "submissions": 1,
            "submitted_at": timezone.now(),
            "decided_by": pegawai.supervisor.user,
            "decided_at": timezone.now(),
            "supervisor_note": "Fokus pada keamanan informasi dan dialog kinerja.",
        },
    )
    if created:
        items = [
            PlanItem(plan=plan, course=course, goal="Kursus portal", quarter=1 + n, jp=course.jp)
            for n, course in enumerate(courses)
        ]
        items += [
            PlanItem(
                plan=plan,
                goal="Keamanan informasi",
                activity_kind="bimtek",
                activity_title="Bimtek Keamanan Informasi Pemerintah",
                quarter=2,
                jp=16,
            ),
            PlanItem(
                plan=plan,
                goal="Dialog kinerja",
                activity_kind="coaching",
                activity_title="Coaching Dialog Kinerja",
                quarter=3,
                jp=4,
            ),
            PlanItem(
                plan=plan,
                goal="Layanan digital",
                activity_kind="workshop",
                activity_title="Workshop Tanda Tangan Elektronik",
                quarter=4,
                jp=8,
            ),
        ]
        PlanItem.objects.bulk_create(PlanItem.keyed(items))
        learners_changed([pegawai.pk])  # bulk_create sends no signal
    colleague = Employee.objects.filter(supervisor=pegawai.supervisor).exclude(pk=pegawai.pk).order_by("nip").first()
    if colleague is not None and courses:
        waiting, created = DevelopmentPlan.objects.get_or_create(
            employee=colleague,
            year=today.year,
            defaults={"status": DevelopmentPlan.Status.SUBMITTED, "submissions": 1, "submitted_at": timezone.now()},
        )
        if created:
            PlanItem.objects.bulk_create(
                PlanItem.keyed(
                    [
                        PlanItem(plan=waiting, course=courses[0], goal="Kursus portal", quarter=1, jp=courses[0].jp),
                        PlanItem(
                            plan=waiting,
                            goal="Kearsipan digital",
                            activity_kind="kursus",
                            activity_title="Kursus Arsip Elektronik ANRI",
                            quarter=2,
                            jp=20,
                        ),
                    ]
                )
            )
            learners_changed([colleague.pk])
    return {"development_plans": DevelopmentPlan.objects.count()}
