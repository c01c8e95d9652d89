"""Private file storage: files that must never have a public URL.

Core: every app may import it; it imports no app. Certificate PDFs and uploaded appraisal files
hold personal data, so they live in PRIVATE_MEDIA_ROOT, a folder outside MEDIA_ROOT that no web
server serves; people get them only through views that check who is asking (see README, "Media").
Models point their FileField at `private_storage` (a callable), so their migrations do not change
when the storage's settings do. With KOMPETEN_S3_BUCKET set, the private storage is a prefix of the
bucket instead (portal.storage_s3), with the same rule: no URL.
"""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    """A FileSystemStorage at PRIVATE_MEDIA_ROOT that has no URL: asking for one is a bug."""

    @cached_property
    def base_location(self):
        location = Path(self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)).resolve()
        public = Path(settings.MEDIA_ROOT).resolve()
        if location == public or public in location.parents:
            raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must lie outside MEDIA_ROOT: files there are public.")
        return str(location)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting in ("PRIVATE_MEDIA_ROOT", "MEDIA_ROOT"):
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        no_url()

    def _save(self, name, content):
        """Write the whole file beside its destination first, then rename it into place: a full disk
        or a killed worker leaves no half file under a name that a record could point to."""
        directory = Path(self.path(name)).parent
        directory.mkdir(parents=True, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(descriptor, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk.encode() if isinstance(chunk, str) else chunk)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(partial, 0o666 & ~_umask())  # as an ordinary save: the web server may read it
            return super()._save(name, _Written(partial))
        finally:
            if os.path.exists(partial):
                os.unlink(partial)


class _Written(File):
    """A complete file already on disk, which FileSystemStorage moves (renames) into place."""

    def __init__(self, path: str):
        super().__init__(None, name=path)
        self._path = path

    def temporary_file_path(self) -> str:
        return self._path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def no_url():
    """What every private storage answers when asked for a URL: asking is a bug."""
    raise ValueError("A private file has no public URL: serve it through a view that checks permission.")


def private_storage():
    """The storage of STORAGES["private"] (callable, for FileField(storage=...))."""
    return storages["private"]
