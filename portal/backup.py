"""Backup and restore of a whole installation: the PostgreSQL database and both media storages (the
public one, and the private one with certificates, proofs and import files) in one tar archive.
The media are read and written through Django's storages API, so that the same code backs up two
folders on this machine or two prefixes of an S3 bucket (portal.settings.storage).

The archive is consistent: the row counts of its manifest and pg_dump read the same snapshot of the
database (an exported snapshot of a REPEATABLE READ transaction held open while pg_dump runs). Each
file of the media folders is listed with its SHA-256. A restore goes into an empty installation only
(a database with no tables, as `createdb` leaves it), then checks the restored rows and files against
the manifest, so that a broken archive is found at once, not on the day it is needed.
"""

import hashlib
import io
import json
import os
import posixpath
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
DUMP = "database.dump"
MANIFEST = "manifest.json"
# The archive's folder of each storage (STORAGES alias); the names date from when both were folders.
FOLDERS = {"media": "default", "private-media": "private"}
_TABLE = re.compile(r"^[a-z0-9_]{1,63}$")


class BackupError(Exception):
    """The backup or restore cannot be done; nothing was changed. `code` names the reason in words that
    do not change with the language or the wording."""

    def __init__(self, message: str, *, code: str = ""):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Database:
    """How pg_dump and pg_restore reach a database (from Django's settings, or given)."""

    name: str
    host: str = ""
    port: str = ""
    user: str = ""
    password: str = ""

    @classmethod
    def of(cls, alias: str = "default") -> "Database":
        db = connections[alias].settings_dict
        if not db["ENGINE"].endswith("postgresql"):
            raise BackupError(_("Cadangan hanya untuk PostgreSQL (basis data produksi)."), code="not_postgresql")
        return cls(
            db["NAME"],
            str(db.get("HOST") or ""),
            str(db.get("PORT") or ""),
            db.get("USER") or "",
            db.get("PASSWORD") or "",
        )

    def args(self) -> list[str]:
        args = ["--dbname", self.name]
        for flag, value in (("--host", self.host), ("--port", self.port), ("--username", self.user)):
            if value:
                args += [flag, value]
        return args

    def env(self) -> dict:
        return {**os.environ, "PGPASSWORD": self.password} if self.password else dict(os.environ)


def _client(program: str, database: Database, *args: str) -> subprocess.CompletedProcess:
    """Run a PostgreSQL client program (pg_dump, pg_restore, psql) on `database`."""
    path = shutil.which(program)
    if path is None:
        raise BackupError(
            _("Program %(program)s (klien PostgreSQL) tidak terpasang.") % {"program": program}, code="missing_program"
        )
    return subprocess.run(  # noqa: S603 - our own arguments, no shell
        [path, *database.args(), *args],
        env=database.env(),
        capture_output=True,
        text=True,
    )


def _psql(database: Database, query: str, *options: str) -> subprocess.CompletedProcess:
    return _client("psql", database, "--no-psqlrc", "--tuples-only", "--no-align", *options, "--command", query)


def _counts(cursor) -> dict[str, int]:
    counts = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped:
            cursor.execute(f'SELECT COUNT(*) FROM "{meta.db_table}"')  # noqa: S608 - the model's own table name
            counts[meta.db_table] = cursor.fetchone()[0]
    return counts


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _names(storage: Storage, folder: str = "") -> list[str]:
    """Every file in `storage`, sorted: a walk with listdir, the one way that a folder and a bucket share."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # a media folder that nothing was ever uploaded to
        return []
    names = [posixpath.join(folder, name) for name in files]
    for directory in directories:
        names += _names(storage, posixpath.join(folder, directory))
    return sorted(names)


def _files(storage: Storage) -> dict[str, str]:
    """The SHA-256 of every file in `storage`, by name."""
    files = {}
    for name in _names(storage):
        digest = hashlib.sha256()
        with storage.open(name, "rb") as handle:
            for chunk in handle.chunks():
                digest.update(chunk)
        files[name] = digest.hexdigest()
    return files


def _add_files(archive: tarfile.TarFile, storage: Storage, folder: str) -> dict[str, str]:
    """Copy every file of `storage` into `archive` under `folder/`, reading each once (it may be in a
    bucket); returns their SHA-256 by name. A file deleted meanwhile (a retention job) is left out."""
    files = {}
    for name in _names(storage):
        digest = hashlib.sha256()
        try:
            source = storage.open(name, "rb")
        except FileNotFoundError:
            continue
        with source, tempfile.TemporaryFile() as copy:
            for chunk in source.chunks():
                digest.update(chunk)
                copy.write(chunk)
            info = tarfile.TarInfo(f"{folder}/{name}")
            info.size, info.mtime = copy.tell(), int(timezone.now().timestamp())
            copy.seek(0)
            archive.addfile(info, copy)
        files[name] = digest.hexdigest()
    return files


def _storage(root: Path | Storage) -> Storage:
    return root if isinstance(root, Storage) else FileSystemStorage(location=root)


def backup(*, output: Path) -> dict:
    """Write the archive to `output`; returns its manifest."""
    database = Database.of()
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _counts(cursor)
            options = ["--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
            completed = _client("pg_dump", database, *options, "--file", str(dump))
        if completed.returncode != 0:
            raise BackupError(
                _("pg_dump gagal: %(error)s") % {"error": completed.stderr.strip()[:500]}, code="dump_failed"
            )
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".part")
        with tarfile.open(partial, "w") as archive:
            archive.add(dump, arcname=DUMP)
            files = {name: _add_files(archive, storages[alias], name) for name, alias in FOLDERS.items()}
            # The manifest comes last: it lists the files as they were copied (restore finds it by name).
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "database": {"file": DUMP, "sha256": _sha256(dump), "rows": counts},
                "files": files,
            }
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
        partial.replace(output)  # a half-written archive never carries the final name
    return manifest


def _is_empty(database: Database) -> bool:
    completed = _psql(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    if completed.returncode != 0:
        raise BackupError(
            _("Basis data tujuan tidak dapat dibuka: %(error)s") % {"error": completed.stderr.strip()[:300]},
            code="target_unreachable",
        )
    return completed.stdout.strip() == "0"


def _safe_member(member: tarfile.TarInfo, prefixes: tuple[str, ...]) -> bool:
    path = PurePosixPath(member.name)
    return member.isfile() and not path.is_absolute() and ".." not in path.parts and path.parts[0] in prefixes


def restore(*, archive: Path, database: Database | None = None, roots: dict[str, Path | Storage] | None = None) -> dict:
    """Bring an archive back into an empty installation and check it against its manifest; returns the
    manifest. `database` and `roots` (a folder or a storage by archive name) default to this
    installation's."""
    database = database or Database.of()
    roots = roots or {name: storages[alias] for name, alias in FOLDERS.items()}
    roots = {name: _storage(root) for name, root in roots.items()}
    try:
        bundle = tarfile.open(archive, "r")
    except (OSError, tarfile.TarError):
        raise BackupError(_("Berkas cadangan tidak dapat dibaca sebagai arsip tar."), code="unreadable") from None
    with bundle, tempfile.TemporaryDirectory() as work:
        try:
            manifest = json.load(bundle.extractfile(MANIFEST))
        except (KeyError, ValueError):
            raise BackupError(
                _("Arsip ini bukan cadangan Kompeten (manifest.json tidak ada atau rusak)."), code="not_a_backup"
            ) from None
        if manifest.get("format") != FORMAT:
            raise BackupError(_("Format cadangan ini tidak dikenal."), code="unknown_format")
        if not _is_empty(database):
            raise BackupError(
                _("Basis data tujuan tidak kosong. Pulihkan ke basis data baru yang belum dimigrasi (createdb)."),
                code="target_not_empty",
            )
        dump = Path(work) / DUMP
        with bundle.extractfile(DUMP) as source, dump.open("wb") as target:
            target.write(source.read())
        if _sha256(dump) != manifest["database"]["sha256"]:
            raise BackupError(_("Salinan basis data di arsip rusak (sidik SHA-256 tidak cocok)."), code="checksum")
        completed = _client("pg_restore", database, "--no-owner", "--no-privileges", "--exit-on-error", str(dump))
        if completed.returncode != 0:
            raise BackupError(
                _("pg_restore gagal: %(error)s") % {"error": completed.stderr.strip()[:500]}, code="restore_failed"
            )
        members = [m for m in bundle.getmembers() if _safe_member(m, tuple(roots))]
        for member in members:
            name, _sep, relative = member.name.partition("/")
            with bundle.extractfile(member) as source:
                roots[name].delete(relative)  # replaced under its own name, never saved beside as name_x1y2
                roots[name].save(relative, File(source, name=relative))
    _check(manifest, database, roots)
    return manifest


def _check(manifest: dict, database: Database, roots: dict[str, Storage]) -> None:
    """The restored rows and files are those the manifest lists."""
    for name, files in manifest["files"].items():
        if _files(roots[name]) != files:
            raise BackupError(
                _("Berkas %(folder)s hasil pemulihan tidak sama dengan isi cadangan.") % {"folder": name},
                code="files_differ",
            )
    tables = manifest["database"]["rows"]
    if not all(_TABLE.match(table) for table in tables):
        raise BackupError(_("Manifest cadangan memuat nama tabel yang tidak sah."), code="table_name")
    query = " UNION ALL ".join(f"SELECT '{table}', count(*) FROM \"{table}\"" for table in tables)  # noqa: S608
    completed = _psql(database, query, "--field-separator=,")
    restored = {}
    for line in completed.stdout.splitlines():
        if "," in line:
            table, count = line.rsplit(",", 1)
            restored[table] = int(count)
    if restored != tables:
        raise BackupError(_("Jumlah baris hasil pemulihan tidak sama dengan cadangan."), code="row_counts")
