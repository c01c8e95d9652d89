import pytest

from competency.models import Competency


@pytest.mark.django_db
def test_default_dictionary_is_loaded():
    names = set(Competency.objects.values_list("name", flat=True))
    assert {
        "Integritas",
        "Kerjasama",
        "Komunikasi",
        "Orientasi pada Hasil",
        "Pelayanan Publik",
        "Pengembangan Diri dan Orang Lain",
        "Mengelola Perubahan",
        "Pengambilan Keputusan",
        "Perekat Bangsa",
    } <= names
    assert Competency.objects.filter(kind="teknis").count() >= 5
    integritas = Competency.objects.get(code="integritas")
    assert all(integritas.indicator(level) for level in range(1, 6))


@pytest.mark.django_db
def test_hr_edits_the_dictionary_and_others_cannot(client, hr_with_mfa, pelatih):
    client.force_login(hr_with_mfa)
    assert client.get("/admin/kompetensi/").status_code == 200
    competency = Competency.objects.get(code="komunikasi")
    assert client.get(f"/admin/kompetensi/edit/{competency.pk}/").status_code == 200
    client.force_login(pelatih)
    assert client.get("/admin/kompetensi/").status_code == 302  # Wagtail's "no permission" redirect
