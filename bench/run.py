#!/usr/bin/env python
"""Performance benchmarks of the courses part of Kompeten: benchmarks, not timed tests.

    python bench/run.py [--scale small|full] [--rebuild] [--fixtree] [--requests 30] [--warmup 5]
                        [--wait-idle 60] [--no-small] [--output PATH] [--strict]

On PostgreSQL, with a data set of the chosen scale (bench/scales.py, built by bench/dataset.py), it
measures in-process, with Django's test Client and a logged-in employee (bench/measure.py):

- the catalog (/kursus/ and /kursus/?q=...), a course page, a lesson page and the dashboard
  (/dasbor/): each page is requested `--warmup` times, then once inside CaptureQueriesContext (the
  query count), then `--requests` times in rounds across the pages; median and p90 (nearest rank) of
  the wall-clock time, and of the CPU time of this process plus its PostgreSQL backend;
- the certificate PDF: courses.pdf.certificate_pdf and services.certificate_issue, 20 runs each.

`--scale full` (the default) first runs the small scale in a child process, on its own database
(`<name>_small`), so that the query counts of both scales can be compared; it prints one table and
writes bench/results/courses.json. `--scale small` alone writes bench/results/courses-small.json.
The exit status is 0 even when a budget is missed (the table and the JSON say so), 1 with --strict.

The database comes from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/kompeten_bench).
It is created when missing, migrated, and filled once; a later run reuses it while its data set is
the same (the fingerprint is kept as a comment on the database), and rebuilds it otherwise or with
--rebuild. A database without the benchmark's comment is never touched. Uploaded files (cover images,
issued PDFs, private or not) go to BENCH_MEDIA_ROOT (default: a directory under the system's
temporary directory), never into the project's media/ or private-media/. Before measuring it waits
(--wait-idle) until other processes leave at least half of the CPUs free, and marks results measured
on a busy machine.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import database  # noqa: E402  (psycopg only: Django is set up later)
from bench.scales import PAGE_BUDGET_MS, PDF_BUDGET_MS, SCALES  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kompeten_bench"
PDF_RUNS = 20
RESULTS_DIR = ROOT / "bench" / "results"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--rebuild", action="store_true", help="drop and regenerate the data set")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (default 30)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page first (default 5)")
    parser.add_argument("--no-small", action="store_true", help="with --scale full: skip the small-scale run")
    parser.add_argument("--output", type=Path, help="where to write the results JSON")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a budget is missed or query counts differ"
    )
    parser.add_argument(
        "--fixtree", action="store_true", help="after generating, also run `manage.py fixtree` (slow) on the tree"
    )
    parser.add_argument(
        "--wait-idle",
        type=int,
        default=60,
        metavar="SECONDS",
        help="before each measurement, wait up to this long until other processes use at most half of "
        "the CPUs (default 60; 0 to measure at once)",
    )
    return parser.parse_args(argv)


def database_url(scale: str) -> str:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    if scale == "full":
        return url
    return database.with_name(url, f"{database.name_of(url)}_{scale}")


def media_root(url: str) -> Path:
    configured = os.environ.get("BENCH_MEDIA_ROOT")
    base = Path(configured) if configured else Path(tempfile.gettempdir()) / "kompeten-bench"
    return base / database.name_of(url) / "media"


# --- one scale, in this process ------------------------------------------------------------------


def prepare(scale_name: str, *, rebuild: bool = False, fixtree: bool = False) -> dict:
    """The scale's database, created, migrated and filled (or reused), with Django set up on it under
    the test settings; what was done, for the results (bench/http.py prepares the same way)."""
    scale = SCALES[scale_name]
    url = database_url(scale_name)
    print(f"\n=== {scale_name} scale: database {database.name_of(url)} ===", flush=True)
    reused = database.ensure(url, fingerprint=scale.fingerprint(), rebuild=rebuild)

    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = url
    os.environ["MEDIA_ROOT"] = str(media_root(url))
    os.environ["PRIVATE_MEDIA_ROOT"] = str(media_root(url).parent / "private-media")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # One persistent connection for the whole run (production: 60 s), so that the CPU time of its
    # PostgreSQL backend can be followed (measure.CpuClock) and no reconnection lands in a sample.
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "3600")
    import django

    django.setup()

    from django.core.management import call_command

    from bench import dataset

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrate_seconds = round(time.perf_counter() - started, 1)
    print(f"migrate: {migrate_seconds:.1f} s", flush=True)

    generation = None
    if reused:
        restored = dataset.ensure_cover_files()
        print(
            "data set: present (same fingerprint), reused" + (f"; {restored} image files restored" if restored else "")
        )
    else:
        print("data set: generating ...", flush=True)
        started = time.perf_counter()
        steps = dataset.Generator(scale, fixtree=fixtree).run()
        generation = {"seconds": round(time.perf_counter() - started, 1), "steps": steps}
        database.write_marker(url, f"{database.MARKER}:{scale.fingerprint()}")
        print(f"data set generated in {generation['seconds']:.1f} s", flush=True)
    counts = dataset.counts()
    print("data set: " + ", ".join(f"{key} {value:,}" for key, value in counts.items()), flush=True)
    return {
        "url": url,
        "scale": scale,
        "counts": counts,
        "generation": generation,
        "migrate_seconds": migrate_seconds,
    }


def run_scale(scale_name: str, args) -> dict:
    prepared = prepare(scale_name, rebuild=args.rebuild, fixtree=args.fixtree)
    scale, url, counts = prepared["scale"], prepared["url"], prepared["counts"]
    generation, migrate_seconds = prepared["generation"], prepared["migrate_seconds"]

    from bench import measure

    results = measure.run_all(
        scale, requests=args.requests, warmup=args.warmup, pdf_runs=PDF_RUNS, wait_idle=args.wait_idle
    )
    return {
        "scale": scale_name,
        "database": database.name_of(url),
        "fingerprint": scale.fingerprint(),
        "dataset": counts,
        "generation": generation or {"reused": True, "note": "data set of an earlier run (same fingerprint)"},
        "migrate_seconds": migrate_seconds,
        "environment": measure.environment(),
        "results": results,
    }


def run_small_in_child(args) -> dict | None:
    """The small scale in its own process: Django, its connection and its caches are per process."""
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "small.json"
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--scale",
            "small",
            "--requests",
            str(args.requests),
            "--warmup",
            str(args.warmup),
            "--output",
            str(output),
            "--wait-idle",
            str(args.wait_idle),
        ]
        if args.rebuild:
            command.append("--rebuild")
        if args.fixtree:
            command.append("--fixtree")
        completed = subprocess.run(command, check=False)  # noqa: S603
        if completed.returncode != 0 or not output.exists():
            print("the small-scale run failed; query counts cannot be compared", file=sys.stderr)
            return None
        return json.loads(output.read_text())["scales"]["small"]


# --- report --------------------------------------------------------------------------------------


def combine(full: dict, small: dict | None) -> list[dict]:
    rows = []
    small_by_name = {r["name"]: r for r in small["results"]} if small else {}
    for result in full["results"]:
        other = small_by_name.get(result["name"])
        budget = result["budget_ms"]
        row = {
            "name": result["name"],
            "label": result["label"],
            "budget_ms": budget,
            "queries_small": other["queries"] if other else None,
            "queries_full": result["queries"],
            "median_ms": result["timing"]["median_ms"],
            "p90_ms": result["timing"]["p90_ms"],
            "cpu_median_ms": result["timing"].get("cpu_median_ms"),
            "cpu_p90_ms": result["timing"].get("cpu_p90_ms"),
            "small_median_ms": other["timing"]["median_ms"] if other else None,
        }
        row["time_ok"] = row["median_ms"] < budget
        row["cpu_ok"] = None if row["cpu_median_ms"] is None else row["cpu_median_ms"] < budget
        row["noisy"] = bool(result.get("noisy"))
        row["queries_ok"] = (
            None if other is None or result["queries"] is None else other["queries"] == result["queries"]
        )
        rows.append(row)
    return rows


def print_table(rows: list[dict]) -> None:
    def number(value):
        return "-" if value is None else f"{value:.1f}"

    print()
    header = (
        f"{'target':<34} {'queries':>9} {'wall median':>11} {'wall p90':>9} {'CPU median':>10} {'CPU p90':>8}"
        f" {'budget':>9}  result"
    )
    print(header)
    print(f"{'':<34} {'small/full':>9} {'ms':>11} {'ms':>9} {'ms':>10} {'ms':>8}")
    print("-" * (len(header) + 30))
    for row in rows:
        small = "-" if row["queries_small"] is None else str(row["queries_small"])
        full = "-" if row["queries_full"] is None else str(row["queries_full"])
        verdicts = ["time ok" if row["time_ok"] else "TOO SLOW"]
        if row["queries_ok"] is not None:
            verdicts.append("queries same" if row["queries_ok"] else "QUERIES DIFFER")
        if row["noisy"]:
            verdicts.append("machine busy with other work: timings inflated")
        print(
            f"{row['label']:<34} {small + '/' + full:>9} {number(row['median_ms']):>11} {number(row['p90_ms']):>9}"
            f" {number(row['cpu_median_ms']):>10} {number(row['cpu_p90_ms']):>8}"
            f" {'< ' + format(row['budget_ms'], '.0f') + ' ms':>9}  {', '.join(verdicts)}"
        )
    print(
        "\nwall = elapsed time of the call; CPU = time this process and its PostgreSQL backend spent on a CPU"
        "\n(what the request costs on an idle machine; the difference is waiting: for a CPU, for I/O, round trips)."
    )
    print()


def main(argv=None) -> int:
    args = parse_args(argv)
    small = None
    if args.scale == "full" and not args.no_small:
        small = run_small_in_child(args)
    result = run_scale(args.scale, args)
    if args.scale == "small":
        rows = combine(result, None)
        for row in rows:
            row["queries_small"], row["queries_full"] = row["queries_full"], None
    else:
        rows = combine(result, small)
    print_table(rows)

    report = {
        "benchmark": "courses",
        "command": "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "finished_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "budgets": {"page_median_ms": PAGE_BUDGET_MS, "pdf_median_ms": PDF_BUDGET_MS},
        "method": {
            "requests": args.requests,
            "warmup": args.warmup,
            "pdf_runs": PDF_RUNS,
            "p90": "nearest rank",
            "client": "django.test.Client, in-process, force_login as the benchmark employee",
        },
        "summary": rows,
        "scales": {args.scale: result, **({"small": small} if small else {})},
    }
    output = args.output or RESULTS_DIR / ("courses.json" if args.scale == "full" else f"courses-{args.scale}.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"results written to {output}")
    failed = [r for r in rows if not r["time_ok"] or r["queries_ok"] is False]
    if failed:
        print("missed: " + ", ".join(r["label"] for r in failed))
    return 1 if failed and args.strict else 0


def learner_arguments(doc: str, results: Path, learners: int, argv=None):
    """The options of a benchmark of learners on this data set (bench/learner_posts.py, bench/first_visit.py)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--output", type=Path, default=results, help="where to write the Markdown table")
    parser.add_argument("--learners", type=int, default=learners, help=f"learners measured (default {learners})")
    parser.add_argument("--rebuild", action="store_true", help="drop and regenerate the data set")
    return parser.parse_args(argv)


def table_write(prepared: dict, header: str, rows: list[str], output: Path) -> None:
    """Print a Markdown table of results under the data set's counts, and write it to `output`."""
    columns = header.count("|") - 1
    table = "\n".join(
        [
            "Data set: " + ", ".join(f"{name} {count:,}" for name, count in prepared["counts"].items()),
            "",
            header,
            "| --- |" + " ---: |" * (columns - 1),
            *rows,
        ]
    )
    print(table)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(table + "\n")


def machine() -> dict:
    info = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return info


if __name__ == "__main__":
    sys.exit(main())
