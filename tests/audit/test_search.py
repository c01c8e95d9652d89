"""HR (with TOTP) searches the audit trail in the admin; nobody else opens it, nobody edits it."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from portal.audit.models import AuditAction, AuditEntry
from portal.audit.services import audit_record
from portal.people import roles

pytestmark = pytest.mark.django_db
INDEX = "jejak-audit:index"


def record_for(actor, *, subject=None, what="tim.anggota", action=AuditAction.VIEW):
    request = RequestFactory().get("/tim/")
    request.user = actor
    return audit_record(request=request, what=what, label="Kesenjangan anggota tim", action=action, subject=subject)


def listed(client, **params):
    response = client.get(reverse(INDEX), params)
    assert response.status_code == 200
    return response.content.decode()


def test_hr_finds_who_opened_whose_data(client, hr_with_mfa, atasan, pegawai, make_person):
    other = make_person(roles.PEGAWAI, first_name="Bambang Sutrisno")
    record_for(atasan, subject=pegawai.employee.pk)
    record_for(atasan, subject=other.employee.pk, what="laporan.jp", action=AuditAction.EXPORT)
    client.force_login(hr_with_mfa)

    # Each page lists the subject's "Name (NIP)": the NIP tells the two apart.
    mine, theirs = f"({pegawai.employee.nip})", f"({other.employee.nip})"
    by_subject = listed(client, subject=pegawai.employee.nip)
    assert mine in by_subject and theirs not in by_subject
    by_name = listed(client, subject="bambang")
    assert theirs in by_name and mine not in by_name
    by_actor = listed(client, actor=atasan.username)
    assert mine in by_actor and theirs in by_actor
    assert mine not in listed(client, actor=hr_with_mfa.username)
    exports = listed(client, action=AuditAction.EXPORT)
    assert theirs in exports and mine not in exports
    assert theirs in listed(client, what="laporan.jp")
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    assert mine in listed(client, created_at_from=today.isoformat())
    assert mine not in listed(client, created_at_from=tomorrow.isoformat())


def test_hr_reads_one_entry(client, hr_with_mfa, atasan, pegawai):
    entry = record_for(atasan, subject=pegawai.employee.pk)
    client.force_login(hr_with_mfa)
    html = client.get(reverse("jejak-audit:inspect", args=[AuditEntry.objects.get(what=entry.what).pk])).content
    assert pegawai.employee.nip in html.decode()


def test_reading_the_trail_is_recorded_too(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    listed(client)
    assert AuditEntry.objects.filter(what="audit.jejak", actor=hr_with_mfa).count() == 1


@pytest.mark.parametrize("role", [roles.PEGAWAI, roles.ATASAN, roles.PELATIH, roles.KOMUNIKASI])
def test_other_roles_cannot_open_the_trail(client, make_person, with_totp, role):
    user = make_person(role)
    with_totp(user)
    client.force_login(user)
    response = client.get(reverse(INDEX))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert not response.url.startswith(reverse(INDEX))


def test_hr_without_totp_is_sent_to_set_it_up(client, hr):
    client.force_login(hr)
    response = client.get(reverse(INDEX))
    assert response.status_code == 302 and response.url == reverse("mfa_activate_totp")


def test_nobody_can_add_edit_or_delete_from_the_screen(
    client, hr_with_mfa, atasan, pegawai, django_user_model, with_totp
):
    record_for(atasan, subject=pegawai.employee.pk)
    for name in ("add", "edit", "delete", "copy", "history"):
        with pytest.raises(NoReverseMatch):
            reverse(f"jejak-audit:{name}", args=[1] if name != "add" else [])
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "x")
    with_totp(admin)
    for user in (hr_with_mfa, admin):
        client.force_login(user)
        html = listed(client)
        assert "/edit/" not in html and "/delete/" not in html and "/new/" not in html


def test_the_search_costs_the_same_queries_however_many_entries(
    client, hr_with_mfa, atasan, pegawai, django_assert_num_queries
):
    record_for(atasan, subject=pegawai.employee.pk)
    client.force_login(hr_with_mfa)
    listed(client, actor=atasan.username)  # warm per-process caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        listed(client, actor=atasan.username)
    for _ in range(30):
        record_for(atasan, subject=pegawai.employee.pk)
    with django_assert_num_queries(len(few)):
        html = listed(client, actor=atasan.username)
    assert html.count(pegawai.employee.name) >= 30
