"""Files written by tests land in throwaway folders, never in the project's media/ folders."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from portal.storage import private_storage

PROJECT_FOLDERS = (settings.BASE_DIR / "media", settings.BASE_DIR / "private-media")


def _inside_project_media(path: str) -> bool:
    resolved = Path(path).resolve()
    return any(resolved.is_relative_to(folder.resolve()) for folder in PROJECT_FOLDERS)


def test_media_roots_are_temporary():
    assert not _inside_project_media(settings.MEDIA_ROOT)
    assert not _inside_project_media(settings.PRIVATE_MEDIA_ROOT)


@pytest.mark.parametrize("storage", [default_storage, private_storage], ids=["public", "private"])
def test_a_saved_file_lands_in_the_temporary_root(storage):
    storage = storage() if callable(storage) and not hasattr(storage, "save") else storage
    name = storage.save("sertifikat/199001012015031001.pdf", ContentFile(b"%PDF-1.7"))

    assert not _inside_project_media(storage.path(name))
    assert Path(storage.path(name)).read_bytes() == b"%PDF-1.7"
