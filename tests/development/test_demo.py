"""The demo: the demo pegawai has two verified activities outside the portal and one waiting for the
demo atasan; seeding twice changes nothing."""

import pytest

from courses.development.demo import PEGAWAI_NIP, seed_external
from courses.development.models import ExternalActivity
from courses.development.selectors import pending_for
from portal.people.demo import seed_organisation
from portal.people.models import Employee


@pytest.mark.django_db
def test_the_demo_has_verified_and_waiting_records(with_totp):
    seed_organisation()
    first = seed_external()
    assert seed_external() == first and first["outside_activities"] >= 4
    pegawai = Employee.objects.get(nip=PEGAWAI_NIP)
    mine = ExternalActivity.objects.filter(employee=pegawai)
    assert mine.filter(status=ExternalActivity.Status.VERIFIED).count() == 2
    waiting = mine.get(status=ExternalActivity.Status.PENDING)
    assert waiting.proof.open("rb").read().startswith(b"%PDF-")
    atasan = pegawai.supervisor.user
    with_totp(atasan)
    assert list(pending_for(atasan)) == [waiting]


@pytest.mark.django_db
def test_the_demo_plans_show_progress_and_one_waits_for_the_atasan():
    from courses.demo import seed_courses
    from courses.development.models import DevelopmentPlan
    from courses.development.plan_demo import seed_plans
    from courses.development.selectors import plan_of

    seed_organisation()
    seed_courses()
    seed_external()
    first = seed_plans()
    assert seed_plans() == first and first["development_plans"] == 2
    pegawai = Employee.objects.get(nip=PEGAWAI_NIP)
    plan = plan_of(employee=pegawai, year=plan_year())
    assert plan.status == DevelopmentPlan.Status.APPROVED and plan.planned_jp >= 20
    assert 0 < plan.done_count < len(plan.rows)  # the verified bimtek and coaching count; the workshop waits
    waiting = DevelopmentPlan.objects.exclude(employee=pegawai).get()
    assert waiting.status == DevelopmentPlan.Status.SUBMITTED and waiting.employee.supervisor == pegawai.supervisor


def plan_year():
    from django.utils import timezone

    return timezone.localdate().year
