"""The audit trail records who read or exported whose personal data, without the views' help."""

import pytest
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from appraisal_link.api.services import api_client_create
from appraisal_link.models import Appraisal, Predikat, Rating
from portal.audit.models import AuditAction, AuditEntry
from portal.audit.rules import audit_rules
from portal.audit.services import audit_record
from portal.people import roles

from ..appraisal_link.conftest import nip, record
from ..factories import EmployeeFactory, PositionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered_employee(unit):
    """The employee of the API's sample record, already in the register."""
    position = PositionFactory(name="Analis SDM Aparatur", code="analis-sdm")
    return EmployeeFactory(nip=nip(1), name="Siti Aminah", unit=unit, position=position)


def appraisal_of(employee):
    return Appraisal.objects.create(
        employee=employee,
        year=2026,
        period="tahunan",
        hasil_kerja=Rating.MEETS,
        perilaku_kerja=Rating.MEETS,
        predikat=Predikat.BAIK,
    )


def only_entry():
    entries = list(AuditEntry.objects.all())
    assert len(entries) == 1, entries
    return entries[0]


def test_a_supervisor_opening_a_team_member_is_recorded(client, atasan_with_mfa, pegawai):
    client.force_login(atasan_with_mfa)
    before = timezone.now()
    response = client.get(reverse("team_member", args=[pegawai.employee.pk]), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    entry = only_entry()
    assert entry.actor == atasan_with_mfa
    assert atasan_with_mfa.username in entry.actor_label
    assert (entry.action, entry.what) == (AuditAction.VIEW, "tim.anggota")
    assert entry.subject_employee == pegawai.employee
    assert entry.subject_label == f"{pegawai.employee.name} ({pegawai.employee.nip})"
    assert entry.created_at >= before
    assert entry.ip == "10.1.2.3"
    assert entry.path == reverse("team_member", args=[pegawai.employee.pk])


def test_someone_elses_id_gives_404_and_records_nothing(client, atasan_with_mfa, make_person):
    stranger = make_person(roles.PEGAWAI)  # not in the supervisor's chain
    client.force_login(atasan_with_mfa)
    assert client.get(reverse("team_member", args=[stranger.employee.pk])).status_code == 404
    assert client.get(reverse("team_member", args=[999999])).status_code == 404
    assert not AuditEntry.objects.exists()


def test_a_pegawai_refused_the_team_page_records_nothing(client, pegawai):
    client.force_login(pegawai)
    assert client.get(reverse("team")).status_code in (302, 403)
    assert not AuditEntry.objects.exists()


def test_an_hr_export_is_recorded_as_an_export_with_its_format(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    response = client.get(reverse("appraisal_jp"), {"format": "csv", "tahun": "2026"})
    assert response.status_code == 200
    entry = only_entry()
    assert (entry.action, entry.what, entry.actor) == (AuditAction.EXPORT, "laporan.jp", hr_with_mfa)
    assert entry.detail["format"] == "csv"
    assert entry.detail["query"]["tahun"] == "2026"
    assert entry.subject_employee is None


def test_opening_an_appraisal_in_the_admin_names_whose_it_is(client, hr_with_mfa, pegawai):
    appraisal = appraisal_of(pegawai.employee)
    client.force_login(hr_with_mfa)
    assert client.get(reverse("penilaian-skp:edit", args=[appraisal.pk])).status_code == 200
    entry = only_entry()
    assert (entry.what, entry.subject_employee, entry.object_ref) == (
        "penilaian.data",
        pegawai.employee,
        f"appraisal:{appraisal.pk}",
    )


def test_a_wagtail_listing_export_of_gaps_is_recorded(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    response = client.get(reverse("kesenjangan-kompetensi:index"), {"export": "xlsx"})
    assert response.status_code == 200
    entry = only_entry()
    assert (entry.action, entry.what, entry.detail["format"]) == (AuditAction.EXPORT, "kesenjangan.daftar", "xlsx")


def test_an_employee_record_opened_by_hr_is_recorded(client, hr_with_mfa, pegawai):
    client.force_login(hr_with_mfa)
    assert client.get(reverse("pegawai:edit", args=[pegawai.employee.pk])).status_code == 200
    entry = only_entry()
    assert (entry.what, entry.subject_employee) == ("pegawai.data", pegawai.employee)


def test_an_api_write_names_the_token_but_never_its_secret(client, registered_employee):
    key = api_client_create(name="SIMPEG BKD Provinsi").key
    response = client.post(
        "/api/penilaian/", data=[record()], content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert response.status_code == 200, response.content
    entry = only_entry()
    assert entry.action == AuditAction.API_WRITE
    assert entry.actor is not None and entry.actor.username in entry.actor_label
    assert entry.token and entry.token in key and key not in entry.token
    assert entry.detail["rows"] == 1
    assert key not in str(entry.detail)


def test_a_refused_api_write_is_not_recorded(client):
    response = client.post("/api/penilaian/", data=[record()], content_type="application/json")
    assert response.status_code == 401
    assert not AuditEntry.objects.exists()


def test_an_entry_survives_its_actor_and_subject(client, hr_with_mfa, pegawai):
    client.force_login(hr_with_mfa)
    client.get(reverse("pegawai:edit", args=[pegawai.employee.pk]))
    client.logout()
    employee = pegawai.employee
    pegawai.delete()
    employee.delete()
    hr_with_mfa.delete()
    entry = only_entry()
    assert entry.actor is None and entry.subject_employee is None
    assert hr_with_mfa.username in entry.actor_label and employee.nip in entry.subject_label


def test_every_registered_view_name_exists():
    """A renamed URL would silently stop being audited: every rule must name a live URL."""
    names = set(audit_rules())
    assert names - set(_view_names(get_resolver())) == set()
    assert {"team_member", "course_report", "api_appraisals", "penilaian-skp:edit"} <= names


def _view_names(resolver, namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _view_names(pattern, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


def test_recording_costs_one_query(client, hr_with_mfa, pegawai, django_assert_num_queries):
    """The subject's id and label are sub-queries of the INSERT, not queries of their own."""
    request = RequestFactory().get("/x/")
    request.user = hr_with_mfa
    with django_assert_num_queries(1):
        audit_record(request=request, what="uji", subject=pegawai.employee.pk)
    assert AuditEntry.objects.get().subject_label.endswith(f"({pegawai.employee.nip})")
