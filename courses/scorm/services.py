"""Keeping an uploaded SCORM package: checked whole first (packages.package_inspect), then each file
unpacked into the private storage, counting the bytes actually read (an entry that unpacks to more than
it declared is refused), then the row. All or nothing: a refusal or an error removes what was written."""

import posixpath
import tempfile
import zipfile
import zlib

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from portal.storage import private_storage

from .models import ScormPackage
from .packages import PackageRejected, package_inspect

CHUNK = 1024 * 1024


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, folder: str, written: list[str]) -> None:
    storage = private_storage()
    with archive.open(info) as source, tempfile.SpooledTemporaryFile(max_size=8 * CHUNK) as copy:
        read = 0
        while chunk := source.read(CHUNK):
            read += len(chunk)
            if read > info.file_size:
                break
            copy.write(chunk)
        if read != info.file_size:
            raise PackageRejected(
                _("Berkas %(name)s berbeda ukuran dari yang tercatat di ZIP; paket ditolak.") % {"name": path},
                code="size_mismatch",
            )
        copy.seek(0)
        name = storage.save(posixpath.join(folder, path), File(copy))
    written.append(name)
    if name != posixpath.join(folder, path):  # the storage renamed it: never serve a different file
        raise PackageRejected(_("Berkas %(name)s muncul dua kali di paket.") % {"name": path}, code="duplicate")


def package_create(*, file, name: str, by) -> ScormPackage:
    """Check, unpack and keep a package (a binary file object, seekable); PackageRejected if refused."""
    info = package_inspect(file)
    package = ScormPackage(
        title=info.title or posixpath.splitext(name)[0][:255],
        version=info.version,
        launch=info.launch,
        parameters=info.parameters[:500],
        mastery_score=info.mastery_score,
        file_count=len(info.files),
        unpacked_bytes=info.unpacked_bytes,
        original_name=name[:255],
        uploaded_by=by,
    )
    written: list[str] = []
    try:
        with zipfile.ZipFile(file) as archive:
            for entry in archive.infolist():
                if not entry.is_dir():
                    path = posixpath.normpath(entry.filename.replace("\\", "/"))
                    _unpack(archive, entry, path, package.folder, written)
        with transaction.atomic():
            package.save()
    except (zipfile.BadZipFile, EOFError, zlib.error):  # a bad CRC or a truncated stream, met while unpacking
        _remove(written)
        raise PackageRejected(_("Berkas ZIP rusak; buat ulang paketnya."), code="bad_zip") from None
    except BaseException:
        _remove(written)
        raise
    finally:
        file.seek(0)
    return package


def _remove(names: list[str]) -> None:
    storage = private_storage()
    for name in names:
        storage.delete(name)
