"""The change hub's notifications: must-read published, sosialisasi tomorrow, pulse survey open and closing."""

import datetime

import pytest
from django.utils import timezone, translation

from portal.change.models import EventRegistration
from portal.change.services.notifying import event_reminders_run, survey_reminders_run
from portal.change.tasks import event_reminders_task, survey_reminders_task
from portal.notifications.models import Kind, Notification
from portal.notifications.quiet_hours import WIB
from portal.people import roles

from ..factories import EmployeeFactory
from .conftest import make_change_article, make_change_event, make_pulse_survey, survey_respond


def told(user, kind=None) -> list[Notification]:
    notifications = Notification.objects.filter(user=user)
    if kind is not None:
        notifications = notifications.filter(kind=kind)
    return list(notifications)


# --- must-read published ------------------------------------------------------------------------------
@pytest.mark.django_db
def test_publishing_a_must_read_tells_its_audience_once(change_hub, pegawai, atasan, make_person, other_unit):
    elsewhere = make_person(roles.PEGAWAI, unit=other_unit)
    EmployeeFactory(unit=pegawai.employee.unit)  # no account
    deadline = datetime.date(2026, 12, 14)
    article = make_change_article(
        "Dialog kinerja di unit Anda", must_read=True, deadline=deadline, units=[pegawai.employee.unit]
    )
    assert not Notification.objects.exists()  # created as a draft would be: nothing published yet
    article.save_revision().publish()
    for person in (pegawai, atasan):
        [notification] = told(person)
        assert notification.kind == Kind.MUST_READ_PUBLISHED
        assert notification.key == f"article:{article.pk}:published"
        assert notification.title == "Bacaan wajib baru: Dialog kinerja di unit Anda"
        assert notification.body == "Baca dan konfirmasi paling lambat 14 Desember 2026."
        assert notification.url == article.url
    assert told(elsewhere) == []
    # Republishing (a correction) tells no one again.
    article.title = "Dialog kinerja di unit Anda (diperbarui)"
    article.save_revision().publish()
    assert Notification.objects.count() == 2


@pytest.mark.django_db
def test_an_article_that_is_not_a_must_read_tells_no_one(change_hub, pegawai):
    article = make_change_article("Cerita dari Diskominfo")
    article.save_revision().publish()
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_a_must_read_for_everyone_skips_who_already_confirmed(change_hub, pegawai, atasan):
    from portal.change.models import Acknowledgement

    article = make_change_article("SKP baru untuk semua", must_read=True)
    Acknowledgement.objects.create(article=article, employee=atasan.employee)
    article.save_revision().publish()
    assert [n.kind for n in told(pegawai)] == [Kind.MUST_READ_PUBLISHED]
    assert told(atasan) == []
    assert told(pegawai)[0].body == "Baca dan konfirmasi bahwa Anda sudah memahaminya."


# --- sosialisasi tomorrow -----------------------------------------------------------------------------
def the_day_before(event, hour=7) -> datetime.datetime:
    day = timezone.localdate(event.starts_at, timezone=WIB) - datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=WIB)


@pytest.mark.django_db
def test_registrants_are_reminded_the_day_before_once(change_hub, pegawai, atasan, make_person):
    event = make_change_event("Sosialisasi SKP Baru", location="Aula Kantor Wali Kota")
    gave_back = make_person(roles.PEGAWAI)
    EventRegistration.objects.create(event=event, employee=pegawai.employee)
    EventRegistration.objects.create(event=event, employee=gave_back.employee, cancelled_at=timezone.now())
    assert event_reminders_run(now=the_day_before(event) - datetime.timedelta(days=1)) == {"events": 0, "sent": 0}
    assert event_reminders_run(now=the_day_before(event)) == {"events": 1, "sent": 1}
    assert event_reminders_run(now=the_day_before(event, hour=8)) == {"events": 1, "sent": 0}
    [notification] = told(pegawai)
    assert notification.kind == Kind.EVENT_TOMORROW
    assert notification.key == f"event:{event.pk}:tomorrow"
    assert notification.title == "Sosialisasi besok: Sosialisasi SKP Baru"
    starts = event.starts_at.astimezone(WIB)
    assert f"pukul {starts:%H.%M} WIB" in notification.body and "Aula Kantor Wali Kota" in notification.body
    assert notification.url == event.url
    assert told(gave_back) == [] and told(atasan) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("starts", "run"),
    [(datetime.time(10), datetime.time(7)), (datetime.time(0, 30), datetime.time(0, 10))],
    ids=["at-ten-reminded-at-seven", "just-after-midnight-reminded-at-ten-past"],
)
def test_an_event_missed_yesterday_is_reminded_as_today(change_hub, pegawai, starts, run):
    """The day-before run was missed: a run on the event's own day (WIB), before it starts, reminds as
    "today". The times are fixed, not taken from the clock (an event made at 00:08 WIB used to start
    at 00:08 three days later, and an hour before it was still the day before)."""
    day = timezone.localdate(timezone.now(), timezone=WIB) + datetime.timedelta(days=3)
    starts_at = datetime.datetime.combine(day, starts, tzinfo=WIB)
    event = make_change_event("Sosialisasi Pagi", starts_in=starts_at - timezone.now())
    EventRegistration.objects.create(event=event, employee=pegawai.employee)
    assert event_reminders_run(now=datetime.datetime.combine(day, run, tzinfo=WIB))["sent"] == 1
    assert told(pegawai)[0].title == "Sosialisasi hari ini: Sosialisasi Pagi"
    assert event_reminders_run(now=event.starts_at + datetime.timedelta(minutes=1)) == {"events": 0, "sent": 0}


@pytest.mark.django_db
def test_the_event_task_runs_the_reminders(change_hub, pegawai):
    event = make_change_event("Sosialisasi Besok", starts_in=datetime.timedelta(hours=20))
    EventRegistration.objects.create(event=event, employee=pegawai.employee)
    result = event_reminders_task.delay().get()
    assert result == {"events": 1, "sent": 1}


# --- pulse surveys ------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_an_open_survey_is_announced_once_to_who_has_not_answered(pegawai, atasan, make_person):
    survey = make_pulse_survey("Survei Kesiapan Triwulan I")
    survey_respond(atasan.employee, survey)
    inactive = make_person(roles.PEGAWAI)
    inactive.employee.is_active = False
    inactive.employee.save(update_fields=["is_active"])
    now = survey.opens_at + datetime.timedelta(hours=2)
    assert survey_reminders_run(now=now) == {"open": 1, "closing": 0}
    assert survey_reminders_run(now=now + datetime.timedelta(days=1)) == {"open": 0, "closing": 0}
    [notification] = told(pegawai)
    assert notification.kind == Kind.SURVEY_OPEN
    assert notification.key == f"survey:{survey.pk}:open"
    assert notification.title == "Survei denyut dibuka: Survei Kesiapan Triwulan I"
    assert notification.url == f"/perubahan/survei/{survey.pk}/"
    assert told(atasan) == [] and told(inactive) == []
    # Someone who joins while the round is open is told on the next run.
    newcomer = make_person(roles.PEGAWAI)
    assert survey_reminders_run(now=now + datetime.timedelta(days=2))["open"] == 1
    assert [n.kind for n in told(newcomer)] == [Kind.SURVEY_OPEN]


@pytest.mark.django_db
def test_a_closing_survey_reminds_who_has_not_answered_once(pegawai, atasan):
    survey = make_pulse_survey("Survei Kesiapan Triwulan II")
    survey_respond(atasan.employee, survey)
    three_days_before = survey.closes_at - datetime.timedelta(days=3)
    assert survey_reminders_run(now=three_days_before)["closing"] == 0
    one_day_before = survey.closes_at - datetime.timedelta(days=1)
    assert survey_reminders_run(now=one_day_before) == {"open": 0, "closing": 1}
    assert survey_reminders_run(now=one_day_before + datetime.timedelta(hours=1))["closing"] == 0
    [closing] = told(pegawai, Kind.SURVEY_CLOSING)
    assert closing.key == f"survey:{survey.pk}:closing"
    assert closing.title == "Survei segera ditutup: Survei Kesiapan Triwulan II"
    assert closing.body.startswith("Anda belum mengisinya. Survei ditutup ")
    assert told(atasan) == []
    assert survey_reminders_run(now=survey.closes_at) == {"open": 0, "closing": 0}


@pytest.mark.django_db
def test_the_survey_task_runs_the_reminders(pegawai, atasan):
    make_pulse_survey("Survei Kesiapan Triwulan III", closes_in=datetime.timedelta(days=1))
    assert survey_reminders_task.delay().get() == {"open": 2, "closing": 2}


@pytest.mark.django_db
def test_change_hub_notifications_read_in_english(change_hub, pegawai):
    event = make_change_event("Sosialisasi SKP Baru")
    EventRegistration.objects.create(event=event, employee=pegawai.employee)
    event_reminders_run(now=the_day_before(event))
    survey = make_pulse_survey("Survei Kesiapan")
    survey_reminders_run(now=survey.opens_at + datetime.timedelta(hours=2))
    reminder = told(pegawai, Kind.EVENT_TOMORROW)[0]
    opened = told(pegawai, Kind.SURVEY_OPEN)[0]
    assert " pukul " in reminder.body
    with translation.override("en"):
        assert reminder.title_display() == "Information session tomorrow: Sosialisasi SKP Baru"
        assert " at " in reminder.body_display() and " pukul " not in reminder.body_display()
        assert opened.title_display() == "Pulse survey open: Survei Kesiapan"
