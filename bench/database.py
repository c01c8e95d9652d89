"""The benchmark's own PostgreSQL database: created when missing, recreated when its data set is stale.

Runs before Django is set up, with psycopg directly. A database is only ever dropped when it carries
the benchmark's marker (a comment on the database), so a mistyped BENCH_DATABASE_URL that points at a
real database is refused, not wiped.
"""

import dj_database_url
import psycopg
from psycopg import sql

MARKER = "kompeten-bench"


def _params(url: str) -> dict:
    config = dj_database_url.parse(url)
    if not config["ENGINE"].endswith("postgresql"):
        raise SystemExit(f"The benchmark needs PostgreSQL; got {config['ENGINE']} from {url!r}.")
    return {
        "dbname": config["NAME"],
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
    }


def _admin_connection(params: dict) -> psycopg.Connection:
    admin = {key: value for key, value in params.items() if value is not None and key != "dbname"}
    return psycopg.connect(dbname="postgres", autocommit=True, **admin)


def name_of(url: str) -> str:
    return _params(url)["dbname"]


def with_name(url: str, name: str) -> str:
    """The same server and credentials, another database name."""
    base, _sep, query = url.partition("?")
    base = base.rsplit("/", 1)[0] + "/" + name
    return base + ("?" + query if query else "")


def read_marker(url: str) -> str | None:
    """The database's comment, or None when the database does not exist."""
    params = _params(url)
    with _admin_connection(params) as conn:
        row = conn.execute(
            "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = %s",
            [params["dbname"]],
        ).fetchone()
    return None if row is None else row[0]


def write_marker(url: str, value: str) -> None:
    params = _params(url)
    with _admin_connection(params) as conn:
        conn.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(sql.Identifier(params["dbname"]), sql.Literal(value))
        )


def ensure(url: str, *, fingerprint: str, rebuild: bool) -> bool:
    """Make sure the database exists. Returns True when it holds the data set of `fingerprint`
    already (nothing to generate), False when it was (re)created empty."""
    params = _params(url)
    marker = read_marker(url)
    if marker is not None and not marker.startswith(MARKER):
        raise SystemExit(
            f"Database {params['dbname']!r} exists but was not created by the benchmark (no "
            f"{MARKER!r} comment); refusing to use or drop it. Choose another BENCH_DATABASE_URL."
        )
    if marker == f"{MARKER}:{fingerprint}" and not rebuild:
        return True
    with _admin_connection(params) as conn:
        if marker is not None:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(params["dbname"])))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(params["dbname"])))
        conn.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(params["dbname"]), sql.Literal(f"{MARKER}:empty")
            )
        )
    return False
