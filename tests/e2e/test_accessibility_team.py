"""axe-core finds no serious or critical violation on a supervisor's pages (the team, a report's
page, choosing raters, the unit's satisfaction survey and its service points, verifying learning
outside the portal), on an employee's peer feedback and outside-learning pages, on the desktop and a
phone, and on HR's admin screens of learning outside the portal."""

import datetime

import pytest

from appraisal_link.feedback.models import PeerRater, PeerReview, PeerRound, ServicePoint
from appraisal_link.feedback.peer import peer_round_open
from courses.development.models import ExternalActivity
from courses.development.services import plan_for, plan_item_add, plan_submit
from portal.people import roles

from .axe import assert_accessible, check_pages
from .conftest import PHONE
from .test_accessibility import viewport_of
from .test_courses import log_in, log_in_with_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def open_round(unit, atasan, pegawai, make_person):
    today = datetime.date.today()
    colleagues = [make_person(roles.PEGAWAI, supervisor=atasan.employee, first_name=f"Rekan {n}") for n in range(3)]
    round_ = PeerRound.objects.create(name="2026-2", opens_on=today, closes_on=today + datetime.timedelta(days=7))
    round_.units.add(unit)
    peer_round_open(round_=round_)
    review = PeerReview.objects.get(round=round_, employee=colleagues[0].employee)
    task = PeerRater.objects.create(review=review, rater=pegawai.employee)
    return task


@pytest.mark.e2e
@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_team_and_peer_pages(new_context, live_server, unit, atasan, pegawai, open_round, password, viewport):
    point = ServicePoint.objects.create(unit=unit, name="Perekaman KTP-el", code="ktp-el")
    plan = plan_for(employee=pegawai.employee, year=datetime.date.today().year)
    plan_item_add(
        plan=plan, quarter=1, goal="Literasi data", activity_kind="bimtek", activity_title="Bimtek Data", jp=20
    )
    plan_submit(plan=plan)
    ExternalActivity.objects.create(
        employee=pegawai.employee,
        kind="bimtek",
        title="Bimtek SPBE",
        organiser="PANRB",
        starts_on=datetime.date.today(),
        ends_on=datetime.date.today(),
        jp=8,
        title_key="bimtek spbe",
        organiser_key="panrb",
        rejection_reason="",
    )
    boss = new_context(bypass_csp=True, **viewport_of(viewport)).new_page()
    log_in_with_totp(boss, live_server, atasan, password)
    pages = {
        "team": "/tim/",
        "team member": f"/tim/{pegawai.employee.pk}/",
        "choose raters": "/tim/umpan-balik/",
        "unit satisfaction survey": "/tim/survei-kepuasan/",
        "new service point": "/tim/survei-kepuasan/layanan/baru/",
        "service point": f"/tim/survei-kepuasan/layanan/{point.pk}/",
        "verify outside learning": "/tim/verifikasi-pengembangan/",
        "team plans": "/tim/rencana/",
        "a report's plan": f"/tim/rencana/{plan.pk}/",
    }
    problems = check_pages(boss, {name: f"{live_server.url}{path}" for name, path in pages.items()})

    employee = new_context(bypass_csp=True, **viewport_of(viewport)).new_page()
    log_in(employee, live_server, pegawai.username, password)
    own = {
        "peer feedback": "/umpan-balik/",
        "rate a colleague": f"/umpan-balik/nilai/{open_round.pk}/",
        "outside learning": "/dasbor/pengembangan/",
        "record outside learning": "/dasbor/pengembangan/catat/",
        "my development plan": "/dasbor/rencana/",
    }
    problems |= check_pages(employee, {name: f"{live_server.url}{path}" for name, path in own.items()})
    assert_accessible(problems)


@pytest.mark.e2e
def test_hr_outside_learning_screens(new_context, live_server, hr, password):
    staff = new_context(bypass_csp=True).new_page()
    log_in_with_totp(staff, live_server, hr, password)
    pages = {
        "outside learning records": "/admin/pengembangan-luar/",
        "attendance import": "/admin/pengembangan-luar-portal/impor/",
        "development plans": "/admin/pengembangan-luar-portal/rencana/",
        "development needs": "/admin/pengembangan-luar-portal/kebutuhan/",
    }
    assert_accessible(check_pages(staff, {name: f"{live_server.url}{path}" for name, path in pages.items()}))
