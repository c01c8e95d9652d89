"""`backup` and `restore`: the demo installation round-trips through one archive into an empty
database, with the same rows in every table, the same files, and a certificate whose PDF still
matches its fingerprint; a non-empty target or a forged archive is refused, changing nothing."""

import hashlib
import io
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from courses.models import Certificate
from portal.backup import BackupError, Database, backup, restore

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not settings.IS_POSTGRES, reason="backups are of PostgreSQL"),
]


@pytest.fixture
def empty_database():
    """A database as `createdb` leaves it, dropped afterwards."""
    source = connection.settings_dict
    name = f"{source['NAME']}_restore"
    params = {"host": source.get("HOST") or None, "port": source.get("PORT") or None, "user": source.get("USER")}
    params["password"] = source.get("PASSWORD") or None
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield Database(name, str(source.get("HOST") or ""), str(source.get("PORT") or ""), source.get("USER") or "")
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rows_of(database: Database, sql: str, params=()) -> list:
    with psycopg.connect(
        dbname=database.name, host=database.host or None, port=database.port or None, user=database.user or None
    ) as target:
        return target.execute(sql, params).fetchall()


def test_the_demo_round_trips_into_an_empty_database(settings, tmp_path, empty_database):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    certificate = Certificate.objects.exclude(pdf="").order_by("pk").first()
    assert certificate is not None
    archive = tmp_path / "kompeten.tar"
    manifest = backup(output=archive)
    assert manifest["database"]["rows"]["people_employee"] > 0 and manifest["files"]["private-media"]

    roots = {"media": tmp_path / "media", "private-media": tmp_path / "private-media"}
    restore(archive=archive, database=empty_database, roots=roots)  # checks rows and files itself

    by_id = "SELECT code, sha256, pdf FROM courses_certificate WHERE id = %s"
    [(code, sha256, pdf)] = rows_of(empty_database, by_id, [certificate.pk])
    assert (code, sha256) == (certificate.code, certificate.sha256)
    assert hashlib.sha256((roots["private-media"] / pdf).read_bytes()).hexdigest() == sha256
    people = "SELECT count(*) FROM people_employee"
    assert rows_of(empty_database, people)[0][0] == manifest["database"]["rows"]["people_employee"]

    with pytest.raises(BackupError) as refused:
        restore(archive=archive, database=empty_database, roots=roots)
    assert refused.value.code == "target_not_empty"


def test_a_forged_or_broken_archive_is_refused(tmp_path, empty_database):
    forged = tmp_path / "forged.tar"
    with tarfile.open(forged, "w") as bundle:
        data = b"not a manifest"
        info = tarfile.TarInfo("notes.txt")
        info.size = len(data)
        bundle.addfile(info, io.BytesIO(data))
    with pytest.raises(BackupError) as refused:
        restore(archive=forged, database=empty_database, roots={"media": tmp_path, "private-media": tmp_path})
    assert refused.value.code == "not_a_backup"
    (tmp_path / "broken.tar").write_bytes(b"\x00" * 10)
    with pytest.raises(BackupError) as refused:
        restore(archive=tmp_path / "broken.tar", database=empty_database, roots={})
    assert refused.value.code == "unreadable"
    assert rows_of(empty_database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]


def test_the_commands_say_what_they_did(settings, tmp_path):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "k.tar"), stdout=output)
    assert "Cadangan ditulis" in output.getvalue() and Path(tmp_path / "k.tar").exists()
    assert not (tmp_path / "k.tar.part").exists()
