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


class PackageInUse(Exception):
    """The package cannot be deleted; `message` says where it is used."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def package_uses(package: ScormPackage) -> list[str]:
    """Why the package must stay: the lessons that play it (or did in a revision: reverting would
    bring it back) and its learners' attempts, whose status and score the reports show."""
    from wagtail.models import Revision

    from courses.models import LessonPage

    lessons = set(LessonPage.objects.filter(scorm_package=package).values_list("title", flat=True))
    revised = Revision.objects.filter(
        content_type__app_label="courses", content_type__model="lessonpage", content__scorm_package=str(package.pk)
    ).values_list("object_id", flat=True)
    page_ids = {int(object_id) for object_id in revised}
    lessons |= set(LessonPage.objects.filter(pk__in=page_ids).values_list("title", flat=True))
    reasons = []
    if lessons:
        named = sorted(lessons)
        titles = ", ".join(named[:5])
        if len(named) > 5:
            titles += _(" dan %(count)s lainnya") % {"count": len(named) - 5}
        reasons.append(_("dipakai pelajaran %(titles)s (terbit, draf atau revisi lamanya)") % {"titles": titles})
    attempts = package.attempts.count()
    if attempts:
        reasons.append(
            _("sudah diputar dalam %(count)s percobaan peserta, yang status dan nilainya tetap dilaporkan")
            % {"count": attempts}
        )
    return reasons


def _folder_files(folder: str) -> list[str]:
    storage, found, pending = private_storage(), [], [folder]
    while pending:
        current = pending.pop()
        if not storage.exists(current):
            continue
        directories, files = storage.listdir(current)
        found += [f"{current}/{name}" for name in files]
        pending += [f"{current}/{name}" for name in directories]
    return found


def package_delete(*, package: ScormPackage) -> None:
    """Delete a package no lesson or attempt needs, and then its files; PackageInUse otherwise."""
    with transaction.atomic():
        package = ScormPackage.objects.select_for_update().get(pk=package.pk)
        reasons = package_uses(package)
        if reasons:
            raise PackageInUse(_("Paket tidak dapat dihapus: %(reasons)s.") % {"reasons": "; ".join(reasons)})
        folder = package.folder
        package.delete()
        transaction.on_commit(lambda: _remove(_folder_files(folder)))
