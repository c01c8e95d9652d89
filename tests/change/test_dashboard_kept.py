"""The dashboard's change-hub part is kept per employee (portal.change.kept): each action that
changes it shows at the next page, and time ends what it shows."""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.change.services.events import registration_cancel, registration_create
from portal.change.services.reading import acknowledgement_record

from .conftest import close_pulse_survey, make_change_article, make_change_event, make_pulse_survey, survey_answers


def dashboard(client) -> str:
    response = client.get("/dasbor/")
    assert response.status_code == 200
    return response.content.decode()


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        dashboard(client)
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_a_confirmed_must_read_leaves_the_dashboard_at_once(client, pegawai, must_read_article):
    client.force_login(pegawai)
    assert must_read_article.title in dashboard(client)
    warm = dashboard_queries(client)
    acknowledgement_record(employee=pegawai.employee, article=must_read_article)
    html = dashboard(client)
    assert must_read_article.title not in html
    assert "1 artikel sudah Anda konfirmasi" in html
    assert dashboard_queries(client) == warm


@pytest.mark.django_db
def test_a_seat_taken_and_given_back_shows_at_once(client, pegawai, event_hub):
    event = make_change_event("Sosialisasi Budaya BerAKHLAK")
    client.force_login(pegawai)
    assert "Anda terdaftar" not in dashboard(client)
    registration_create(employee=pegawai.employee, event=event)
    assert "Anda terdaftar" in dashboard(client)
    registration_cancel(employee=pegawai.employee, event=event)
    assert "Anda terdaftar" not in dashboard(client)


@pytest.mark.django_db
def test_an_answered_survey_leaves_the_dashboard_and_a_new_round_appears(client, pegawai):
    from portal.change.services.surveys import survey_response_submit

    survey = make_pulse_survey("Survei Kesiapan Triwulan I")
    client.force_login(pegawai)
    assert survey.title in dashboard(client)
    survey_response_submit(employee=pegawai.employee, survey=survey, answers=survey_answers(survey), concern="")
    assert survey.title not in dashboard(client)
    second = make_pulse_survey("Survei Kesiapan Triwulan II")
    assert second.title in dashboard(client)
    close_pulse_survey(second)
    assert second.title not in dashboard(client)


@pytest.mark.django_db
def test_a_new_must_read_and_a_move_to_its_unit_show_at_once(client, pegawai, change_hub, other_unit):
    client.force_login(pegawai)
    dashboard(client)
    for_everyone = make_change_article("Tanya jawab SKP baru", must_read=True)
    assert for_everyone.title in dashboard(client)
    elsewhere = make_change_article("Pedoman khusus unit lain", must_read=True, units=[other_unit])
    assert elsewhere.title not in dashboard(client)
    employee = pegawai.employee
    employee.unit = other_unit
    employee.save(update_fields=["unit"])
    assert elsewhere.title in dashboard(client)


@pytest.mark.django_db
def test_an_unpublished_event_leaves_the_dashboard(client, pegawai, event_hub):
    event = make_change_event("Sosialisasi yang dibatalkan")
    client.force_login(pegawai)
    assert event.title in dashboard(client)
    event.unpublish()
    assert event.title not in dashboard(client)


@pytest.mark.django_db
def test_an_event_leaves_the_dashboard_when_it_starts(client, pegawai, event_hub):
    event = make_change_event("Sosialisasi sebentar lagi", starts_in=datetime.timedelta(seconds=2))
    client.force_login(pegawai)
    assert event.title in dashboard(client)
    time.sleep(max(0.0, (event.starts_at - timezone.now()).total_seconds()) + 0.2)
    assert event.title not in dashboard(client)


@pytest.mark.django_db
def test_a_survey_opening_later_appears_when_it_opens(client, pegawai):
    survey = make_pulse_survey("Survei yang dibuka sebentar lagi", opened=-datetime.timedelta(seconds=2))
    client.force_login(pegawai)
    assert survey.title not in dashboard(client)
    time.sleep(max(0.0, (survey.opens_at - timezone.now()).total_seconds()) + 0.2)
    assert survey.title in dashboard(client)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_read_between_the_confirmation_and_its_commit_is_not_kept(client, pegawai, must_read_article):
    """A dashboard built by another request while the confirmation's transaction is open keeps the
    old list; the renewal at commit makes it old."""
    from django.db import transaction

    if connection.vendor != "postgresql":
        pytest.skip("needs two transactions at once on one table (PostgreSQL, as in CI)")

    from portal.change.kept import dashboard_part

    client.force_login(pegawai)
    assert must_read_article.title in dashboard(client)
    with transaction.atomic():
        acknowledgement_record(employee=pegawai.employee, article=must_read_article)
        # Another request, outside this transaction, reads and keeps the list it sees: still pending.
        from concurrent.futures import ThreadPoolExecutor

        def other_request():
            from portal.people.models import Employee

            try:
                employee = Employee.objects.select_related("unit").get(pk=pegawai.employee.pk)
                return [item.title for item in dashboard_part(employee=employee)["must_reads"]["items"]]
            finally:
                connection.close()

        with ThreadPoolExecutor(1) as pool:
            assert pool.submit(other_request).result() == [must_read_article.title]
    assert must_read_article.title not in dashboard(client)
