"""Notifications written by tasks in Indonesian are shown in the reader's language: the source of the
title and body is kept beside the words, on every path that writes them (one, many, the same to many)."""

import pytest
from django.urls import reverse
from django.utils import translation

from appraisal_link.services.notifying import appraisal_updated_texts
from portal import stored_text
from portal.notifications.models import Kind, Notification
from portal.notifications.services import Draft, notify, notify_many, notify_same

pytestmark = pytest.mark.django_db

TITLE = stored_text.source("Sertifikat terbit: %(course)s", course="Keamanan Digital")


def english(notification: Notification) -> str:
    with translation.override("en"):
        return notification.title_display()


def test_one_notification_keeps_its_source_and_the_indonesian_words(pegawai):
    notification = notify(user=pegawai, kind=Kind.CERTIFICATE_ISSUED, key="c:1", title=TITLE, body="teks")
    notification.refresh_from_db()
    assert notification.title == "Sertifikat terbit: Keamanan Digital"
    assert notification.title_source == TITLE
    assert english(notification) == "Certificate issued: Keamanan Digital"
    assert notification.body_display() == "teks"


def test_many_and_the_same_to_many_keep_their_sources(pegawai, atasan):
    notify_many(drafts=[Draft(user_id=pegawai.pk, kind=Kind.CERTIFICATE_ISSUED, key="c:2", title=TITLE)])
    title, body, url = appraisal_updated_texts()
    notify_same(kind=Kind.APPRAISAL_UPDATED, recipients=[(atasan.pk, "a:1")], title=title, body=body, url=url)
    many = Notification.objects.get(key="c:2")
    same = Notification.objects.get(key="a:1")
    assert english(many) == "Certificate issued: Keamanan Digital"
    assert same.title == "Penilaian Anda telah diperbarui"
    assert english(same) != same.title


def test_the_list_shows_them_in_english_for_an_english_reader(client, pegawai):
    notify(user=pegawai, kind=Kind.CERTIFICATE_ISSUED, key="c:3", title=TITLE)
    client.force_login(pegawai)
    client.post(reverse("set_language"), {"language": "en"})
    html = client.get(reverse("notifications:list")).content.decode()
    assert "Certificate issued: Keamanan Digital" in html


def test_an_import_summary_reads_in_english(hr):
    from appraisal_link.models import AppraisalImport
    from appraisal_link.services.notifying import import_summary_notify

    job = AppraisalImport.objects.create(
        original_name="penilaian.csv", status=AppraisalImport.Status.DONE, dry_run=True, created_by=hr, total_rows=3
    )
    import_summary_notify(job=job, error_count=0)
    notification = Notification.objects.get(user=hr, kind=Kind.IMPORT_SUMMARY)
    assert notification.title == "Impor penilaian selesai: penilaian.csv"
    with translation.override("en"):
        assert notification.title_display() != notification.title
        assert "nothing was saved" in notification.body_display()
