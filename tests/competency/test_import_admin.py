"""HR's upload page in the Wagtail admin: imports all or nothing, shows every error, offers the
template; trainers and employees cannot use it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from competency.models import Competency

from .conftest import MOODLE_HEADER, OWN_HEADER, csv_bytes, moodle_row, own_row, xlsx_bytes

URL = "/admin/kompetensi-impor/"


def upload(client, data, name="kamus.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, data)})


@pytest.mark.django_db
def test_hr_sees_the_page_and_the_way_in_from_the_dictionary(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Impor kompetensi" in html
    assert "/admin/kompetensi-impor/templat/xlsx/" in html and "/admin/kompetensi-impor/templat/csv/" in html
    listing = client.get("/admin/kompetensi/").content.decode()
    assert URL in listing  # the header button on "Kamus kompetensi"


@pytest.mark.django_db
def test_hr_imports_a_file(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    data = csv_bytes(
        [
            OWN_HEADER,
            own_row("kearsipan", "Kearsipan"),
            own_row("arsip-digital", "Arsip Digital", "teknis", "kearsipan"),
        ],
        delimiter=";",
        bom=True,
    )
    response = upload(client, data)
    assert response.status_code == 302
    assert response["Location"] == "/admin/kompetensi/"
    assert Competency.objects.get(code="arsip-digital").parent.code == "kearsipan"
    message = client.get(response["Location"]).content.decode()
    assert "Impor selesai: 2 kompetensi baru" in message


@pytest.mark.django_db
def test_errors_are_listed_and_nothing_is_written(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    count = Competency.objects.count()
    data = xlsx_bytes(
        [
            OWN_HEADER,
            own_row("ok", "Baik"),
            own_row("salah", "Salah", "lainnya"),
            own_row("anak", "Anak", "teknis", "hilang"),
        ]
    )
    response = upload(client, data, name="kamus.xlsx")
    assert response.status_code == 400
    html = response.content.decode()
    assert "2 kesalahan ditemukan; tidak ada yang diimpor" in html
    assert "<td>3</td><td>jenis</td><td>lainnya</td>" in html
    assert "<td>4</td><td>induk</td><td>hilang</td>" in html
    assert Competency.objects.count() == count


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"x" * (5 * 1024 * 1024 + 1), "besar.csv", "terlalu besar"),
        (b"%PDF-1.4", "kamus.pdf", "bukan CSV atau XLSX"),
        (b"a,b\n1,2\n", "lain.csv", "Format berkas tidak dikenali"),
    ],
)
def test_refused_files_get_a_clear_message(client, hr_with_mfa, data, name, message):
    client.force_login(hr_with_mfa)
    count = Competency.objects.count()
    response = upload(client, data, name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Competency.objects.count() == count


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_template_round_trips_without_changes(client, hr_with_mfa, file_format):
    client.force_login(hr_with_mfa)
    Competency.objects.create(
        code="anak-integritas", name="=Anak", kind="manajerial", parent=Competency.objects.get(code="integritas")
    )
    download = client.get(f"{URL}templat/{file_format}/")
    assert download.status_code == 200
    assert f'filename="templat-kompetensi.{file_format}"' in download["Content-Disposition"]
    if file_format == "csv":
        assert download.content.startswith("\ufeffkode,nama,jenis,induk,definisi,level_1".encode())
    before = sorted(Competency.objects.values_list("code", "name", "parent_id", "description", "indicator_5"))
    response = upload(client, download.content, name=f"templat.{file_format}")
    assert response.status_code == 302
    assert "0 kompetensi baru, 0 diperbarui" in client.get(response["Location"]).content.decode()
    assert sorted(Competency.objects.values_list("code", "name", "parent_id", "description", "indicator_5")) == before


@pytest.mark.django_db
def test_unknown_template_format_is_404(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    assert client.get(f"{URL}templat/pdf/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["pelatih_with_mfa", "pegawai"])
def test_others_cannot_import_or_download(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    count = Competency.objects.count()
    for response in (
        client.get(URL),
        upload(client, csv_bytes([OWN_HEADER, own_row("kearsipan", "Kearsipan")])),
        client.get(f"{URL}templat/csv/"),
    ):
        refused(response)
    assert Competency.objects.count() == count


def refused(response):
    """A trainer reaches the admin and gets Wagtail's "no permission" redirect to its home; an
    employee does not reach the admin at all (403)."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_hr_imports_a_moodle_framework(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    data = csv_bytes(
        [
            MOODLE_HEADER,
            moodle_row("", "FW-TIK", "Kerangka TIK", framework=True),
            moodle_row("", "TIK-1", "Tata Kelola TIK", "<p>Tata <em>kelola</em></p>"),
            moodle_row("TIK-1", "TIK-1-1", "Manajemen Layanan"),
        ]
    )
    response = upload(client, data, name="moodle.csv")
    assert response.status_code == 302
    assert "Kerangka Moodle: Kerangka TIK." in client.get(response["Location"]).content.decode()
    child = Competency.objects.select_related("parent").get(code="TIK-1-1")
    assert (child.parent.code, child.kind, child.parent.description) == ("TIK-1", "teknis", "Tata kelola")
