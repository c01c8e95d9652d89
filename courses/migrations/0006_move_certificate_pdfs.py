"""Certificate PDFs move from MEDIA_ROOT (served at /media/) to PRIVATE_MEDIA_ROOT (served by no one).

Frozen here rather than imported: two plain FileSystemStorages at the two settings. A PDF already in
the private folder, or missing from the public one, is left alone, so the migration can run twice.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import migrations


def _move(names, source: FileSystemStorage, target: FileSystemStorage) -> None:
    for name in names:
        if not name or not source.exists(name) or target.exists(name):
            continue
        with source.open(name, "rb") as file:
            saved = target.save(name, file)
        assert saved == name, f"{name} was saved as {saved}"  # noqa: S101 (the row keeps its name)
        source.delete(name)


def _storages():
    return FileSystemStorage(location=settings.MEDIA_ROOT), FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)


def to_private(apps, schema_editor):
    Certificate = apps.get_model("courses", "Certificate")
    public, private = _storages()
    _move(Certificate.objects.exclude(pdf="").values_list("pdf", flat=True).iterator(), public, private)


def to_public(apps, schema_editor):
    Certificate = apps.get_model("courses", "Certificate")
    public, private = _storages()
    _move(Certificate.objects.exclude(pdf="").values_list("pdf", flat=True).iterator(), private, public)


class Migration(migrations.Migration):
    dependencies = [("courses", "0005_certificate_pdf_private")]

    operations = [migrations.RunPython(to_private, to_public, elidable=True)]
