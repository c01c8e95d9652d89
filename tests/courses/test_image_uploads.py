"""Cover images: a file that is not an image, or a decompression bomb, is refused on upload."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

URL = "/admin/images/add/"


def png(width, height, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_trainer_uploads_a_real_image(client, pelatih_with_mfa):
    pelatih = pelatih_with_mfa
    client.force_login(pelatih)
    upload = SimpleUploadedFile("sampul.png", png(640, 360), content_type="image/png")
    response = client.post(URL, {"title": "Sampul", "file": upload, "collection": "1"})
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Sampul").exists()


@pytest.mark.django_db
def test_a_file_that_is_not_an_image_is_refused(client, pelatih_with_mfa):
    pelatih = pelatih_with_mfa
    client.force_login(pelatih)
    upload = SimpleUploadedFile("virus.png", b"MZ\x90\x00 this is not a picture", content_type="image/png")
    response = client.post(URL, {"title": "Palsu", "file": upload, "collection": "1"})
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused(client, pelatih_with_mfa):
    pelatih = pelatih_with_mfa
    bomb = png(9000, 9000, mode="1")  # 81 megapixels in a few kilobytes
    assert len(bomb) < 200_000
    client.force_login(pelatih)
    upload = SimpleUploadedFile("bom.png", bomb, content_type="image/png")
    response = client.post(URL, {"title": "Bom", "file": upload, "collection": "1"})
    assert response.status_code == 200
    assert "megapiksel" in response.content.decode() or "pixels" in response.content.decode()
    assert not get_image_model().objects.exists()
