#!/usr/bin/env python
"""Benchmark of the standard-gap engine (competency.services.gaps_recompute) at city scale.

    python bench/gaps.py [--employees 100000] [--wait-idle 120]

On its own PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/kompeten_bench_gaps; recreated on every run, since the run
changes its data, and migrated with call_command; a database without the benchmark's marker is
refused, never dropped) it builds 40 units, 50 positions with 4-6
standards each (about 5), the employees (100,000 by default, valid NIPs) with about two
assessments each, and 10,000 appraisal gaps (source "penilaian", which the engine must not touch).

It then times, each with its query count:
1. a full recompute from no standard gaps (every gap is created);
2. the same again (idempotent: nothing to write);
3. a full recompute after a day of changes (one position's standard raised, 2 % of employees
   newly assessed): reopen, close and update;
4. `assessment_record` for one employee (median of 20).

The results are printed and written to bench/results/gaps.md.
"""

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import database  # noqa: E402  (psycopg only: Django is set up later)
from bench.quiet import wait_for_quiet  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kompeten_bench_gaps"
GENERATOR_VERSION = 1
SEED = 20260301
UNITS, POSITIONS, APPRAISAL_GAPS = 40, 50, 10_000
BUDGET_SECONDS = 30.0
RESULTS = ROOT / "bench" / "results" / "gaps.md"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument(
        "--wait-idle", type=int, default=120, metavar="SECONDS", help="wait up to this long for a quiet machine"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args(argv)


# --- data set --------------------------------------------------------------------------------------


def bench_nip(i: int) -> str:
    """A valid, unique NIP per i < 10,000,000: the birth day cycles over 10,000 days, the sequence
    counts the cycles."""
    birth = datetime.date(1965, 1, 1) + datetime.timedelta(days=i % 10_000)
    start_year = birth.year + 23 + (i // 10_000) % 5
    return f"{birth:%Y%m%d}{start_year}{1 + i % 12:02d}{1 + (i // 7) % 2}{(i // 10_000) % 1000:03d}"


def generate(employees: int, log=print) -> dict:
    from django.db import transaction

    from competency.models import Assessment, Competency, Gap, PositionStandard
    from portal.people.models import Employee, Position, Unit
    from portal.people.nip import validate_nip

    rng = random.Random(SEED)
    timings = {}
    with transaction.atomic():
        started = time.perf_counter()
        units = Unit.objects.bulk_create(
            [Unit(code=f"bench-gaps-unit-{i:02d}", name=f"Unit Kerja {i:02d}") for i in range(UNITS)]
        )
        kinds = ["struktural", "fungsional", "pelaksana"]
        positions = Position.objects.bulk_create(
            [
                Position(code=f"bench-gaps-jabatan-{i:02d}", name=f"Jabatan Bench {i:02d}", kind=kinds[i % 3])
                for i in range(POSITIONS)
            ]
        )
        competency_ids = list(Competency.objects.order_by("pk").values_list("pk", flat=True))
        standards, standard_of = [], {}
        for position in positions:
            chosen = rng.sample(competency_ids, rng.randint(4, 6))
            standard_of[position.pk] = chosen
            standards += [
                PositionStandard(position=position, competency_id=c, required_level=rng.randint(2, 4)) for c in chosen
            ]
        PositionStandard.objects.bulk_create(standards)
        nips = [bench_nip(i) for i in range(employees)]
        for nip in nips:
            validate_nip(nip)
        assert len(set(nips)) == employees
        people = Employee.objects.bulk_create(
            [
                Employee(
                    nip=nips[i],
                    name=f"Pegawai Bench {i:06d}",
                    unit=units[i % UNITS],
                    position=positions[(i * 7) % POSITIONS],
                    grade="III/a",
                )
                for i in range(employees)
            ],
            batch_size=5000,
        )
        timings["organisation"] = time.perf_counter() - started

        started = time.perf_counter()
        today = datetime.date(2026, 3, 1)
        sources = ["assessment_centre", "atasan", "atasan", "kursus", "penilaian"]
        assessments = []
        for employee in people:
            own = standard_of[employee.position_id]
            for _ in range(2):
                # Mostly the position's own competencies; now and then the same one twice.
                competency = rng.choice(own) if rng.random() < 0.85 else rng.choice(competency_ids)
                assessments.append(
                    Assessment(
                        employee_id=employee.pk,
                        competency_id=competency,
                        level=rng.randint(1, 5),
                        source=rng.choice(sources),
                        assessed_on=today - datetime.timedelta(days=rng.randint(0, 1000)),
                    )
                )
        Assessment.objects.bulk_create(assessments, batch_size=5000)
        appraisal_gaps = []
        for i in rng.sample(range(employees), min(APPRAISAL_GAPS, employees)):
            employee = people[i]
            appraisal_gaps.append(
                Gap(
                    employee_id=employee.pk,
                    competency_id=rng.choice(competency_ids),
                    source="penilaian",
                    origin="penilaian:2025:tahunan:hasil_kerja",
                    reason="karena penilaian 2025: Hasil kerja di bawah ekspektasi",
                    required_level=rng.randint(2, 5),
                    current_level=rng.randint(0, 1),
                )
            )
        Gap.objects.bulk_create(appraisal_gaps, batch_size=5000)
        timings["assessments and appraisal gaps"] = time.perf_counter() - started
    for name, seconds in timings.items():
        log(f"  {name}: {seconds:.1f} s")
    return timings


def analyze():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def counts() -> dict:
    from competency.models import Assessment, Gap, PositionStandard
    from portal.people.models import Employee, Position, Unit

    return {
        "units": Unit.objects.count(),
        "positions": Position.objects.count(),
        "position standards": PositionStandard.objects.count(),
        "employees": Employee.objects.count(),
        "assessments": Assessment.objects.count(),
        "appraisal gaps (penilaian)": Gap.objects.filter(source="penilaian").count(),
    }


# --- measurement -------------------------------------------------------------------------------------


class QueryCounter:
    """Counts queries without keeping their SQL (a bulk INSERT's text is megabytes)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed(fn, **kwargs):
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        result = fn(**kwargs)
        seconds = time.perf_counter() - started
    return result, seconds, counter.count


def appraisal_checksum() -> tuple:
    from django.db.models import Count, Max, Sum

    from competency.models import Gap

    return tuple(
        Gap.objects.filter(source="penilaian")
        .aggregate(n=Count("pk"), required=Sum("required_level"), current=Sum("current_level"), last=Max("closed_at"))
        .values()
    ) + tuple(Gap.objects.filter(source="penilaian").values_list("status").annotate(n=Count("pk")).order_by("status"))


def reset_standard_gaps():
    from django.db import connection

    from competency.models import Gap

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Gap._meta.db_table} WHERE source = %s", ["standar"])  # noqa: S608
        cursor.execute(f"ANALYZE {Gap._meta.db_table}")


def a_day_of_changes(employees: int) -> str:
    """Raise one position's standard and newly assess 2 % of the employees."""
    from django.db.models import F

    from competency.models import Assessment, Competency, PositionStandard
    from portal.people.models import Employee

    rng = random.Random(SEED + 1)
    standard = PositionStandard.objects.order_by("pk").first()
    PositionStandard.objects.filter(position_id=standard.position_id, required_level__lt=5).update(
        required_level=F("required_level") + 1
    )
    competency_ids = list(Competency.objects.values_list("pk", flat=True))
    ids = list(Employee.objects.order_by("pk").values_list("pk", flat=True))
    chosen = rng.sample(ids, max(employees // 50, 1))
    Assessment.objects.bulk_create(
        [
            Assessment(
                employee_id=pk,
                competency_id=rng.choice(competency_ids),
                level=rng.randint(1, 5),
                source="atasan",
                assessed_on=datetime.date(2026, 3, 2),
            )
            for pk in chosen
        ],
        batch_size=5000,
    )
    return f"one position's standard raised by a level, {len(chosen):,} new assessments"


def measure(args) -> dict:
    from competency import services
    from competency.models import Competency, Gap
    from portal.people.models import Employee

    results = {}
    before = appraisal_checksum()
    reset_standard_gaps()
    wait_for_quiet(args.wait_idle, label="the full recompute")
    stats, seconds, queries = timed(services.gaps_recompute)
    results["full recompute (no standard gaps yet)"] = (seconds, queries, stats)
    print(f"  full recompute: {seconds:.2f} s, {queries} queries, {stats}", flush=True)
    analyze()

    wait_for_quiet(args.wait_idle, label="the second run")
    stats, seconds, queries = timed(services.gaps_recompute)
    results["second run (idempotent)"] = (seconds, queries, stats)
    print(f"  second run: {seconds:.2f} s, {queries} queries, {stats}", flush=True)

    change = a_day_of_changes(args.employees)
    wait_for_quiet(args.wait_idle, label="the run after changes")
    stats, seconds, queries = timed(services.gaps_recompute)
    results[f"after a day of changes ({change})"] = (seconds, queries, stats)
    print(f"  after changes: {seconds:.2f} s, {queries} queries, {stats}", flush=True)

    employee = Employee.objects.order_by("pk").first()
    competency = Competency.objects.order_by("pk").first()
    samples, queries = [], 0
    for i in range(20):
        _result, seconds, queries = timed(
            services.assessment_record,
            employee=employee,
            competency=competency,
            level=1 + i % 5,
            source="atasan",
            assessed_on=datetime.date(2026, 3, 3),
        )
        samples.append(seconds)
    results["assessment_record, one employee (median of 20)"] = (statistics.median(samples), queries, None)
    print(f"  assessment_record: {statistics.median(samples) * 1000:.1f} ms, {queries} queries", flush=True)

    untouched = appraisal_checksum() == before
    print(f"  appraisal gaps untouched: {untouched}", flush=True)
    results["_untouched"] = untouched
    results["_gaps"] = {
        "open": Gap.objects.filter(source="standar", status="terbuka").count(),
        "closed": Gap.objects.filter(source="standar", status="tertutup").count(),
    }
    return results


def environment() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {"postgres": version, "python": platform.python_version(), "cpus": os.cpu_count()}


def write_markdown(path: Path, *, args, data: dict, results: dict, env: dict, generation, database_name: str):
    full_seconds = results["full recompute (no standard gaps yet)"][0]
    lines = [
        "# Standard-gap engine benchmark",
        "",
        f"Command: `python bench/gaps.py --employees {args.employees}` "
        f"(database `{database_name}`; measured {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; "
        f"PostgreSQL {env['postgres']}, Python {env['python']}, {env['cpus']} CPUs).",
        "",
        "Data set: " + ", ".join(f"{value:,} {key}" for key, value in data.items()) + ".",
        "",
        "| run | seconds | queries | result |",
        "| --- | ---: | ---: | --- |",
    ]
    for name, row in results.items():
        if name.startswith("_"):
            continue
        seconds, queries, stats = row
        shown = ", ".join(f"{key} {value:,}" for key, value in stats.items() if value) if stats else ""
        value = f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f}"
        lines.append(f"| {name} | {value} | {queries} | {shown} |")
    lines += [
        "",
        f"Budget: a full recompute under {BUDGET_SECONDS:.0f} s — "
        + ("**met**" if full_seconds < BUDGET_SECONDS else "**NOT met**")
        + f" ({full_seconds:.2f} s). Standard gaps afterwards: {results['_gaps']['open']:,} open, "
        f"{results['_gaps']['closed']:,} closed. Appraisal gaps (source “penilaian”) unchanged: "
        + ("yes" if results["_untouched"] else "**NO**")
        + ".",
    ]
    if generation:
        lines += ["", "Data set generated in " + ", ".join(f"{k} {v:.1f} s" for k, v in generation.items()) + "."]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def main(argv=None):
    args = parse_args(argv)
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    fingerprint = f"gaps-v{GENERATOR_VERSION}:employees={args.employees},seed={SEED}"
    print(f"=== gap engine: database {database.name_of(url)} ===", flush=True)
    # The data set changes with each run (scenario 3): always start from a fresh one.
    database.ensure(url, fingerprint=fingerprint, rebuild=True)

    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.1f} s", flush=True)
    print("data set: generating ...", flush=True)
    generation = generate(args.employees)
    database.write_marker(url, f"{database.MARKER}:{fingerprint}")
    analyze()
    data = counts()
    print("data set: " + ", ".join(f"{key} {value:,}" for key, value in data.items()), flush=True)

    results = measure(args)
    write_markdown(
        args.output,
        args=args,
        data=data,
        results=results,
        env=environment(),
        generation=generation,
        database_name=database.name_of(url),
    )
    print(f"written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    full = results["full recompute (no standard gaps yet)"][0]
    return 0 if full < BUDGET_SECONDS and results["_untouched"] else 1


if __name__ == "__main__":
    sys.exit(main())
