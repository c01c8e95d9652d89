"""The hub's pages are kept once for everyone who sees the same (unit, unit above, position, HR or
not), never with anything of one person: each reader's confirmations and seats are read on each
request, a page published or changed shows at once, a move to another unit shows that unit's
material, and the kept pages end when the first event shown starts."""

import datetime

import pytest
from django.utils import timezone

from portal.change.kept import HUB_SECONDS, _hub_seconds
from portal.change.services.events import registration_cancel, registration_create
from portal.change.services.reading import acknowledgement_record
from portal.people import roles

from ..factories import UnitFactory
from .conftest import make_change_article, make_change_event

DAY = datetime.timedelta(days=1)


def hub_html(client, user) -> str:
    client.force_login(user)
    response = client.get("/perubahan/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_colleagues_share_the_kept_pages_but_each_sees_their_own_confirmations_and_seats(
    client, change_hub, make_person, unit
):
    first, second = make_person(roles.PEGAWAI), make_person(roles.PEGAWAI)
    second.employee.position = first.employee.position
    second.employee.save()
    article = make_change_article("Bacaan unit", must_read=True, units=[unit])
    event = make_change_event("Sosialisasi unit", units=[unit])
    assert "Bacaan wajib Anda: 1 belum dikonfirmasi" in hub_html(client, first)
    assert "Bacaan wajib Anda: 1 belum dikonfirmasi" in hub_html(client, second)

    acknowledgement_record(employee=first.employee, article=article)
    registration_create(employee=first.employee, event=event)
    mine, theirs = hub_html(client, first), hub_html(client, second)
    assert "Bacaan wajib Anda" not in mine and "Anda terdaftar" in mine
    assert "Bacaan wajib Anda: 1 belum dikonfirmasi" in theirs and "Anda terdaftar" not in theirs

    registration_cancel(employee=first.employee, event=event)
    assert "Anda terdaftar" not in hub_html(client, first)


@pytest.mark.django_db
def test_a_page_published_or_unpublished_shows_at_once(client, change_hub, pegawai, unit):
    make_change_article("Artikel pertama", units=[unit])
    assert "Artikel pertama" in hub_html(client, pegawai)
    later = make_change_article("Artikel kedua")
    assert "Artikel kedua" in hub_html(client, pegawai)
    later.unpublish()
    html = hub_html(client, pegawai)
    assert "Artikel kedua" not in html and "Artikel pertama" in html


@pytest.mark.django_db
def test_a_move_to_another_unit_shows_that_units_material(client, change_hub, pegawai, unit, other_unit):
    make_change_article("Untuk unit lama", units=[unit])
    make_change_article("Untuk unit baru", units=[other_unit])
    html = hub_html(client, pegawai)
    assert "Untuk unit lama" in html and "Untuk unit baru" not in html
    pegawai.employee.unit = other_unit
    pegawai.employee.save()
    html = hub_html(client, pegawai)
    assert "Untuk unit baru" in html and "Untuk unit lama" not in html


@pytest.mark.django_db
def test_the_unit_above_changing_changes_what_is_meant_for_the_reader(client, change_hub, pegawai, unit):
    dinas = UnitFactory(name="Dinas Kominfo")
    make_change_article("Untuk dinas", units=[dinas])
    assert "Untuk dinas" not in hub_html(client, pegawai)
    unit.parent = dinas
    unit.save()
    assert "Untuk dinas" in hub_html(client, pegawai)


@pytest.mark.django_db
def test_hr_and_a_colleague_in_the_same_unit_do_not_share_what_hr_sees(
    client, change_hub, make_person, hr_with_mfa, other_unit
):
    make_change_article("Untuk unit lain", units=[other_unit])
    hr = hr_with_mfa
    colleague = make_person(roles.PEGAWAI)
    colleague.employee.position = hr.employee.position
    colleague.employee.save()
    assert "Untuk unit lain" in hub_html(client, hr)
    assert "Untuk unit lain" not in hub_html(client, colleague)


def test_the_kept_pages_end_when_the_first_event_shown_starts():
    now = timezone.now()

    class Event:
        def __init__(self, seconds):
            self.starts_at = now + datetime.timedelta(seconds=seconds)

    assert _hub_seconds({"events": []}) == HUB_SECONDS
    assert 55 <= _hub_seconds({"events": [Event(60), Event(3600)]}) <= 60
    assert _hub_seconds({"events": [Event(10 * 86400)]}) == HUB_SECONDS
