"""The change hub's one targeting rule: material aimed at a unit reaches its direct sub-units too
(as HR's assignment by unit does), in the listings, on the page, in the notification when it is
published, at an event's registration and on the adoption dashboard."""

import pytest
from django.utils import timezone

from portal.change.models import ChangeArticlePage
from portal.change.selectors.adoption import adoption_by_unit
from portal.change.selectors.events import event_targets_employee
from portal.change.selectors.targeting import MINE, OTHERS, audience_of, employees_targeted_by, with_audience
from portal.notifications.models import Kind, Notification
from portal.people import roles

from ..factories import UnitFactory
from .conftest import make_change_article, make_change_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def bidang(unit):
    return UnitFactory(name="Bidang Aplikasi Informatika", code="diskominfo-aptika", parent=unit)


def test_a_unit_target_reaches_its_direct_sub_units_everywhere(change_hub, unit, other_unit, bidang, make_person):
    in_bidang = make_person(roles.PEGAWAI, unit=bidang)
    elsewhere = make_person(roles.PEGAWAI, unit=other_unit)
    grandchild = UnitFactory(name="Seksi Persandian", code="diskominfo-aptika-sandi", parent=bidang)
    below_bidang = make_person(roles.PEGAWAI, unit=grandchild)

    article = make_change_article("Tata kelola data", must_read=True, units=[unit])
    article.save_revision().publish()
    told = set(Notification.objects.filter(kind=Kind.MUST_READ_PUBLISHED).values_list("user_id", flat=True))
    assert in_bidang.pk in told and elsewhere.pk not in told and below_bidang.pk not in told
    assert set(employees_targeted_by(article)) >= {in_bidang.employee}

    listing = with_audience(ChangeArticlePage.objects.live(), in_bidang.employee, include_others=True)
    assert listing.get(pk=article.pk).audience == MINE
    assert with_audience(ChangeArticlePage.objects.live(), elsewhere.employee, include_others=True).get(
        pk=article.pk
    ).audience == OTHERS
    assert audience_of(unit_ids={unit.pk}, position_ids=set(), employee=in_bidang.employee) == MINE
    assert audience_of(unit_ids={unit.pk}, position_ids=set(), employee=below_bidang.employee) == OTHERS

    event = make_change_event("Sosialisasi tata kelola data", units=[unit])
    assert event_targets_employee(event=event, employee=in_bidang.employee)
    assert not event_targets_employee(event=event, employee=elsewhere.employee)

    data = adoption_by_unit(now=timezone.now())
    required = {row["unit"].pk: row["must_read"]["required"] for row in data["rows"]}
    assert required[bidang.pk] == 1 and required.get(other_unit.pk, 0) == 0
