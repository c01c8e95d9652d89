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
