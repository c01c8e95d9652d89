#!/usr/bin/env python
"""Benchmark of the appraisal import: 100,000 rows in under 30 s and under 500 MB. A benchmark, not a timed test.

    python bench/appraisal_import.py [--rows 100000] [--rebuild] [--xlsx] [--accounts]

On PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/kompeten_bench_import;
created when missing and migrated with call_command), with `--rows` employees in the register, it
writes a CSV of one annual appraisal per employee (semicolon-separated with a BOM, as Excel writes it
here, with the tolerated spellings mixed in) and runs `manage.py import_appraisals` on it:

1. first import: every row creates an appraisal (and the weak ones open competency gaps);
2. the same file again: nothing changes, every row counts as unchanged;
3. a corrected file, 5 % of the rows changed: those are updated;
4. with --xlsx, the first import again from an XLSX of the same rows (openpyxl, read-only);
5. the first import into an empty register (a second database, `<name>_new`, with the units and
   positions only): every row also creates its employee, as on a new installation.

The floor is PostgreSQL's `COPY` of the same CSV file into a plain table of text columns, measured in
the same run; the report gives each import's time as a multiple of it (target: 10x for the first
import, into a full or an empty register) and the XLSX import's as a multiple of the CSV's (target 2x).

Each import runs in its own child process, so that its peak memory (getrusage ru_maxrss, minus the
process's peak just before the import) is its own. Results go to bench/results/appraisal_import.md.

With --accounts every employee has an account with an e-mail address, so every appraisal created or
changed notifies its owner in the import's transaction; the e-mail tasks are enqueued on a private
Redis queue (bench/broker.py). Use another BENCH_DATABASE_URL for it (its data set differs); results
go to bench/results/appraisal_import_accounts.md.
"""

import argparse
import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import broker, database  # noqa: E402  (psycopg and redis only: Django is set up later)
from bench.appraisal_import_report import HEADER, LABELS, YEAR, within_budget, write_report  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kompeten_bench_import"
RESULT_FILE = ROOT / "bench" / "results" / "appraisal_import.md"
GENERATOR_VERSION = 1


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true", help="drop and regenerate the employees")
    parser.add_argument("--xlsx", action="store_true", help="also import the rows from an XLSX file")
    parser.add_argument(
        "--accounts",
        action="store_true",
        help="give every employee an account with an e-mail address, so that each imported appraisal notifies "
        "its owner (the e-mail tasks go to a private Redis queue: see bench/broker.py)",
    )
    parser.add_argument("--phase", help=argparse.SUPPRESS)  # internal: one import, in a child process
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    parser.add_argument("--new-nips", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def setup_django(url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = url
    os.environ["MEDIA_ROOT"] = str(Path(tempfile.gettempdir()) / "kompeten-bench-import" / "media")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


# --- the data ------------------------------------------------------------------------------------
def nip_of(i: int) -> str:
    """A valid, unique NIP for employee i (its sequence number is 001-999, never 000)."""
    birth = datetime.date(1965, 1, 1) + datetime.timedelta(days=i % 12_000)
    start_year, start_month = birth.year + 24, 1 + i % 12
    return f"{birth:%Y%m%d}{start_year}{start_month:02d}{1 + i % 2}{1 + (i // 12_000) % 999:03d}"


def generate_employees(rows: int, *, accounts: bool = False, register: bool = True) -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from portal.people.models import Employee, Position, Unit, User
    from portal.people.nip import validate_nip

    unusable = make_password(None)
    with transaction.atomic():
        units = Unit.objects.bulk_create(Unit(code=f"opd-{n:02d}", name=f"Perangkat Daerah {n:02d}") for n in range(40))
        positions = Position.objects.bulk_create(
            Position(code=f"jab-{n:03d}", name=f"Jabatan {n:03d}", kind=Position.Kind.PELAKSANA) for n in range(80)
        )
        batch = []
        for i in range(rows if register else 0):
            nip = nip_of(i)
            if i % 9973 == 0:
                validate_nip(nip)
            batch.append(Employee(nip=nip, name=f"Pegawai {i:06d}", unit=units[i % 40], position=positions[i % 80]))
            if len(batch) == 5000:
                _with_accounts(batch, accounts=accounts, User=User, password=unusable)
                Employee.objects.bulk_create(batch)
                batch = []
        _with_accounts(batch, accounts=accounts, User=User, password=unusable)
        Employee.objects.bulk_create(batch)


def _with_accounts(employees: list, *, accounts: bool, User, password: str) -> None:
    if not accounts:
        return
    users = User.objects.bulk_create(
        [User(username=f"bench-{e.nip}", email=f"{e.nip}@example.test", password=password) for e in employees]
    )
    for employee, user in zip(employees, users, strict=True):
        employee.user = user


RATINGS = ["Sesuai ekspektasi"] * 12 + ["Di atas ekspektasi"] * 3 + ["diatas ekspektasi", "  SESUAI  ekspektasi "]


def row_of(i: int, *, corrected: bool = False) -> list:
    rating = RATINGS[i % len(RATINGS)]
    weak = i % 13 == 0  # about 8 %: a BerAKHLAK value below expectation, which opens competency gaps
    changed = corrected and i % 20 == 0  # 5 % of the rows
    return [
        nip_of(i),
        f"Pegawai {i:06d}",
        f"Perangkat Daerah {i % 40:02d}",
        f"jab-{i % 80:03d}",
        YEAR,
        "Tahunan" if i % 3 else "tahunan",
        "Di bawah ekspektasi" if changed else rating,
        "Sesuai ekspektasi",
        ["Baik", "Sangat Baik", "baik", "Butuh Perbaikan" if i % 31 == 0 else "Baik"][i % 4],
        rating,
        "Sesuai ekspektasi",
        "Di bawah ekspektasi" if weak else "Sesuai ekspektasi",
        "Sesuai ekspektasi",
        "dibawah ekspektasi" if weak else "Sesuai ekspektasi",
        "",
        "Di atas ekspektasi",
        "perlu pendampingan" if weak else "",
    ]


def write_csv(path: Path, rows: int, *, corrected: bool = False) -> None:
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(HEADER)
        for i in range(rows):
            writer.writerow(row_of(i, corrected=corrected))


def write_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Penilaian")
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append(row_of(i))
    workbook.save(path)


# --- one import, in a child process ---------------------------------------------------------------
def run_phase(args) -> None:
    if args.accounts:
        broker.configure_environment()
    setup_django(os.environ["BENCH_IMPORT_URL"])
    import contextlib
    import io

    from django.core.management import call_command
    from django.db import connection

    from appraisal_link.models import Appraisal
    from competency.models import Gap
    from portal.notifications.models import Notification

    if args.phase == "first":  # the first import starts from no appraisals
        Gap.objects.filter(source=Gap.Source.APPRAISAL).delete()
        Appraisal.objects.all().delete()
        Notification.objects.filter(kind="appraisal_updated").delete()
    if args.phase == "new":  # and this one from no employees either (a database of its own)
        empty_register()
    notified_before = Notification.objects.filter(kind="appraisal_updated").count()
    connection.close()
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    output = io.StringIO()
    # With accounts, each notification's e-mail task is enqueued (timed), never sent here.
    queue = broker.private_queue() if args.accounts else contextlib.nullcontext()
    with queue as enqueued:
        start = time.perf_counter()
        options = {"new_nips_checked": True} if args.new_nips else {}
        call_command("import_appraisals", args.file, progress_every=20_000, stdout=output, **options)
        seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(output.getvalue().rstrip(), flush=True)
    result = {
        "phase": args.phase,
        "file": Path(args.file).name,
        "file_mb": round(Path(args.file).stat().st_size / 1024 / 1024, 1),
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "rss_delta_mb": round((peak_kb - before_kb) / 1024, 1),
        "summary": output.getvalue().strip().splitlines()[-1],
        "appraisals": Appraisal.objects.count(),
        "gaps": Gap.objects.filter(source=Gap.Source.APPRAISAL).count(),
        "notified": Notification.objects.filter(kind="appraisal_updated").count() - notified_before,
        "email_tasks": enqueued.tasks if enqueued is not None else 0,
    }
    Path(args.output).write_text(json.dumps(result))


def empty_register() -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    from portal.people.models import Employee

    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {Employee._meta.db_table} CASCADE")  # noqa: S608 (the model's table)
    IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Employee)).delete()


def copy_floor(file: Path, url: str) -> float:
    """Seconds PostgreSQL's COPY takes to load the CSV file, read from disk, into a plain (logged) table
    of text columns, committed (the best of three): the floor of moving those rows into the database."""
    import psycopg

    from bench.database import _params

    params = {key: value for key, value in _params(url).items() if value is not None}
    columns = ", ".join(f"c{n} text" for n in range(len(HEADER)))
    best = None
    with psycopg.connect(**params) as conn:
        for _attempt in range(3):
            conn.execute(f"CREATE TABLE bench_floor_rows ({columns})")
            conn.commit()
            start = time.perf_counter()
            data = file.read_bytes().removeprefix(b"\xef\xbb\xbf")
            with conn.cursor().copy(
                "COPY bench_floor_rows FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)"
            ) as copy:
                copy.write(data)
            conn.commit()
            seconds = time.perf_counter() - start
            conn.execute("DROP TABLE bench_floor_rows")
            conn.commit()
            best = seconds if best is None else min(best, seconds)
    return best


WRITE_FLOOR_COLUMNS = (
    "employee_id, period, hasil_kerja, perilaku_kerja, predikat, berorientasi_pelayanan, akuntabel, kompeten, "
    "harmonis, loyal, adaptif, kolaboratif, notes, source, imported_at, updated_at"
)


def write_floor(url: str) -> float:
    """Seconds the appraisal table takes to take the first import's rows from another table of the database
    (an INSERT ... SELECT of them as the year before), its unique index, its other indexes and its foreign key
    checked at once, then rolled back (the best of three): the floor of the write alone, however the rows
    got there, which COPY into a plain table does not pay."""
    import psycopg

    from bench.database import _params

    params = {key: value for key, value in _params(url).items() if value is not None}
    best = None
    with psycopg.connect(**params) as conn:
        conn.execute("CREATE TEMPORARY TABLE bench_write_rows AS SELECT * FROM appraisal_link_appraisal")
        conn.commit()
        for _attempt in range(3):
            start = time.perf_counter()
            conn.execute("SET CONSTRAINTS ALL IMMEDIATE")
            conn.execute(
                f"INSERT INTO appraisal_link_appraisal (year, {WRITE_FLOOR_COLUMNS}) "  # noqa: S608 (constants)
                f"SELECT year - 1, {WRITE_FLOOR_COLUMNS} FROM bench_write_rows"
            )
            seconds = time.perf_counter() - start
            conn.rollback()
            best = seconds if best is None else min(best, seconds)
    return best


def child(phase: str, file: Path, url: str, *, accounts: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "result.json"
        command = [sys.executable, __file__, "--phase", phase, "--file", str(file), "--output", str(output)]
        command += ["--accounts"] if accounts else []
        command += ["--new-nips"] if phase == "new" else []
        completed = subprocess.run(command, env={**os.environ, "BENCH_IMPORT_URL": url}, check=False)  # noqa: S603
        if completed.returncode != 0:
            raise SystemExit(f"the {phase} import failed (exit {completed.returncode})")
        return json.loads(output.read_text())


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.phase:
        run_phase(args)
        return 0
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    started = time.perf_counter()
    fingerprint = f"appraisal-import:v{GENERATOR_VERSION}:{args.rows}" + (":accounts" if args.accounts else "")
    if args.accounts:
        broker.check_broker()
    reused = database.ensure(url, fingerprint=fingerprint, rebuild=args.rebuild)
    setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    if not reused:
        print(f"generating {args.rows:,} employees ...", flush=True)
        generate_employees(args.rows, accounts=args.accounts)
        database.write_marker(url, f"{database.MARKER}:{fingerprint}")
    connection.close()
    empty_url = database.with_name(url, database.name_of(url) + "_new")
    empty_fingerprint = f"appraisal-import-empty:v{GENERATOR_VERSION}"
    if not database.ensure(empty_url, fingerprint=empty_fingerprint, rebuild=args.rebuild):
        settings_database = connection.settings_dict["NAME"]
        connection.settings_dict["NAME"] = database.name_of(empty_url)
        call_command("migrate", interactive=False, verbosity=0)
        generate_employees(args.rows, register=False)
        connection.close()
        connection.settings_dict["NAME"] = settings_database
        database.write_marker(empty_url, f"{database.MARKER}:{empty_fingerprint}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        first, corrected = Path(tmp) / "penilaian-2025.csv", Path(tmp) / "penilaian-2025-koreksi.csv"
        write_csv(first, args.rows)
        write_csv(corrected, args.rows, corrected=True)
        setup_seconds = time.perf_counter() - started
        floor = copy_floor(first, url)
        print(f"COPY of {first.name}: {floor:.2f} s", flush=True)
        for phase, file in (("first", first), ("second", first), ("corrected", corrected)):
            print(f"\n== {LABELS[phase]} ==", flush=True)
            results.append(child(phase, file, url, accounts=args.accounts))
            print(f"   {results[-1]['seconds']:.1f} s, RSS +{results[-1]['rss_delta_mb']:.0f} MB", flush=True)
            if phase == "first":
                written = write_floor(url)
                print(f"the appraisal table's own INSERT ... SELECT of those rows: {written:.2f} s", flush=True)
        if args.xlsx:
            xlsx = Path(tmp) / "penilaian-2025.xlsx"
            write_xlsx(xlsx, args.rows)
            print(f"\n== {LABELS['first-xlsx']} ==", flush=True)
            result = child("first", xlsx, url, accounts=args.accounts)
            result["phase"] = "first-xlsx"
            results.append(result)
            print(f"   {result['seconds']:.1f} s, RSS +{result['rss_delta_mb']:.0f} MB", flush=True)
        if not args.accounts:
            print(f"\n== {LABELS['new']} ==", flush=True)
            results.append(child("new", first, empty_url))
            print(f"   {results[-1]['seconds']:.1f} s, RSS +{results[-1]['rss_delta_mb']:.0f} MB", flush=True)
    report = write_report(
        results,
        rows=args.rows,
        url=url,
        seconds_setup=setup_seconds,
        floor=floor,
        written=written,
        accounts=args.accounts,
    )
    # With accounts the run answers another question (what notifying costs): its own result file.
    result_file = RESULT_FILE.with_name("appraisal_import_accounts.md") if args.accounts else RESULT_FILE
    result_file.parent.mkdir(parents=True, exist_ok=True)
    result_file.write_text(report)
    print("\n" + report + f"\nwritten to {result_file}")
    budgets = all(within_budget(r) for r in results if r["phase"] not in ("first-xlsx", "new"))
    return 0 if budgets else 1


if __name__ == "__main__":
    sys.exit(main())
