"""Anonymising a person who left: name and NIP gone everywhere, aggregate reports unchanged, HR only."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from appraisal_link.models import Appraisal, AppraisalImport
from appraisal_link.reports import queries as reports
from courses.models import Certificate, Enrollment
from courses.reports import course_summary
from portal.audit.models import AuditEntry
from portal.notifications.models import Notification
from portal.people import roles
from portal.people.models import Employee
from portal.people.nip import validate_nip
from portal.privacy.anonymising import employee_anonymise

NAME, NIP = "Rahmawati Kusumadewi", "198703152010122004"


@pytest.fixture
def leaver(make_person, records_of):
    """An employee with an account and a record in every app, who has left (inactive)."""
    user = make_person(roles.PEGAWAI, first_name=NAME, username="rahmawati", email="rahmawati@pangkalpinangkota.go.id")
    employee = user.employee
    Employee.objects.filter(pk=employee.pk).update(nip=NIP, email="rahma.kusumadewi@pangkalpinangkota.go.id")
    employee.refresh_from_db()
    made = records_of(employee)
    AppraisalImport.objects.create(
        original_name="skp.csv",
        status=AppraisalImport.Status.FAILED,
        errors=[
            {"row": 2, "column": "nip", "value": NIP, "message": "Nilai tidak sah.", "level": "error"},
            {"row": 3, "column": "tahun", "value": "20x5", "message": "Tahun tidak sah.", "level": "error"},
        ],
    )
    Employee.objects.filter(pk=employee.pk).update(is_active=False)
    employee.refresh_from_db()
    return {"employee": employee, "user": user, **made}


def _aggregates(course) -> dict:
    heatmap = reports.heatmap()
    return {
        "heatmap": [(row["unit"].pk, [cell["people"] for cell in row["cells"]]) for row in heatmap["rows"]],
        "closure": reports.gap_closure(),
        "jp_2026": sorted(Enrollment.objects.filter(jp_year=2026).values_list("employee__unit_id", "jp_awarded")),
        "course": course_summary(course=course),
        "appraisals": Appraisal.objects.count(),
        "certificates": list(Certificate.objects.values_list("code", "sha256", "jp")),
    }


def _everything() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_name_and_nip_are_gone_everywhere_and_reports_do_not_change(
    leaver, hr_with_mfa, django_capture_on_commit_callbacks
):
    employee, certificate = leaver["employee"], leaver["certificate"]
    pdf_path, proof_path = certificate.pdf.path, leaver["activity"].proof.path
    before = _aggregates(leaver["course"])
    assert NAME in _everything() and NIP in _everything()

    with django_capture_on_commit_callbacks(execute=True):
        employee_anonymise(employee=employee, by=hr_with_mfa)

    dump = _everything()
    assert NAME not in dump and NIP not in dump and "rahmawati" not in dump and "kusumadewi" not in dump
    assert _aggregates(leaver["course"]) == before
    employee.refresh_from_db()
    assert employee.name == f"Pegawai anonim #{employee.pk}"
    assert len(employee.nip) == 18 and employee.nip.isdigit()
    with pytest.raises(ValidationError):
        validate_nip(employee.nip)  # cannot be a real NIP
    certificate.refresh_from_db()
    assert not certificate.pdf and not os.path.exists(pdf_path)
    assert not os.path.exists(proof_path)  # the proof of an activity outside the portal named them too
    assert certificate.holder_name == employee.name and certificate.sha256
    assert not Notification.objects.filter(user=leaver["user"]).exists()
    [job] = AppraisalImport.objects.all()
    assert [problem["row"] for problem in job.errors] == [3]


def test_the_account_can_no_longer_log_in(client, leaver, hr_with_mfa, password):
    employee_anonymise(employee=leaver["employee"], by=hr_with_mfa)

    user = leaver["user"]
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert user.email == "" and user.first_name == "" and not user.groups.exists()
    for login in ("rahmawati", NIP, "rahmawati@pangkalpinangkota.go.id"):
        response = client.post(reverse("account_login"), {"login": login, "password": password})
        assert "_auth_user_id" not in client.session, login
        assert response.status_code in (200, 400)


def test_an_active_employee_is_refused_and_nothing_changes(pegawai, hr_with_mfa):
    employee = pegawai.employee
    with pytest.raises(ValidationError) as refused:
        employee_anonymise(employee=employee, by=hr_with_mfa)
    assert refused.value.code == "employee_active"
    employee.refresh_from_db()
    pegawai.refresh_from_db()
    assert not employee.name.startswith("Pegawai anonim") and pegawai.is_active and pegawai.has_usable_password()


def test_hr_confirms_then_anonymises_from_the_admin(client, leaver, hr_with_mfa):
    url = reverse("people_employee_anonymise", args=[leaver["employee"].pk])
    client.force_login(hr_with_mfa)

    listing = client.get(reverse("pegawai:index")).content.decode()
    page = client.get(url)
    response = client.post(url)

    assert url in listing
    assert page.status_code == 200 and "Anonimkan pegawai ini" in page.content.decode()
    assert response.status_code == 302
    assert Employee.objects.get(pk=leaver["employee"].pk).name.startswith("Pegawai anonim #")
    assert AuditEntry.objects.filter(what="pegawai.anonimkan", actor=hr_with_mfa).count() == 1  # the confirm page


def test_the_admin_refuses_an_active_employee_with_a_message(client, pegawai, hr_with_mfa):
    url = reverse("people_employee_anonymise", args=[pegawai.employee.pk])
    client.force_login(hr_with_mfa)

    page = client.get(url).content.decode()
    response = client.post(url)

    assert "masih aktif" in page and "Anonimkan pegawai ini" not in page
    assert response.status_code == 400
    assert "masih aktif" in response.content.decode()
    assert Employee.objects.get(pk=pegawai.employee.pk).nip == pegawai.employee.nip


def test_only_hr_with_a_second_factor_may_anonymise(client, leaver, hr, atasan, pegawai, with_totp):
    url = reverse("people_employee_anonymise", args=[leaver["employee"].pk])
    with_totp(atasan)
    for user in (pegawai, atasan):
        client.force_login(user)
        assert client.post(url).status_code == 403
    client.force_login(hr)  # HR without TOTP is sent to set it up first
    response = client.post(url)
    assert response.status_code == 302 and reverse("mfa_activate_totp") in response["Location"]
    assert Employee.objects.get(pk=leaver["employee"].pk).name == NAME


def test_an_anonymised_record_cannot_be_edited_back(client, leaver, hr_with_mfa):
    employee = leaver["employee"]
    client.force_login(hr_with_mfa)
    client.post(reverse("people_employee_anonymise", args=[employee.pk]))
    edit = reverse("pegawai:edit", args=[employee.pk])

    response = client.post(edit, {"nip": "199204202019032011", "name": "Kembali"}, follow=True)

    employee.refresh_from_db()
    assert employee.name.startswith("Pegawai anonim #")
    assert "sudah dianonimkan" in response.content.decode()
