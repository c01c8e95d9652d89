"""HR's competency screens: position standards, assessments and the read-only gap listing; each
listing costs the same number of queries however many rows it has."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from competency import services
from competency.models import Assessment, Gap, PositionStandard

from ..factories import EmployeeFactory, PositionFactory
from .conftest import TODAY

STANDARDS = "/admin/standar-jabatan/"
ASSESSMENTS = "/admin/asesmen-kompetensi/"
GAPS = "/admin/kesenjangan-kompetensi/"
DICTIONARY = "/admin/kompetensi/"


@pytest.mark.django_db
def test_hr_lists_and_filters_standards(client, hr_with_mfa, standard, position, competencies):
    other = PositionFactory(name="Analis Kebijakan")
    PositionStandard.objects.create(position=other, competency=competencies["integritas"], required_level=5)
    client.force_login(hr_with_mfa)

    def listed(**params):
        response = client.get(STANDARDS, params)
        assert response.status_code == 200
        return {(row.position.name, row.competency.code) for row in response.context["object_list"]}

    assert len(listed()) == 4
    assert listed(position=other.pk) == {("Analis Kebijakan", "integritas")}
    assert listed(competency=competencies["keamanan"].pk) == {(position.name, "tik-keamanan-informasi")}
    assert "Analis Kebijakan" in client.get(STANDARDS).content.decode()


@pytest.mark.django_db
def test_saving_a_standard_recomputes_that_positions_gaps(
    client, hr_with_mfa, employee, position, competencies, django_capture_on_commit_callbacks
):
    client.force_login(hr_with_mfa)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            STANDARDS + "new/",
            {"position": position.pk, "competency": competencies["komunikasi"].pk, "required_level": 3},
        )
    assert response.status_code == 302
    gap = Gap.objects.get(employee=employee, source="standar")
    assert (gap.competency.code, gap.required_level, gap.status) == ("komunikasi", 3, "terbuka")

    standard = PositionStandard.objects.get(position=position)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{STANDARDS}delete/{standard.pk}/")
    gap.refresh_from_db()
    assert gap.status == "tertutup"


@pytest.mark.django_db
def test_hr_records_an_assessment_by_nip_and_the_gap_follows(client, hr_with_mfa, employee, standard, competencies):
    services.gaps_recompute()
    client.force_login(hr_with_mfa)
    form = client.get(ASSESSMENTS + "new/")
    assert form.status_code == 200
    nip = employee.nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"  # as people type it
    response = client.post(
        ASSESSMENTS + "new/",
        {
            "employee": spaced,
            "competency": competencies["integritas"].pk,
            "level": 3,
            "source": "assessment_centre",
            "assessed_on": "2026-02-01",
            "note": "Assessment center BKPSDM",
        },
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.employee, assessment.level) == (employee, 3)
    assert Gap.objects.get(employee=employee, competency=competencies["integritas"]).status == "tertutup"

    edit = client.get(f"{ASSESSMENTS}edit/{assessment.pk}/").content.decode()
    assert f'value="{employee.nip}"' in edit
    client.post(
        f"{ASSESSMENTS}edit/{assessment.pk}/",
        {
            "employee": employee.nip,
            "competency": competencies["integritas"].pk,
            "level": 1,
            "source": "assessment_centre",
            "assessed_on": "2026-02-01",
        },
    )
    assert Gap.objects.get(employee=employee, competency=competencies["integritas"]).status == "terbuka"
    client.post(f"{ASSESSMENTS}delete/{assessment.pk}/")
    gap = Gap.objects.get(employee=employee, competency=competencies["integritas"])
    assert (gap.status, gap.current_level) == ("terbuka", 0)


@pytest.mark.django_db
def test_an_unknown_nip_is_a_form_error(client, hr_with_mfa, competencies):
    client.force_login(hr_with_mfa)
    response = client.post(
        ASSESSMENTS + "new/",
        {
            "employee": "199001012015031001",
            "competency": competencies["integritas"].pk,
            "level": 3,
            "source": "atasan",
            "assessed_on": "2026-02-01",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("employee", code="invalid_choice")
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_assessments_are_filtered_and_searched(client, hr_with_mfa, employee, competencies, unit):
    other = EmployeeFactory(name="Siti Aminah", unit=unit)
    Assessment.objects.create(
        employee=employee, competency=competencies["integritas"], level=2, source="atasan", assessed_on=TODAY
    )
    Assessment.objects.create(
        employee=other, competency=competencies["komunikasi"], level=4, source="kursus", assessed_on=TODAY
    )
    client.force_login(hr_with_mfa)

    def listed(**params):
        response = client.get(ASSESSMENTS, params)
        assert response.status_code == 200
        return {row.employee.name for row in response.context["object_list"]}

    assert listed() == {"Budi Santoso", "Siti Aminah"}
    assert listed(source="atasan") == {"Budi Santoso"}
    assert listed(competency=competencies["komunikasi"].pk) == {"Siti Aminah"}
    assert listed(q="aminah") == {"Siti Aminah"}
    assert listed(q=employee.nip) == {"Budi Santoso"}
    assert "Siti Aminah" in client.get(ASSESSMENTS).content.decode()


@pytest.mark.django_db
def test_gaps_are_read_only_and_filterable(client, hr_with_mfa, employee, standard, competencies):
    services.gaps_recompute()
    services.assessment_record(
        employee=employee, competency=competencies["komunikasi"], level=2, source="atasan", assessed_on=TODAY
    )
    Gap.objects.create(
        employee=employee,
        competency=competencies["integritas"],
        source="penilaian",
        origin="penilaian:2025:tahunan:akuntabel",
        reason="karena penilaian 2025",
        required_level=4,
    )
    gap = Gap.objects.filter(source="standar").first()
    client.force_login(hr_with_mfa)

    listing = client.get(GAPS)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Budi Santoso" in html
    assert GAPS + "new/" not in html and f"{GAPS}edit/" not in html
    for url in (GAPS + "new/", f"{GAPS}edit/{gap.pk}/", f"{GAPS}delete/{gap.pk}/"):
        assert client.get(url).status_code == 404
    assert client.get(f"{GAPS}inspect/{gap.pk}/").status_code == 200

    assert client.get(GAPS, {"status": "tertutup"}).context["object_list"].count() == 1
    assert client.get(GAPS, {"source": "penilaian"}).context["object_list"].count() == 1
    assert client.get(GAPS, {"competency": competencies["keamanan"].pk}).context["object_list"].count() == 1
    export = client.get(GAPS, {"export": "csv"})
    assert export.status_code == 200
    assert employee.nip in export.getvalue().decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", [STANDARDS, ASSESSMENTS, GAPS])
def test_trainers_have_no_access(client, pelatih_with_mfa, url):
    client.force_login(pelatih_with_mfa)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", [STANDARDS, ASSESSMENTS, GAPS])
def test_employees_have_no_access(client, pegawai, url):
    client.force_login(pegawai)
    assert client.get(url).status_code == 403


# --- query counts --------------------------------------------------------------------------------------


def grow(n, *, unit, competencies):
    """n employees in a new position with a standard of two competencies, an assessment each, and
    their gaps (standard and appraisal)."""
    position = PositionFactory()
    for competency in (competencies["integritas"], competencies["keamanan"]):
        PositionStandard.objects.create(position=position, competency=competency, required_level=3)
    for i in range(n):
        employee = EmployeeFactory(position=position, unit=unit)
        Assessment.objects.create(
            employee=employee,
            competency=competencies["integritas"],
            level=1 + i % 5,
            source="atasan",
            assessed_on=TODAY - datetime.timedelta(days=i),
        )
        Gap.objects.create(
            employee=employee,
            competency=competencies["komunikasi"],
            source="penilaian",
            origin="penilaian:2025:tahunan:kolaboratif",
            reason="karena penilaian 2025",
            required_level=3,
        )
    services.gaps_recompute()


def count_queries(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        STANDARDS,
        ASSESSMENTS,
        GAPS,
        DICTIONARY,
        ASSESSMENTS + "?source=atasan&q=pegawai",
        GAPS + "?status=terbuka&source=standar",
    ],
)
def test_listing_queries_do_not_grow_with_rows(client, hr_with_mfa, unit, competencies, url):
    client.force_login(hr_with_mfa)
    grow(2, unit=unit, competencies=competencies)
    small = count_queries(client, url)
    grow(12, unit=unit, competencies=competencies)
    for i in range(10):
        competencies["integritas"].children.create(code=f"sub-{i}", name=f"Sub {i}", kind="manajerial")
    assert count_queries(client, url) == small
