"""The bell's count kept in the cache (portal.notifications.unread): no query once counted, and
right at once after every write to the user's notifications, by every path that writes them."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from portal.notifications.models import Kind, Notification
from portal.notifications.retention import notifications_delete_for, notifications_purge
from portal.notifications.selectors import unread_count
from portal.notifications.services import (
    Draft,
    notification_mark_read,
    notifications_mark_all_read,
    notify,
    notify_many,
    notify_same,
)

pytestmark = pytest.mark.django_db


def tell(user, n, **kwargs):
    return notify(user=user, kind=Kind.ASSIGNMENT_CREATED, key=f"a:{n}", title=f"Pelatihan {n}", **kwargs)


def bell(client) -> str:
    html = client.get("/dasbor/").content.decode()
    start = html.find('aria-label="Notifikasi')
    return html[start : html.find('"', start + 12) + 1]


def test_the_count_costs_no_query_once_kept(pegawai, django_assert_num_queries):
    tell(pegawai, 1)
    assert unread_count(user=pegawai) == 1
    with django_assert_num_queries(0):
        assert unread_count(user=pegawai) == 1


def test_every_write_shows_in_the_count_at_once(pegawai, atasan):
    def count():
        return unread_count(user=pegawai)

    assert count() == 0
    first = tell(pegawai, 1)
    assert count() == 1
    notify_many(drafts=[Draft(user_id=pegawai.pk, kind=Kind.ASSIGNMENT_CREATED, key="a:2", title="Dua")])
    assert count() == 2
    notify_same(kind=Kind.APPRAISAL_UPDATED, recipients=[(pegawai.pk, "p:1"), (atasan.pk, "p:1")], title="Tiga")
    assert count() == 3 and unread_count(user=atasan) == 1
    notification_mark_read(user=pegawai, notification_id=first.pk)
    assert count() == 2
    notifications_mark_all_read(user=pegawai)
    assert count() == 0
    tell(pegawai, 4, now=timezone.now() - timedelta(days=800))
    assert count() == 1
    notifications_purge(before=timezone.now() - timedelta(days=365))
    assert count() == 0
    tell(pegawai, 5)
    assert count() == 1
    notifications_delete_for(user=pegawai)
    assert count() == 0


# Serialized rollback: the flush after it must not re-create content types under new ids.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_count_made_before_a_write_commits_is_not_kept_after_it(pegawai):
    if connection.vendor != "postgresql":
        pytest.skip("needs two transactions at once on one table (PostgreSQL, as in CI)")
    assert unread_count(user=pegawai) == 0
    seen = []

    def another_page():  # its own connection: it sees only what is committed
        seen.append(unread_count(user=pegawai))
        connection.close()

    with transaction.atomic():
        tell(pegawai, 1)
        page = threading.Thread(target=another_page)
        page.start()
        page.join()
    assert seen == [0]
    assert unread_count(user=pegawai) == 1


def test_each_person_has_their_own_count(client, pegawai, atasan):
    tell(pegawai, 1)
    client.force_login(pegawai)
    assert "1 belum dibaca" in bell(client)
    client.force_login(atasan)
    assert "1 belum dibaca" not in bell(client)
    client.force_login(pegawai)
    assert "1 belum dibaca" in bell(client)
    client.post(f"/notifikasi/{Notification.objects.get(user=pegawai).pk}/baca/")
    assert "1 belum dibaca" not in bell(client)
