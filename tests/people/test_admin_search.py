"""HR finds people, units and positions with the admin listings' search box, on PostgreSQL (CI,
production) and on SQLite (the zero-set-up run), where the search engine's limited search used to
fail with a server error."""

import pytest

from ..factories import EmployeeFactory, PositionFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_hr_finds_an_employee_by_nip_and_by_name(client, hr_with_mfa, unit):
    wanted = EmployeeFactory(unit=unit, name="Dedi Kurniawan")
    other = EmployeeFactory(unit=unit, name="Sari Lestari")
    client.force_login(hr_with_mfa)

    for query in (wanted.nip, "Dedi", "kurnia"):
        response = client.get("/admin/pegawai/", {"q": query})
        assert response.status_code == 200, query
        page = response.content.decode()
        assert f"/admin/pegawai/edit/{wanted.pk}/" in page, query
        assert f"/admin/pegawai/edit/{other.pk}/" not in page, query


def test_hr_finds_a_unit_and_a_position_by_name_or_code(client, hr_with_mfa):
    unit = UnitFactory(name="Kecamatan Rangkui", code="kec-rangkui")
    position = PositionFactory(name="Analis Kepegawaian")
    client.force_login(hr_with_mfa)

    for query in ("Rangkui", "kec-rang"):
        found = client.get("/admin/unit-kerja/", {"q": query})
        assert found.status_code == 200, query
        assert f"/admin/unit-kerja/edit/{unit.pk}/" in found.content.decode(), query
    for query in ("Analis", position.code):
        found = client.get("/admin/jabatan/", {"q": query})
        assert found.status_code == 200, query
        assert f"/admin/jabatan/edit/{position.pk}/" in found.content.decode(), query


def test_every_admin_listing_with_a_search_box_answers_a_search(client, with_totp):
    """A search on each listing of the admin (people, competencies, gaps, appraisals, …) answers
    200, never a server error, whatever its search fields and the database."""
    from django.urls import reverse
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.model import ModelViewSet

    from ..factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    with_totp(admin)
    client.force_login(admin)
    reverse("wagtailadmin_home")  # the admin's URLs register its viewsets
    searchable = [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(viewset, ModelViewSet) and isinstance(viewset.search_fields, list | tuple)
    ]
    assert len(searchable) >= 10
    for viewset in searchable:
        url = reverse(viewset.get_url_name("index"))
        assert client.get(url, {"q": "dinas"}).status_code == 200, url


def test_the_number_found_is_said_in_indonesian(client, hr_with_mfa, unit):
    EmployeeFactory(unit=unit, name="Dedi Kurniawan")
    client.force_login(hr_with_mfa)

    page = client.get("/admin/pegawai/", {"q": "Dedi"}, HTTP_ACCEPT_LANGUAGE="id").content.decode()

    assert "Ditemukan 1 hasil" in page and "There is 1 match" not in page
