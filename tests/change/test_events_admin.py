"""HR's side of sosialisasi events in the Wagtail admin (attendance list, marking, exports, the printable
sign-in sheet), the pages' constant query counts, and the demo events."""

import io

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from openpyxl import load_workbook

from portal.change.models import ChangeEventPage, EventRegistration
from portal.change.services.events import registration_cancel, registration_create

from ..factories import EmployeeFactory, UnitFactory

# Warm: the session, the user, routing, the bell, the roles and the employee record come from the cache.
EVENT_PAGE_QUERIES = 4
ATTENDANCE_PAGE_QUERIES = 11  # with the audit trail's entry (portal.audit: one INSERT)


def attendance_url(event, **query):
    url = reverse("change_admin:event-attendance", args=[event.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def fill(event, count, units=None):
    """`count` more registrants of `event`, spread over `units` (default: three new units)."""
    units = units or [UnitFactory() for _ in range(3)]
    return [
        registration_create(employee=EmployeeFactory(unit=units[i % len(units)]), event=event)[0] for i in range(count)
    ]


# --- Access ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_hr_sees_the_event_list_and_the_attendance_list(client, hr_with_mfa, event_page, pegawai):
    registration_create(employee=pegawai.employee, event=event_page)
    client.force_login(hr_with_mfa)
    listing = client.get(reverse("change_admin:event-list"))
    assert listing.status_code == 200 and event_page.title in listing.content.decode()
    assert reverse("change_admin:event-list") == "/admin/perubahan/acara/"
    html = client.get(attendance_url(event_page)).content.decode()
    assert pegawai.employee.nip in html and pegawai.employee.name in html
    assert f'name="hadir" value="{event_page.registrations.get().pk}"' in html


@pytest.mark.django_db
def test_only_hr_may_open_the_event_screens(client, pelatih_with_mfa, atasan_with_mfa, pegawai, event_page):
    urls = [
        reverse("change_admin:event-list"),
        attendance_url(event_page),
        attendance_url(event_page, format="csv"),
        reverse("change_admin:event-sign-in-sheet", args=[event_page.pk]),
    ]
    for user in (pelatih_with_mfa, atasan_with_mfa, pegawai):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403, (user.username, url)
        assert client.post(attendance_url(event_page), {"hadir": []}).status_code == 403


@pytest.mark.django_db
def test_an_unknown_event_is_404_for_hr(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    assert client.get(reverse("change_admin:event-attendance", args=[999999])).status_code == 404
    assert client.get(reverse("change_admin:event-sign-in-sheet", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_the_attendance_button_is_on_event_pages_for_hr(client, hr_with_mfa, event_page):
    client.force_login(hr_with_mfa)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[event_page.pk])).content.decode()
    assert attendance_url(event_page) in html
    html = client.get(reverse("wagtailadmin_explore", args=[event_page.get_parent().pk])).content.decode()
    assert attendance_url(event_page) in html


# --- Marking attendance ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_hr_marks_who_came(client, hr_with_mfa, event_page):
    came, absent, also_came = fill(event_page, 3)
    client.force_login(hr_with_mfa)
    response = client.post(attendance_url(event_page), {"hadir": [came.pk, also_came.pk]})
    assert response.status_code == 302 and response["Location"] == attendance_url(event_page)
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Kehadiran disimpan: 2 hadir, 1 tidak hadir."]
    attended = dict(EventRegistration.objects.values_list("pk", "attended"))
    assert attended == {came.pk: True, absent.pk: False, also_came.pk: True}
    html = client.get(attendance_url(event_page)).content.decode()
    assert html.count(" checked ") == 2

    client.post(attendance_url(event_page), {})  # nobody ticked: everyone absent
    assert not EventRegistration.objects.filter(attended=True).exists()


@pytest.mark.django_db
def test_a_forged_registration_id_of_another_event_changes_nothing(client, hr_with_mfa, make_event):
    event, other = make_event("Acara A"), make_event("Acara B")
    [mine] = fill(event, 1)
    [theirs] = fill(other, 1)
    client.force_login(hr_with_mfa)
    response = client.post(attendance_url(event), {"hadir": [mine.pk, theirs.pk]})
    assert response.status_code == 400
    assert "tidak termasuk acara ini" in response.content.decode()
    assert not EventRegistration.objects.filter(attended=True).exists()
    response = client.post(attendance_url(event), {"hadir": ["satu"]})
    assert response.status_code == 400 and not EventRegistration.objects.filter(attended=True).exists()


# --- Exports and the sign-in sheet ----------------------------------------------------------------


@pytest.mark.django_db
def test_exports_csv_and_xlsx_without_cancelled_seats(client, hr_with_mfa, event_page, unit):
    tricky = EmployeeFactory(unit=unit, name='=HYPERLINK("http://jahat")')
    registration_create(employee=tricky, event=event_page)
    gone = EmployeeFactory(unit=unit, name="Sudah Batal")
    registration_create(employee=gone, event=event_page)
    registration_cancel(employee=gone, event=event_page)
    client.force_login(hr_with_mfa)

    response = client.get(attendance_url(event_page, format="csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert f"daftar-hadir-{event_page.slug}.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("No.,NIP,Nama,Unit kerja,Jabatan")
    assert tricky.nip in text and "'=HYPERLINK" in text and "Sudah Batal" not in text

    response = client.get(attendance_url(event_page, format="xlsx"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("No.", "NIP", "Nama")
    assert [row[1:3] for row in rows[1:]] == [(tricky.nip, '\'=HYPERLINK("http://jahat")')]


@pytest.mark.django_db
def test_the_printable_sign_in_sheet(client, hr_with_mfa, event_page, pegawai):
    registration_create(employee=pegawai.employee, event=event_page)
    client.force_login(hr_with_mfa)
    response = client.get(reverse("change_admin:event-sign-in-sheet", args=[event_page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "css/sign-in-sheet.css" in html and "Tanda tangan" in html and "Daftar Hadir" in html
    assert event_page.title in html and event_page.location in html
    assert pegawai.employee.nip in html and pegawai.employee.unit.name in html
    assert "wagtailadmin" not in html and "sidebar" not in html  # no admin chrome on paper


# --- Constant query counts ------------------------------------------------------------------------


def count_queries(client, url, django_assert_num_queries, expected):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200, url


@pytest.mark.django_db
@pytest.mark.parametrize("registrants", [3, 30])
def test_event_page_queries_do_not_grow_with_registrants(
    client, pegawai, make_event, other_unit, registrants, django_assert_num_queries
):
    event = make_event(capacity=100, units=[other_unit, pegawai.employee.unit])
    fill(event, registrants, units=[other_unit, pegawai.employee.unit])
    registration_create(employee=pegawai.employee, event=event)
    client.force_login(pegawai)
    count_queries(client, event.url, django_assert_num_queries, EVENT_PAGE_QUERIES)


@pytest.mark.django_db
@pytest.mark.parametrize("registrants", [3, 30])
def test_attendance_pages_queries_do_not_grow_with_registrants(
    client, hr_with_mfa, event_page, registrants, django_assert_num_queries
):
    fill(event_page, registrants)
    client.force_login(hr_with_mfa)
    count_queries(client, attendance_url(event_page), django_assert_num_queries, ATTENDANCE_PAGE_QUERIES)


# --- Demo data ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_events_are_seeded_once(event_hub):
    from portal.change.demo import events as demo
    from portal.people.demo import seed_organisation

    seed_organisation(employee_count=45)
    demo.seed()
    counts = (ChangeEventPage.objects.count(), EventRegistration.objects.count())
    demo.seed()
    assert (ChangeEventPage.objects.count(), EventRegistration.objects.count()) == counts

    kecamatan = ChangeEventPage.objects.get(slug="sosialisasi-skp-baru-kecamatan")
    online = ChangeEventPage.objects.get(slug="sosialisasi-daring-tanya-jawab-skp")
    past = ChangeEventPage.objects.get(slug="sosialisasi-awal-manajemen-kinerja")
    assert kecamatan.live and kecamatan.capacity == 40 and kecamatan.location and not kecamatan.online_url
    assert {u.name for u in kecamatan.target_units.all()} == {
        n for n in kecamatan.target_units.model.objects.values_list("name", flat=True) if n.startswith("Kecamatan")
    }
    assert online.online_url.startswith("https://") and online.capacity == 200 and not online.target_units.exists()
    assert kecamatan.registrations.exists() and online.registrations.exists()
    assert all(r.employee.unit.name.startswith("Kecamatan") for r in kecamatan.registrations.all())
    assert not online.registrations.filter(employee__user__username="pegawai").exists()
    assert past.registrations.filter(attended=True).count() > past.registrations.filter(attended=False).count() > 0
    assert kecamatan.get_latest_revision() is not None and kecamatan.url.startswith("/perubahan/")
