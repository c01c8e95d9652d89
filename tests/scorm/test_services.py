"""Keeping a package: unpacked into the private storage, all or nothing."""

import io
import zipfile

import pytest

from courses.scorm.models import ScormPackage
from courses.scorm.packages import PackageRejected
from courses.scorm.services import package_create
from portal.storage import private_storage

from .test_packages import minimal, package, published

pytestmark = pytest.mark.django_db


def stored_files(folder: str) -> set[str]:
    storage, found, pending = private_storage(), set(), [folder]
    while pending:
        current = pending.pop()
        if not storage.exists(current):
            continue
        directories, files = storage.listdir(current)
        found |= {f"{current}/{name}" for name in files}
        pending += [f"{current}/{name}" for name in directories]
    return found


def test_a_package_is_unpacked_and_kept(hr):
    row = package_create(file=published("rustici-driver-scorm2004.xml"), name="etika.zip", by=hr)
    row.refresh_from_db()
    assert (row.title, row.version, row.launch, row.file_count, row.uploaded_by) == (
        "Course Title",
        "2004",
        "scormdriver/indexAPI.html",
        6,
        hr,
    )
    assert f"{row.folder}/scormdriver/indexAPI.html" in stored_files(row.folder)
    assert len(stored_files(row.folder)) == 6
    with private_storage().open(f"{row.folder}/imsmanifest.xml") as manifest:
        assert b"RusticiSoftwareSCORMDriverTemplate" in manifest.read()


def test_a_refused_package_leaves_nothing(hr):
    with pytest.raises(PackageRejected):
        package_create(file=package({"imsmanifest.xml": minimal("hilang.html")}), name="x.zip", by=hr)
    assert not ScormPackage.objects.exists()
    assert not stored_files("scorm")


def test_an_entry_that_unpacks_to_more_than_it_declared_leaves_nothing(hr):
    data = package({"imsmanifest.xml": minimal(), "index.html": "<p>", "zz.txt": "a" * 5000}).getvalue()
    # Shrink the declared size of the last entry (in the central directory and its local header).
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("zz.txt")
    forged = bytearray(data)
    for offset in (info.header_offset + 22, data.rindex(b"PK\x01\x02") + 24):
        forged[offset : offset + 4] = (100).to_bytes(4, "little")
    with pytest.raises(PackageRejected) as refused:
        package_create(file=io.BytesIO(bytes(forged)), name="x.zip", by=hr)
    assert refused.value.code in ("size_mismatch", "bad_zip")
    assert not ScormPackage.objects.exists() and not stored_files("scorm")
