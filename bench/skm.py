#!/usr/bin/env python
"""Benchmark of the public satisfaction survey (SKM): the index over a year of city-wide answers.

    python bench/skm.py [--responses 1000000] [--runs 7] [--requests 30] [--rebuild] [--wait-idle 120]

On its own PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/kompeten_bench_skm; created, migrated and filled once, then reused
while its fingerprint matches; a database without the benchmark's marker is refused, never dropped)
it runs `seed_demo` (the organisation, the catalog, the four demo service points), adds service
points up to 20 in 5 units, and fills the answers in one `INSERT … SELECT … generate_series`
(1,000,000 by default) spread over the calendar year 2026, office hours, one service weak in u7.

With a fixed "today" (2027-01-15) it then times, in rounds, `--runs` times each after a warm-up
(median, p90, and the CPU time of this process plus its PostgreSQL backend, bench/measure.py):
- selectors.index_by_service_point and selectors.index_by_unit for the last closed semester
  (2026-S2) and year (2026): index_by_unit reads index_by_service_point too, as the reports do;
- selectors.trend over the 12 months of 2026 for the busiest service point;
and gives the query count and the plan (EXPLAIN ANALYZE) of each one's slowest query. In-process
through Django's test client, `--requests` times each after 5 warm-ups: the public form
(/survei-kepuasan/<code>/, anonymous), the published index (/survei-kepuasan/, which aggregates the
real last closed semester) and the catalog /kursus/ (as the demo employee `pegawai`); and
services.survey_response_submit (one answer written, 20 runs). Results: bench/results/skm.md.
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import database  # noqa: E402  (psycopg only: Django is set up later)
from bench.quiet import wait_for_quiet  # noqa: E402
from bench.skm_data import SEED, TODAY, WEAK_POINT, YEAR, counts, generate  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kompeten_bench_skm"
GENERATOR_VERSION = 1
BUDGET_SECONDS = 2.0
WARMUP = 5
RESULTS = ROOT / "bench" / "results" / "skm.md"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per selector (default 7)")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (default 30)")
    parser.add_argument("--rebuild", action="store_true", help="drop and regenerate the data set")
    parser.add_argument(
        "--wait-idle", type=int, default=120, metavar="SECONDS", help="wait up to this long for a quiet machine"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args(argv)


# --- data set --------------------------------------------------------------------------------------


# --- measurements ----------------------------------------------------------------------------------


def explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def profile(fn) -> dict:
    """One call with its queries captured and timed; the plan of the slowest."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.measure import QueryTimer

    timer = QueryTimer()
    with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
        fn()
    queries = [query["sql"] for query in ctx.captured_queries]
    slowest = max(range(len(queries)), key=lambda i: timer.times[i]) if queries else None
    return {
        "queries": len(queries),
        "slowest_ms": round(timer.times[slowest] * 1000, 1) if queries else None,
        "slowest_sql": queries[slowest] if queries else None,
        "plan": explain(queries[slowest]) if queries and queries[slowest].lstrip().startswith("SELECT") else None,
    }


def selector_targets():
    from appraisal_link.feedback import periods, selectors
    from appraisal_link.feedback.models import ServicePoint

    semester, year = periods.last_closed("semester", TODAY), periods.last_closed("tahun", TODAY)
    months = periods.recent("bulan", year.end - datetime.timedelta(days=1), 12)
    busiest = ServicePoint.objects.get(code=WEAK_POINT)
    return [
        (f"index_by_service_point({semester.key})", lambda: selectors.index_by_service_point(semester)),
        (f"index_by_unit({semester.key})", lambda: selectors.index_by_unit(semester)),
        (f"index_by_service_point({year.key})", lambda: selectors.index_by_service_point(year)),
        (f"index_by_unit({year.key})", lambda: selectors.index_by_unit(year)),
        (
            f"trend({months[0].key} … {months[-1].key}, {busiest.code})",
            lambda: selectors.trend(months, service_point=busiest),
        ),
    ]


def page_targets():
    from django.test import Client

    from appraisal_link.feedback.models import ServicePoint
    from portal.people.models import User

    anonymous = Client()
    employee = Client()
    employee.force_login(User.objects.get(username="pegawai"))
    point = ServicePoint.objects.get(code=WEAK_POINT)
    return [
        (f"public form /survei-kepuasan/{point.code}/ (anonymous)", anonymous, point.get_absolute_url()),
        ("published index /survei-kepuasan/ (anonymous)", anonymous, "/survei-kepuasan/"),
        ("catalog /kursus/ (pegawai)", employee, "/kursus/"),
    ]


def measure(args) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from appraisal_link.feedback.models import ServicePoint, SurveyResponse
    from appraisal_link.feedback.services import survey_response_submit
    from bench.measure import timed_runs

    results = {"selectors": [], "pages": [], "write": None}
    selectors_ = selector_targets()
    for _name, fn in selectors_:
        fn()  # warm-up (and the caches of PostgreSQL)
    wait_for_quiet(args.wait_idle, label="the selectors")
    timings = timed_runs([fn for _name, fn in selectors_], args.runs)
    for (name, fn), timing in zip(selectors_, timings, strict=True):
        row = {"name": name, **timing, **profile(fn)}
        results["selectors"].append(row)
        print(f"  {name}: median {row['median_ms']:.0f} ms, p90 {row['p90_ms']:.0f} ms, {row['queries']} queries")

    pages = page_targets()
    for _name, client, url in pages:
        for _ in range(WARMUP):
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code} (expected 200)")
    wait_for_quiet(args.wait_idle, label="the pages")
    timings = timed_runs([lambda c=client, u=url: c.get(u) for _name, client, url in pages], args.requests)
    for (name, client, url), timing in zip(pages, timings, strict=True):
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        row = {"name": name, **timing, "queries": len(ctx.captured_queries)}
        results["pages"].append(row)
        print(f"  {name}: median {row['median_ms']:.1f} ms, p90 {row['p90_ms']:.1f} ms, {row['queries']} queries")

    point = ServicePoint.objects.get(code=WEAK_POINT)
    answers = {code: 3 for code in ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")}
    answers["suggestion"] = "Ruang tunggu sudah nyaman."
    # Written after the measured year, and removed afterwards: a later run finds the data set unchanged.
    moment = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10)))
    (timing,) = timed_runs([lambda: survey_response_submit(service_point=point, answers=answers, now=moment)], 20)
    SurveyResponse.objects.filter(submitted_at=moment).delete()
    results["write"] = {"name": "services.survey_response_submit (with a suggestion)", **timing}
    print(f"  survey_response_submit: median {timing['median_ms']:.1f} ms")
    return results


def environment() -> dict:
    import platform

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {"postgres": version, "python": platform.python_version(), "cpus": os.cpu_count()}


def write_markdown(path: Path, *, args, data, results, env, generation, database_name) -> None:
    def cpu(row):
        return f"{row['cpu_median_ms']:.0f}" if "cpu_median_ms" in row else "–"

    lines = [
        "# Satisfaction survey (SKM) benchmark",
        "",
        f"Command: `python bench/skm.py --responses {args.responses} --runs {args.runs} --requests {args.requests}` "
        f"(database `{database_name}`; measured {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; "
        f"PostgreSQL {env['postgres']}, Python {env['python']}, {env['cpus']} CPUs; today fixed at {TODAY}).",
        "",
        "Data set: "
        + ", ".join(f"{value:,} {key}" if isinstance(value, int) else f"{key} {value}" for key, value in data.items())
        + ".",
        "",
        f"| selector | median (ms) | p90 (ms) | CPU median (ms) | queries | budget < {BUDGET_SECONDS:.0f} s |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in results["selectors"]:
        met = "met" if row["median_ms"] < BUDGET_SECONDS * 1000 else "**NOT met**"
        lines.append(
            f"| {row['name']} | {row['median_ms']:.0f} | {row['p90_ms']:.0f} | {cpu(row)} | {row['queries']} | {met} |"
        )
    lines += [
        "",
        "| page (in-process) | median (ms) | p90 (ms) | CPU median (ms) | queries |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for row in [*results["pages"], results["write"]]:
        queries = row.get("queries", "–")
        lines.append(f"| {row['name']} | {row['median_ms']:.1f} | {row['p90_ms']:.1f} | {cpu(row)} | {queries} |")
    lines += ["", "## Plans of the slowest query of each selector", ""]
    for row in results["selectors"]:
        lines += [f"### {row['name']} ({row['slowest_ms']} ms)", "", "```sql", row["slowest_sql"], "```", ""]
        if row["plan"]:
            lines += ["```", row["plan"], "```", ""]
    if generation:
        lines += ["Data set generated in " + ", ".join(f"{k} {v:.1f} s" for k, v in generation.items()) + "."]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def main(argv=None):
    args = parse_args(argv)
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    fingerprint = f"skm-v{GENERATOR_VERSION}:responses={args.responses},seed={SEED},year={YEAR}"
    print(f"=== satisfaction survey: database {database.name_of(url)} ===", flush=True)
    reused = database.ensure(url, fingerprint=fingerprint, rebuild=args.rebuild)

    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # Uploaded files of the demo (covers, certificates) stay out of the project's media/.
    media = os.environ.get("BENCH_MEDIA_ROOT") or str(Path(tempfile.gettempdir()) / "kompeten-bench")
    os.environ["MEDIA_ROOT"] = str(Path(media) / database.name_of(url) / "media")
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "3600")  # one backend, whose CPU time is followed
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.1f} s", flush=True)
    generation = None
    if reused:
        print("data set: present (same fingerprint), reused", flush=True)
    else:
        print("data set: generating ...", flush=True)
        generation = generate(args.responses)
        database.write_marker(url, f"{database.MARKER}:{fingerprint}")
    data = counts()
    print("data set: " + ", ".join(f"{key} {value}" for key, value in data.items()), flush=True)

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
    slow = [row["name"] for row in results["selectors"] if row["median_ms"] >= BUDGET_SECONDS * 1000]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
