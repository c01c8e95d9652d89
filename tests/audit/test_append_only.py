"""Nobody changes or deletes the audit trail: not the model, not an admin, not raw SQL on PostgreSQL.
Only the retention purge removes entries, once they are old enough."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.utils import timezone

from portal.audit.models import AuditEntry
from portal.audit.services import audit_purge, audit_record

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")


@pytest.fixture
def entry(hr, pegawai):
    request = RequestFactory().get("/tim/1/")
    request.user = hr
    audit_record(request=request, what="tim.anggota", label="Kesenjangan anggota tim", subject=pegawai.employee.pk)
    return AuditEntry.objects.get()


def test_an_entry_cannot_be_changed_or_deleted_through_the_model(entry):
    entry.what = "lain"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.filter(pk=entry.pk).update(what="lain")
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().what == "tim.anggota"


def test_no_one_holds_a_right_to_add_change_or_delete(entry, hr):
    from django.contrib.auth.models import Permission

    codenames = set(Permission.objects.filter(content_type__app_label="audit").values_list("codename", flat=True))
    assert codenames == {"view_auditentry"}
    assert hr.has_perm("audit.view_auditentry")


@postgres_only
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET what = 'dipalsukan'",
        "UPDATE audit_auditentry SET actor_label = ''",
        "UPDATE audit_auditentry SET created_at = created_at - interval '1 day'",
        "DELETE FROM audit_auditentry",
    ],
)
def test_raw_sql_cannot_change_or_delete_an_entry(entry, sql):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEntry.objects.get().what == "tim.anggota"


def test_the_purge_removes_only_entries_older_than_the_cut_off(entry, hr):
    now = timezone.now()
    assert audit_purge(before=now - datetime.timedelta(days=1)) == 0
    assert audit_purge(before=now + datetime.timedelta(seconds=1)) == 1
    assert not AuditEntry.objects.exists()


@postgres_only
def test_after_a_purge_the_trail_is_append_only_again(entry, hr):
    audit_purge(before=timezone.now() - datetime.timedelta(days=1))
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")
    assert AuditEntry.objects.count() == 1
