"""HR edits the weak-area mapping and sees appraisal records in the admin; others cannot."""

import pytest

from appraisal_link.models import Rating, WeakAreaMapping
from competency.models import Competency, Gap

from .test_gaps_and_assignments import appraise


@pytest.mark.django_db
def test_hr_changes_the_mapping_and_new_gaps_follow_it(client, hr_with_mfa, pegawai):
    client.force_login(hr_with_mfa)
    assert client.get("/admin/pemetaan-area-lemah/").status_code == 200
    response = client.post(
        "/admin/pemetaan-area-lemah/new/",
        {"area": "adaptif", "competency": Competency.objects.get(code="tik-literasi-digital").pk},
    )
    assert response.status_code == 302
    appraise(pegawai.employee, adaptif=Rating.BELOW)
    codes = set(Gap.objects.values_list("competency__code", flat=True))
    assert codes == {"mengelola-perubahan", "tik-literasi-digital"}


@pytest.mark.django_db
def test_mapping_must_point_somewhere(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    before = WeakAreaMapping.objects.count()
    response = client.post("/admin/pemetaan-area-lemah/new/", {"area": "loyal"})
    assert response.status_code == 200
    assert WeakAreaMapping.objects.count() == before


@pytest.mark.django_db
def test_hr_sees_appraisals_and_trainers_do_not(client, hr_with_mfa, pelatih, pegawai):
    appraise(pegawai.employee, adaptif=Rating.BELOW)
    client.force_login(hr_with_mfa)
    assert pegawai.employee.name in client.get("/admin/penilaian-skp/").content.decode()
    client.force_login(pelatih)
    assert client.get("/admin/penilaian-skp/").status_code == 302
    assert client.get("/admin/pemetaan-area-lemah/").status_code == 302
