"""Creating notifications: once per event, in the caller's transaction, e-mailed after commit."""

import threading
import time

import pytest
from django.db import connection, transaction

from portal.notifications.models import EmailPreference, EmailStatus, Kind, Notification
from portal.notifications.services import (
    Draft,
    email_preferences_save,
    notification_mark_read,
    notifications_mark_all_read,
    notify,
    notify_many,
    notify_same,
)
from portal.outbox.models import QueuedTask

from ..factories import UserFactory

pytestmark = pytest.mark.django_db


def tell(user, key="assignment:1", kind=Kind.ASSIGNMENT_CREATED, **kwargs):
    kwargs.setdefault("title", "Pelatihan baru: Literasi Data")
    return notify(user=user, kind=kind, key=key, **kwargs)


def test_notify_creates_the_notification_once(pegawai):
    first = tell(pegawai, body="Tenggat 30 Juni 2026.", url="/kursus/literasi-data/")
    assert first is not None and first.pk
    assert tell(pegawai) is None
    [row] = Notification.objects.filter(user=pegawai)
    assert (row.kind, row.key, row.title, row.url) == (
        Kind.ASSIGNMENT_CREATED,
        "assignment:1",
        "Pelatihan baru: Literasi Data",
        "/kursus/literasi-data/",
    )
    # The same key under another kind, or for another person, is another notification.
    assert tell(pegawai, kind=Kind.DEADLINE_7D) is not None
    assert tell(UserFactory()) is not None


def test_a_duplicate_does_not_break_the_callers_transaction(pegawai):
    """A row committed by a concurrent run a moment earlier: the database refuses the second one,
    inside a savepoint, and the caller's transaction carries on."""
    Notification.objects.create(user=pegawai, kind=Kind.ASSIGNMENT_CREATED, key="assignment:1", title="x")
    with transaction.atomic():
        assert tell(pegawai) is None
        assert tell(pegawai, key="assignment:2") is not None
    assert Notification.objects.filter(user=pegawai).count() == 2


# Serialized rollback: the flush after this test must not re-create content types under new ids,
# which would break the tests after it that restore the database (the browser tests).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_transactions_racing_create_one_notification(make_person):
    if connection.vendor != "postgresql":
        pytest.skip("needs row locking between connections (PostgreSQL, as in CI)")
    user = make_person()
    first_inserted = threading.Event()
    results = {}

    def first():
        try:
            with transaction.atomic():
                results["first"] = tell(user)
                first_inserted.set()
                # Hold the uncommitted row while the second transaction tries the same insert.
                time.sleep(0.5)
        finally:
            connection.close()

    def second():
        try:
            first_inserted.wait(5)
            with transaction.atomic():
                results["second"] = tell(user)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results["first"] is not None
    assert results["second"] is None
    assert Notification.objects.filter(user=user).count() == 1


def test_unknown_kind_is_a_programming_error(pegawai):
    with pytest.raises(ValueError):
        notify(user=pegawai, kind="typo", key="x", title="x")


def test_email_leaves_only_after_commit(pegawai, mailoutbox, django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(pegawai, body="Selesaikan sebelum 30 Juni 2026.", url="/kursus/literasi-data/")
        assert notification.email_status == EmailStatus.PENDING
        assert mailoutbox == []
    assert QueuedTask.objects.filter(task="portal.notifications.tasks.notification_email_task").count() == 1
    [message] = mailoutbox
    assert message.to == [pegawai.email]
    assert message.subject == "[Kompeten] Pelatihan baru: Literasi Data"
    assert f"Yth. {pegawai.get_full_name()}," in message.body
    assert "Selesaikan sebelum 30 Juni 2026." in message.body
    assert settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/kursus/literasi-data/" in message.body
    assert "/notifikasi/pengaturan/" in message.body
    assert "Tidak ingin menerima e-mail" in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert "Buka di Kompeten" in html and "pengaturan notifikasi" in html and "/notifikasi/pengaturan/" in html
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENT and notification.emailed_at is not None


def test_email_links_are_absolute_on_the_public_url(pegawai, mailoutbox, django_capture_on_commit_callbacks, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kompeten.pangkalpinangkota.go.id/"
    with django_capture_on_commit_callbacks(execute=True):
        tell(pegawai, url="/kursus/literasi-data/")
    [message] = mailoutbox
    assert "https://kompeten.pangkalpinangkota.go.id/kursus/literasi-data/" in message.body
    assert "https://kompeten.pangkalpinangkota.go.id/notifikasi/pengaturan/" in message.body


def test_an_unsafe_link_is_not_mailed(pegawai, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tell(pegawai, url="//evil.example/phish")
    [message] = mailoutbox
    assert "evil.example" not in message.body
    assert "/notifikasi/" in message.body


def test_a_rolled_back_event_mails_no_one(pegawai, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                tell(pegawai)
                raise RuntimeError("the event failed")
        except RuntimeError:
            pass
    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_email_turned_off_for_a_kind_is_not_sent(pegawai, mailoutbox, django_capture_on_commit_callbacks):
    email_preferences_save(user=pegawai, choices={Kind.ASSIGNMENT_CREATED: False})
    with django_capture_on_commit_callbacks(execute=True):
        off = tell(pegawai)
        tell(pegawai, kind=Kind.CERTIFICATE_ISSUED, key="certificate:1", title="Sertifikat terbit")
    assert off.email_status == EmailStatus.NONE
    assert [m.subject for m in mailoutbox] == ["[Kompeten] Sertifikat terbit"]


def test_no_email_without_an_address(make_person, mailoutbox, django_capture_on_commit_callbacks):
    user = make_person(email="")
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(user)
    assert notification.email_status == EmailStatus.NONE
    assert not QueuedTask.objects.exists() and mailoutbox == []


def test_email_turned_off_while_waiting_is_not_sent(pegawai, mailoutbox, django_capture_on_commit_callbacks):
    from portal.notifications.tasks import notification_email_task

    with django_capture_on_commit_callbacks(execute=False):
        notification = tell(pegawai)
    email_preferences_save(user=pegawai, choices={Kind.ASSIGNMENT_CREATED: False})
    assert notification_email_task.delay([notification.pk]).get() == 0
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.NONE and mailoutbox == []


def test_notify_many_creates_each_once_and_returns_only_the_new(make_person, django_capture_on_commit_callbacks):
    users = [make_person() for _ in range(3)]
    drafts = [Draft(user_id=u.pk, kind=Kind.DEADLINE_7D, key="assignment:7", title="Tenggat 7 hari") for u in users]
    with django_capture_on_commit_callbacks(execute=False):
        created = notify_many(drafts=drafts[:2] + drafts[:1])  # a duplicate in the input counts once
    assert sorted(n.user_id for n in created) == sorted(u.pk for u in users[:2])
    assert all(n.pk for n in created)
    with django_capture_on_commit_callbacks(execute=False):
        again = notify_many(drafts=drafts)
    assert [n.user_id for n in again] == [users[2].pk]
    with django_capture_on_commit_callbacks(execute=False):
        assert notify_many(drafts=drafts) == []
    assert Notification.objects.filter(kind=Kind.DEADLINE_7D, key="assignment:7").count() == 3


def test_notify_many_emails_in_batches_after_commit(
    make_person, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    from portal.notifications import services

    monkeypatch.setattr(services, "EMAIL_BATCH_SIZE", 2)
    users = [make_person() for _ in range(5)]
    email_preferences_save(user=users[0], choices={Kind.DEADLINE_1D: False})
    drafts = [Draft(user_id=u.pk, kind=Kind.DEADLINE_1D, key=f"assignment:{u.pk}", title="Besok") for u in users]
    with django_capture_on_commit_callbacks(execute=True):
        created = notify_many(drafts=drafts)
        assert mailoutbox == []
    # Four e-mails in batches of two: two tasks, each kept in the outbox and published at commit.
    assert QueuedTask.objects.filter(task="portal.notifications.tasks.notification_email_task").count() == 2
    assert len(created) == 5
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in users[1:])
    statuses = dict(Notification.objects.values_list("user_id", "email_status"))
    assert statuses[users[0].pk] == EmailStatus.NONE
    assert {statuses[u.pk] for u in users[1:]} == {EmailStatus.SENT}


def test_notify_many_with_the_same_clock_twice_returns_only_its_own(make_person, django_capture_on_commit_callbacks):
    from django.utils import timezone

    now = timezone.now()
    a, b = make_person(), make_person()
    with django_capture_on_commit_callbacks(execute=False):
        notify_many(drafts=[Draft(user_id=a.pk, kind=Kind.OVERDUE, key="k1", title="x")], now=now)
        created = notify_many(
            drafts=[
                Draft(user_id=a.pk, kind=Kind.OVERDUE, key="k2", title="x"),
                Draft(user_id=b.pk, kind=Kind.OVERDUE, key="k1", title="x"),
            ],
            now=now,
        )
    assert sorted((n.user_id, n.key) for n in created) == sorted([(a.pk, "k2"), (b.pk, "k1")])


def test_mark_read_is_only_for_the_owner(pegawai, atasan):
    mine = tell(pegawai)
    with pytest.raises(Notification.DoesNotExist):
        notification_mark_read(user=atasan, notification_id=mine.pk)
    mine.refresh_from_db()
    assert mine.read_at is None
    assert notification_mark_read(user=pegawai, notification_id=mine.pk).read_at is not None
    mine.refresh_from_db()
    assert mine.is_read


def test_mark_all_read_counts_only_unread_of_that_user(pegawai, atasan):
    for n in range(3):
        tell(pegawai, key=f"assignment:{n}")
    tell(atasan)
    notification_mark_read(user=pegawai, notification_id=Notification.objects.filter(user=pegawai).first().pk)
    assert notifications_mark_all_read(user=pegawai) == 2
    assert notifications_mark_all_read(user=pegawai) == 0
    assert Notification.objects.filter(user=atasan, read_at__isnull=True).count() == 1


def test_email_preferences_keep_only_what_is_off(pegawai):
    email_preferences_save(user=pegawai, choices={Kind.SURVEY_OPEN: False, Kind.OVERDUE: True})
    assert list(EmailPreference.objects.values_list("kind", "email")) == [(Kind.SURVEY_OPEN, False)]
    email_preferences_save(user=pegawai, choices={Kind.SURVEY_OPEN: True})
    assert not EmailPreference.objects.exists()


def test_notify_same_gives_one_message_to_many_once_and_honours_email_choices(
    make_person, mailoutbox, django_capture_on_commit_callbacks
):
    users = [make_person() for _ in range(3)]
    email_preferences_save(user=users[0], choices={Kind.APPRAISAL_UPDATED: False})
    no_address = make_person()
    no_address.email = ""
    no_address.save(update_fields=["email"])
    recipients = [(u.pk, f"appraisal:{u.pk}:1") for u in [*users, no_address]]
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_same(kind=Kind.APPRAISAL_UPDATED, recipients=recipients, title="Penilaian diperbarui") == 4
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_same(kind=Kind.APPRAISAL_UPDATED, recipients=recipients, title="Penilaian diperbarui") == 0
    assert Notification.objects.filter(kind=Kind.APPRAISAL_UPDATED).count() == 4
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in users[1:])
    statuses = dict(Notification.objects.values_list("user_id", "email_status"))
    assert statuses[users[0].pk] == statuses[no_address.pk] == EmailStatus.NONE


def test_someone_deactivated_while_the_email_waited_is_not_mailed(
    pegawai, mailoutbox, django_capture_on_commit_callbacks
):
    from portal.notifications.tasks import notification_email_task

    with django_capture_on_commit_callbacks(execute=False):
        [notification] = notify_many(
            drafts=[Draft(user_id=pegawai.pk, kind=Kind.DEADLINE_7D, key="assignment:9", title="Tenggat")]
        )
    assert notification.email_status == EmailStatus.PENDING
    pegawai.is_active = False
    pegawai.save(update_fields=["is_active"])
    assert notification_email_task.delay([notification.pk]).get() == 0
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.NONE and mailoutbox == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL form of the rule runs on PostgreSQL")
def test_the_sql_and_python_forms_of_the_email_rule_agree(make_person):
    from portal.notifications.recipients import emailable, emailable_sql

    users = [make_person() for _ in range(4)]
    email_preferences_save(user=users[0], choices={Kind.DEADLINE_7D: False})
    users[1].email = ""
    users[1].save(update_fields=["email"])
    users[2].is_active = False
    users[2].save(update_fields=["is_active"])
    ids = [u.pk for u in users]
    table = connection.ops.quote_name(type(users[0])._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT u.id FROM {table} u WHERE u.id = ANY(%s) AND {emailable_sql(user='u')}",  # noqa: S608
            [ids, Kind.DEADLINE_7D],
        )
        in_sql = {row[0] for row in cursor.fetchall()}
    assert in_sql == emailable(user_ids=ids, kind=Kind.DEADLINE_7D) == {users[3].pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-statement path is PostgreSQL's")
def test_the_one_statement_path_writes_what_the_portable_path_writes(make_person, django_capture_on_commit_callbacks):
    from portal import stored_text

    users = [make_person() for _ in range(4)]
    email_preferences_save(user=users[0], choices={Kind.APPRAISAL_UPDATED: False})
    users[1].is_active = False
    users[1].save(update_fields=["is_active"])
    title = stored_text.source("Penilaian Anda telah diperbarui")
    fields = ("user_id", "kind", "title", "body", "url", "email_status", "title_source", "body_source")

    def rows(prefix):
        found = Notification.objects.filter(key__startswith=prefix).order_by("user_id")
        return [(*values, key.removeprefix(prefix)) for *values, key in found.values_list(*fields, "key")]

    with django_capture_on_commit_callbacks(execute=False):
        notify_same(
            kind=Kind.APPRAISAL_UPDATED,
            recipients=[(u.pk, f"same:{u.pk}") for u in users],
            title=title,
            body="Masuk untuk melihat rinciannya.",
            url="/kompetensi/",
        )
        notify_many(
            drafts=[
                Draft(
                    user_id=u.pk,
                    kind=Kind.APPRAISAL_UPDATED,
                    key=f"many:{u.pk}",
                    title=title,
                    body="Masuk untuk melihat rinciannya.",
                    url="/kompetensi/",
                )
                for u in users
            ]
        )
    assert rows("same:") == rows("many:") and len(rows("same:")) == 4
