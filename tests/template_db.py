"""The migrated test database, made once and cloned by every test process (PostgreSQL only).

Migrating an empty database takes about 20 s of CPU (279 migrations, most of it Django rendering
the model state before each data migration), and each of the parallel test processes used to do it
at the start, on two cores. Now the first process to get the lock migrates a template database, and
every process creates its own test database from it (`CREATE DATABASE … TEMPLATE`, about a second);
Django's migrate then finds nothing to do.

The template is named after a digest of everything that decides its content (every migration file
of the project and the pinned requirements, which fix Wagtail's and the other apps' migrations), so
a change to any of them makes a new one, and an unchanged project reuses the one made before. It is
built under another name and renamed when complete: a run that stops half-way leaves no template.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
LOCK = 7_215_401  # pg_advisory_lock key: one template build at a time on this server


def inputs() -> list[Path]:
    """What decides the template's content: every migration of the project, the pinned requirements."""
    return [
        *sorted(ROOT.glob("*/migrations/*.py")),
        *sorted(ROOT.glob("*/*/migrations/*.py")),
        ROOT / "requirements.txt",
    ]


def digest() -> str:
    hashed = hashlib.sha256()
    for path in inputs():
        hashed.update(str(path.relative_to(ROOT)).encode())
        hashed.update(path.read_bytes())
    return hashed.hexdigest()[:12]


def template_name(database_name: str, digest: str) -> str:
    """The template's name: the digest whole, whatever the database's name (PostgreSQL keeps 63 characters)."""
    suffix = f"_tpl_{digest}"
    return f"test_{database_name}"[: 63 - len(suffix)] + suffix


def use_template() -> None:
    """Point the test database's creation at the template, made first if it does not exist yet."""
    database = settings.DATABASES["default"]
    if not database["ENGINE"].endswith("postgresql") or os.environ.get("KOMPETEN_TEST_NO_TEMPLATE"):
        return
    name = template_name(database["NAME"], digest())
    import psycopg

    with psycopg.connect(**_server(database), dbname="postgres", autocommit=True) as server:
        server.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                _build(server, database, name)
        finally:
            server.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
    database.setdefault("TEST", {})["TEMPLATE"] = name


def _server(database: dict) -> dict:
    given = {"user": "USER", "password": "PASSWORD", "host": "HOST", "port": "PORT"}
    return {key: database[name] for key, name in given.items() if database.get(name)}


def _build(server, database: dict, name: str) -> None:
    building = f"{name[:54]}_building"
    server.execute(f'DROP DATABASE IF EXISTS "{building}"')
    server.execute(f'CREATE DATABASE "{building}"')
    user = quote(database.get("USER") or "", safe="")
    password = f":{quote(database['PASSWORD'], safe='')}" if database.get("PASSWORD") else ""
    at = f"{user}{password}@" if user else ""
    url = f"postgres://{at}{database.get('HOST') or ''}:{database.get('PORT') or 5432}/{building}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    migrate = [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "--verbosity", "0"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True)
    server.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    _drop_older(server, keep=name)


def _drop_older(server, *, keep: str) -> None:
    """Templates of earlier migrations of the same database: no run asks for them any more."""
    prefix = keep.rsplit("_tpl_", 1)[0] + "_tpl_"
    for (old,) in server.execute("SELECT datname FROM pg_database").fetchall():
        if old.startswith(prefix) and old != keep and not old.endswith("_building"):
            try:
                server.execute(f'DROP DATABASE IF EXISTS "{old}"')
            except Exception as error:  # in use by a run of another checkout: left for the next time
                print(f"left the old test template {old}: {error}", file=sys.stderr)
