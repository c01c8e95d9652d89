"""Sosialisasi events as employees meet them: registering and cancelling (capacity, double booking,
timing, targeting, concurrency), the event page, and the register/cancel actions."""

import datetime
import re
import threading

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.change.models import ChangeEventPage, EventRegistration
from portal.change.selectors.events import attendance_list, event_context, event_seats_taken
from portal.change.services.events import attendance_mark, registration_cancel, registration_create
from portal.people import roles

from ..factories import EmployeeFactory, PositionFactory, UserFactory
from .conftest import make_change_event

HOUR = datetime.timedelta(hours=1)


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Services: registration_create / registration_cancel ------------------------------------------


@pytest.mark.django_db
def test_register_takes_one_seat_and_a_double_submit_keeps_one_record(event_page, pegawai):
    employee = pegawai.employee
    registration, created = registration_create(employee=employee, event=event_page)
    again, created_again = registration_create(employee=employee, event=event_page)
    assert created and not created_again
    assert again.pk == registration.pk and again.is_active
    assert EventRegistration.objects.filter(event=event_page).count() == 1
    assert event_seats_taken(event_page) == 1


@pytest.mark.django_db
def test_capacity_is_enforced(make_event, unit):
    event = make_event(capacity=2)
    first, second, third = EmployeeFactory.create_batch(3, unit=unit)
    registration_create(employee=first, event=event)
    registration_create(employee=second, event=event)
    with pytest.raises(ValidationError) as refused:
        registration_create(employee=third, event=event)
    assert refused.value.code == "full"
    assert event_seats_taken(event) == 2
    assert not EventRegistration.objects.filter(employee=third).exists()


@pytest.mark.django_db
def test_cancel_frees_the_seat_and_registering_again_reactivates_the_same_row(make_event, unit):
    event = make_event(capacity=1)
    alice, budi = EmployeeFactory.create_batch(2, unit=unit)
    registration, _ = registration_create(employee=alice, event=event)
    registration_cancel(employee=alice, event=event)
    registration_create(employee=budi, event=event)  # the freed seat goes to a colleague
    with pytest.raises(ValidationError) as refused:
        registration_create(employee=alice, event=event)
    assert refused.value.code == "full"
    registration_cancel(employee=budi, event=event)
    again, created = registration_create(employee=alice, event=event)
    assert created and again.pk == registration.pk and again.cancelled_at is None
    assert EventRegistration.objects.filter(event=event, employee=alice).count() == 1
    assert event_seats_taken(event) == 1


@pytest.mark.django_db
def test_cancel_is_idempotent(event_page, pegawai):
    employee = pegawai.employee
    assert registration_cancel(employee=employee, event=event_page) == (None, False)
    registration_create(employee=employee, event=event_page)
    registration, cancelled = registration_cancel(employee=employee, event=event_page)
    assert cancelled and registration.cancelled_at is not None
    again, cancelled_again = registration_cancel(employee=employee, event=event_page)
    assert again.pk == registration.pk and not cancelled_again
    assert event_seats_taken(event_page) == 0


@pytest.mark.django_db
def test_cancel_after_the_start_is_refused(event_page, pegawai):
    employee = pegawai.employee
    registration_create(employee=employee, event=event_page)
    with pytest.raises(ValidationError) as refused:
        registration_cancel(
            employee=employee, event=event_page, now=event_page.starts_at + datetime.timedelta(minutes=1)
        )
    assert refused.value.code == "started"
    assert event_seats_taken(event_page) == 1


@pytest.mark.django_db
def test_registering_after_the_start_or_the_end_is_refused(event_page, pegawai):
    employee = pegawai.employee
    with pytest.raises(ValidationError) as refused:
        registration_create(employee=employee, event=event_page, now=event_page.starts_at)
    assert refused.value.code == "started"
    with pytest.raises(ValidationError) as refused:
        registration_create(employee=employee, event=event_page, now=event_page.ends_at + HOUR)
    assert refused.value.code == "ended"
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_an_unpublished_event_takes_no_registrations(event_page, pegawai):
    event_page.unpublish()
    with pytest.raises(ValidationError) as refused:
        registration_create(employee=pegawai.employee, event=event_page)
    assert refused.value.code == "not_live"


@pytest.mark.django_db
def test_an_inactive_employee_cannot_register(event_page, unit):
    employee = EmployeeFactory(unit=unit, is_active=False)
    with pytest.raises(ValidationError) as refused:
        registration_create(employee=employee, event=event_page)
    assert refused.value.code == "inactive"


@pytest.mark.django_db
def test_targeting_by_unit_or_position(make_event, pegawai, unit, other_unit):
    camat = PositionFactory(name="Camat")
    for_kecamatan = make_event("Untuk kecamatan", units=[other_unit])
    for_camat = make_event("Untuk camat", positions=[camat])
    with pytest.raises(ValidationError) as refused:
        registration_create(employee=pegawai.employee, event=for_kecamatan)
    assert refused.value.code == "not_targeted"
    with pytest.raises(ValidationError) as refused:
        registration_create(employee=pegawai.employee, event=for_camat)
    assert refused.value.code == "not_targeted"
    assert registration_create(employee=EmployeeFactory(unit=other_unit), event=for_kecamatan)[1]
    assert registration_create(employee=EmployeeFactory(unit=unit, position=camat), event=for_camat)[1]
    assert registration_create(employee=pegawai.employee, event=make_event("Untuk semua"))[1]


# Serialized rollback: the flush after a transactional test must not leave the next browser test
# without the migrations' data (roles, home page, content types).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_people_racing_for_the_last_seat_get_exactly_one(make_event, unit):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (as in CI)")
    event = make_event(capacity=1)
    racers = EmployeeFactory.create_batch(2, unit=unit)
    barrier = threading.Barrier(len(racers))
    outcomes = []

    def race(employee):
        try:
            barrier.wait()
            registration_create(employee=employee, event=event)
            outcomes.append("seat")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(employee,)) for employee in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["Kuota acara sudah penuh.", "seat"]
    assert EventRegistration.objects.filter(event=event, cancelled_at__isnull=True).count() == 1


# --- Services: attendance_mark --------------------------------------------------------------------


@pytest.mark.django_db
def test_attendance_marks_exactly_the_chosen_people(make_event, unit, hr):
    from wagtail.models import PageLogEntry

    event = make_event(capacity=5)
    came, stayed_away, late_entry = (
        registration_create(employee=e, event=event)[0] for e in EmployeeFactory.create_batch(3, unit=unit)
    )
    first = timezone.now()
    assert attendance_mark(event=event, registration_ids={came.pk}, by_user=hr, now=first) == {
        "present": 1,
        "absent": 2,
    }
    later = first + HOUR
    attendance_mark(event=event, registration_ids={came.pk, late_entry.pk}, by_user=hr, now=later)
    rows = {r.pk: r for r in EventRegistration.objects.filter(event=event)}
    assert (rows[came.pk].attended, rows[came.pk].attendance_marked_at) == (True, first)  # unchanged: time kept
    assert (rows[stayed_away.pk].attended, rows[stayed_away.pk].attendance_marked_at) == (False, first)
    assert (rows[late_entry.pk].attended, rows[late_entry.pk].attendance_marked_at) == (True, later)
    log = PageLogEntry.objects.filter(page=event, action="change.event_attendance")
    assert log.count() == 2 and log.first().user_id == hr.pk


@pytest.mark.django_db
def test_attendance_refuses_registrations_of_another_event_and_changes_nothing(make_event, unit, hr):
    event, other = make_event("Acara A"), make_event("Acara B")
    mine = registration_create(employee=EmployeeFactory(unit=unit), event=event)[0]
    theirs = registration_create(employee=EmployeeFactory(unit=unit), event=other)[0]
    with pytest.raises(ValidationError) as refused:
        attendance_mark(event=event, registration_ids={mine.pk, theirs.pk}, by_user=hr)
    assert refused.value.code == "foreign_registration"
    assert not EventRegistration.objects.filter(attended=True).exists()
    assert not EventRegistration.objects.filter(attendance_marked_at__isnull=False).exists()


@pytest.mark.django_db
def test_attendance_refuses_a_cancelled_registration(event_page, pegawai, hr):
    registration = registration_create(employee=pegawai.employee, event=event_page)[0]
    registration_cancel(employee=pegawai.employee, event=event_page)
    with pytest.raises(ValidationError):
        attendance_mark(event=event_page, registration_ids={registration.pk}, by_user=hr)


# --- Selectors ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_event_context_explains_each_state(make_event, pegawai, unit, other_unit, django_assert_max_num_queries):
    from django.contrib.auth.models import AnonymousUser

    event = make_event(capacity=1)
    with django_assert_max_num_queries(7):
        context = event_context(event=event, user=pegawai)
    assert context["can_register"] and context["seats_left"] == 1 and not context["is_registered"]
    assert not event_context(event=event, user=AnonymousUser())["can_register"]

    registration_create(employee=pegawai.employee, event=event)
    context = event_context(event=event, user=pegawai)
    assert context["is_registered"] and context["can_cancel"] and context["is_full"] and context["seats_left"] == 0
    assert not event_context(event=event, user=pegawai, now=event.starts_at)["can_cancel"]

    colleague_user = UserFactory()
    EmployeeFactory(unit=unit, user=colleague_user)
    context = event_context(event=event, user=colleague_user)
    assert not context["can_register"] and context["register_refusal_code"] == "full"
    assert context["register_refusal"] == "Kuota acara sudah penuh."  # the reason the page shows, in Indonesian
    context = event_context(event=make_event(units=[other_unit]), user=colleague_user)
    assert context["register_refusal_code"] == "not_targeted"
    assert event_context(event=event, user=colleague_user, now=event.ends_at)["is_past"]


@pytest.mark.django_db
def test_attendance_list_is_by_unit_then_name_without_cancellations(event_page, django_assert_num_queries):
    from ..factories import UnitFactory

    dinkes, bkpsdm = UnitFactory(name="Dinas Kesehatan"), UnitFactory(name="BKPSDM")
    people = [
        EmployeeFactory(name="Zainal", unit=bkpsdm),
        EmployeeFactory(name="Ayu", unit=dinkes),
        EmployeeFactory(name="Budi", unit=bkpsdm),
        EmployeeFactory(name="Dewi", unit=dinkes),
    ]
    for employee in people:
        registration_create(employee=employee, event=event_page)
    registration_cancel(employee=people[3], event=event_page)
    with django_assert_num_queries(1):
        rows = [
            (r.employee.unit.name, r.employee.name, r.employee.position.name) for r in attendance_list(event=event_page)
        ]
    assert [name for _unit, name, _position in rows] == ["Budi", "Zainal", "Ayu"]


# --- The event page and the actions ---------------------------------------------------------------


@pytest.mark.django_db
def test_event_page_shows_the_time_in_wib_and_the_seats(client, pegawai, event_hub):
    start = timezone.make_aware(datetime.datetime(2026, 12, 10, 9, 0))
    event = make_change_event("Sosialisasi SKP", capacity=40, online_url="https://zoom.us/j/123")
    ChangeEventPage.objects.filter(pk=event.pk).update(starts_at=start, ends_at=start + 2 * HOUR)
    client.force_login(pegawai)
    html = client.get(event.url).content.decode()
    assert "Kamis, 10 Desember 2026 09.00–11.00 WIB" in re.sub(r"<[^>]+>", "", html)
    assert "Aula Kantor Wali Kota Pangkalpinang" in html
    assert "https://zoom.us/j/123" not in html  # the link is for registrants


@pytest.mark.django_db
def test_register_and_cancel_through_the_page(client, pegawai, event_page):
    client.force_login(pegawai)
    html = client.get(event_page.url).content.decode()
    assert "Daftar acara ini" in html and "<strong>40</strong> kursi tersisa" in html
    register = reverse("change:event-register", args=[event_page.pk])
    response = client.post(register)
    assert response.status_code == 302 and response["Location"] == event_page.url
    assert texts(response) == [f"Anda terdaftar di acara {event_page.title}."]
    response = client.post(register)
    assert texts(response)[-1] == "Anda sudah terdaftar di acara ini."
    assert EventRegistration.objects.filter(event=event_page).count() == 1
    html = client.get(event_page.url).content.decode()
    assert "Anda terdaftar" in html and "<strong>39</strong> kursi tersisa" in html and "Batalkan pendaftaran" in html

    response = client.post(reverse("change:event-cancel", args=[event_page.pk]))
    assert response["Location"] == event_page.url
    assert texts(response)[-1].startswith("Pendaftaran Anda dibatalkan")
    assert event_seats_taken(event_page) == 0


@pytest.mark.django_db
def test_full_and_started_events_refuse_with_a_message(client, make_event, pegawai, unit):
    full = make_event(capacity=1)
    registration_create(employee=EmployeeFactory(unit=unit), event=full)
    client.force_login(pegawai)
    response = client.post(reverse("change:event-register", args=[full.pk]))
    assert texts(response) == ["Kuota acara sudah penuh."]
    assert "Kuota penuh" in client.get(full.url).content.decode()

    started = make_event(starts_in=-datetime.timedelta(minutes=10))
    response = client.post(reverse("change:event-register", args=[started.pk]))
    assert texts(response)[-1] == "Pendaftaran ditutup karena acara sudah dimulai."
    assert not EventRegistration.objects.filter(employee=pegawai.employee).exists()


@pytest.mark.django_db
def test_cancelling_after_the_start_is_refused_with_a_message(client, make_event, pegawai):
    event = make_event()
    registration_create(employee=pegawai.employee, event=event)
    ChangeEventPage.objects.filter(pk=event.pk).update(starts_at=timezone.now() - HOUR)
    client.force_login(pegawai)
    response = client.post(reverse("change:event-cancel", args=[event.pk]))
    assert texts(response) == ["Pendaftaran tidak dapat dibatalkan karena acara sudah dimulai."]
    assert event_seats_taken(event) == 1


@pytest.mark.django_db
def test_actions_are_post_only_login_required_and_csrf_protected(client, pegawai, event_page):
    register = reverse("change:event-register", args=[event_page.pk])
    assert register == f"/perubahan/aksi/acara/{event_page.pk}/daftar/"
    response = client.post(register)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(pegawai)
    assert client.get(register).status_code == 405
    assert client.get(reverse("change:event-cancel", args=[event_page.pk])).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(pegawai)
    assert strict.post(register).status_code == 403
    assert strict.post(reverse("change:event-cancel", args=[event_page.pk])).status_code == 403
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_unknown_or_unpublished_events_are_404(client, pegawai, make_event):
    client.force_login(pegawai)
    draft = make_event("Draf")
    draft.unpublish()
    for event_id in (draft.pk, 999999):
        assert client.post(reverse("change:event-register", args=[event_id])).status_code == 404
        assert client.post(reverse("change:event-cancel", args=[event_id])).status_code == 404
    hub_id = draft.get_parent().pk  # a live page, but not an event
    assert client.post(reverse("change:event-register", args=[hub_id])).status_code == 404


@pytest.mark.django_db
def test_an_account_without_an_employee_record_is_told_why(client, event_page):
    user = UserFactory(roles=[roles.PEGAWAI])
    client.force_login(user)
    response = client.post(reverse("change:event-register", args=[event_page.pk]))
    assert "belum terhubung dengan data pegawai" in texts(response)[0]
    assert not EventRegistration.objects.exists()
