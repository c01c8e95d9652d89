#!/usr/bin/env python
"""The load test of issue #15: thousands of employees and a few HR users at once, on one machine.

    python bench/load_run.py [--users 5000] [--hr 10] [--ramp 150] [--duration 300]
                             [--steps 500,1000,2000 --step-duration 120] [--workers 4] [--concurrency 2]
                             [--processes 1] [--proxy nginx|none] [--rebuild] [--wait-idle 120]
                             [--output PATH] [--plot PATH]

It prepares the full benchmark data set as bench/run.py does, on its own database
(BENCH_LOAD_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/kompeten_bench_load, since the
load test adds accounts to it), then: one account per simulated person with its own session
(bench/load/accounts.py, in the server's environment), gunicorn with production settings and
`--workers` sync workers (default 4, as deploy/systemd/kompeten-web.service: two per core on the
2-core machine) behind nginx as deploy/nginx/kompeten.conf puts it (bench/proxy.py; `--proxy none`
sends locust to gunicorn itself), a Celery worker (`--concurrency`, as kompeten-worker.service) on its own Redis
database (BENCH_LOAD_REDIS_URL, default db 11, emptied first), and locust (bench/load/locustfile.py)
headless. The load ramps to `--users` employees plus `--hr` HR users in `--ramp` seconds and holds
`--duration` seconds; with `--steps`, it climbs through those user counts instead, `--step-duration`
seconds each, to find the largest that holds the target (p95 < 300 ms, no failure).

It writes bench/results/load.json and load.md (per endpoint p50/p95/p99, requests/s, failures, over
the hold or the last step; per step; the CPU each part took) and the plot docs/images/load.png.
`make bench-load` installs locust and matplotlib (requirements-bench.txt) first.
"""

import argparse
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

from bench import run  # noqa: E402  (Django is set up by run.prepare)
from bench.load import report  # noqa: E402
from bench.proxy import start_proxy  # noqa: E402
from bench.quiet import busy_fraction, wait_for_quiet  # noqa: E402
from bench.server import free_port, manage, server_env, start_server  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PLOT = ROOT / "docs" / "images" / "load.png"
DATABASE_URL = os.environ.get("BENCH_LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kompeten_bench_load")
REDIS_URL = os.environ.get("BENCH_LOAD_REDIS_URL", "redis://127.0.0.1:6379/11")
# As deploy/systemd/kompeten-web.service runs gunicorn (workers recycled now and then).
SERVICES = {"postgres (all databases)": "postgres", "redis": "redis-server"}  # the machine's, by command
GUNICORN_ARGS = ("--timeout", "60", "--max-requests", "100000", "--max-requests-jitter", "50000")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=5000, help="simulated employees (default 5000)")
    parser.add_argument("--hr", type=int, default=10, help="simulated HR users (default 10)")
    parser.add_argument("--ramp", type=int, default=150, help="seconds to reach --users (default 150)")
    parser.add_argument("--duration", type=int, default=300, help="seconds to hold --users (default 300)")
    parser.add_argument("--steps", help="employee counts to climb through instead, e.g. 500,1000,2000")
    parser.add_argument("--step-duration", type=int, default=120, help="seconds per step (default 120)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--concurrency", type=int, default=2, help="Celery worker processes (default 2)")
    parser.add_argument("--processes", type=int, default=1, help="locust processes (default 1)")
    parser.add_argument("--proxy", choices=("nginx", "none"), default="nginx", help="in front of gunicorn")
    parser.add_argument("--rebuild", action="store_true", help="drop and regenerate the data set")
    parser.add_argument("--wait-idle", type=int, default=120, metavar="SECONDS", help="wait for a quiet machine")
    parser.add_argument("--output", type=Path, help="where to write the results JSON")
    parser.add_argument("--plot", type=Path, default=PLOT, help="where to write the plot (PNG)")
    return parser.parse_args(argv)


def shape_of(args) -> tuple[list[list], tuple[float, float], str]:
    """The stages ([until_s, users, spawn_rate]), the window that is reported, and how to say it."""
    if args.steps:
        counts = [int(count) for count in args.steps.split(",")]
        stages, previous = [], 0
        for k, count in enumerate(counts, start=1):
            rate = max((count - previous) / 30, 5)  # each step's users arrive within 30 s
            stages.append([k * args.step_duration, count + args.hr, round(rate, 1)])
            previous = count
        last = stages[-1][0]
        text = f"steps of {args.step_duration} s: " + ", ".join(f"{count:,}" for count in counts) + " employees"
        return stages, (last - args.step_duration + 30, last), text
    total = args.users + args.hr
    stages = [[args.ramp + args.duration, total, round(total / max(args.ramp, 1), 1)]]
    text = f"ramp to {total:,} users in {args.ramp} s, then {args.duration} s held"
    return stages, (args.ramp, args.ramp + args.duration), text


# --- the processes around the run ------------------------------------------------------------------


def start_worker(env: dict, concurrency: int, log) -> subprocess.Popen:
    celery = Path(sys.executable).with_name("celery")
    command = [str(celery), "-A", "portal", "worker", "--concurrency", str(concurrency), "--loglevel", "WARNING"]
    worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
    ping = [str(celery), "-A", "portal", "inspect", "ping", "--timeout", "2"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if subprocess.run(ping, cwd=ROOT, env=env, capture_output=True, check=False).returncode == 0:  # noqa: S603
            return worker
        if worker.poll() is not None:
            raise SystemExit("the Celery worker did not start: see its log")
    worker.terminate()
    raise SystemExit("the Celery worker did not answer within 60 s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children, living and reaped (psutil comes with locust)."""
    import psutil

    try:
        process = psutil.Process(pid)
        times = process.cpu_times()
        total = times.user + times.system + times.children_user + times.children_system
        for child in process.children(recursive=True):
            child_times = child.cpu_times()
            total += child_times.user + child_times.system
        return total
    except psutil.NoSuchProcess:
        return 0.0


def service_seconds(name: str) -> float:
    """CPU time of every process named `name` (its command's name, as ps shows it), with that of the
    children they reaped: PostgreSQL's backends come and go (a connection lives `CONN_MAX_AGE`), and
    one that ended during the run counts in the server's main process."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended meanwhile
            continue
        command, _, fields = text.partition(" (")[2].rpartition(") ")
        if command == name:
            total += sum(int(value) for value in fields.split()[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:9]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def work_counts() -> dict:
    from courses.models import Certificate, Enrollment, LessonProgress, QuizAttempt

    return {
        "enrolments": Enrollment.objects.count(),
        "lessons done": LessonProgress.objects.count(),
        "quiz attempts": QuizAttempt.objects.count(),
        "courses completed": Enrollment.objects.filter(completed_at__isnull=False).count(),
        "certificates": Certificate.objects.count(),
    }


def certificates_wait(before: dict, limit_s: float = 120.0) -> None:
    """Let the worker issue the certificates of the courses completed during the run."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        now = work_counts()
        if now["certificates"] - before["certificates"] >= now["courses completed"] - before["courses completed"]:
            return
        time.sleep(2)


# --- the run ---------------------------------------------------------------------------------------


def locust(args, base: str, plan: Path, folder: Path, stages: list) -> subprocess.Popen:
    command = [str(Path(sys.executable).with_name("locust")), "-f", str(ROOT / "bench" / "load" / "locustfile.py")]
    command += ["--headless", "--host", base, "--csv", str(folder / "locust"), "--csv-full-history"]
    command += ["--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0", "--stop-timeout", "5"]
    if args.processes > 1:
        command += ["--processes", str(args.processes)]
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "KOMPETEN_LOAD_PLAN": str(plan),
            "KOMPETEN_LOAD_STAGES": json.dumps(stages),
            "KOMPETEN_LOAD_SAMPLES": str(folder),
            "KOMPETEN_LOAD_PROCESSES": str(args.processes),
            "KOMPETEN_LOAD_HR": str(args.hr),
        }
    )
    return subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603


def main(argv=None) -> int:
    args = parse_args(argv)
    stages, window, shape_text = shape_of(args)
    employees = max(args.users, *(int(c) for c in (args.steps or "0").split(",")))
    os.environ["BENCH_DATABASE_URL"] = DATABASE_URL
    prepared = run.prepare("full", rebuild=args.rebuild)
    env = server_env(prepared["url"], run.media_root(prepared["url"]), cache_url=REDIS_URL)
    env["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # this run's own Redis database: cache, broker

    folder = Path(tempfile.mkdtemp(prefix="kompeten-load-"))
    plan = folder / "plan.json"  # live session keys: kept out of the repository
    print(f"accounts and plan: {employees:,} employees, {args.hr} HR ...", flush=True)
    # Room for locust's uneven split of people over its processes, and HR's.
    code = (
        "from bench.load.accounts import plan_write; "
        f"plan_write({str(plan)!r}, employees={employees + 10 * args.processes}, hr={args.hr + 2 * args.processes})"
    )
    manage(env, "shell", "-c", code)

    logs = (folder / "gunicorn.log").open("w"), (folder / "worker.log").open("w")
    port = free_port()
    server = start_server(env, port, args.workers, extra=GUNICORN_ARGS, log=logs[0])
    proxy, proxy_port = start_proxy(port, folder) if args.proxy == "nginx" else (None, port)
    worker = start_worker(env, args.concurrency, logs[1])
    before = work_counts()
    busy_before = wait_for_quiet(args.wait_idle, label="the load test") if args.wait_idle else busy_fraction()
    print(f"locust: {shape_text} (logs and samples in {folder})", flush=True)
    parts = {"gunicorn": server, "celery worker": worker, **({"nginx": proxy} if proxy else {})}
    cpu = {name: cpu_seconds(process.pid) for name, process in parts.items()}
    services = {name: service_seconds(command) for name, command in SERVICES.items()}
    machine = machine_busy_seconds()
    started, children = time.time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        locust(args, f"http://127.0.0.1:{proxy_port}", plan, folder, stages).wait()
        wall = time.time() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent = {
            "locust": after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime,
            **{name: cpu_seconds(process.pid) - cpu[name] for name, process in parts.items()},
            **{name: service_seconds(command) - services[name] for name, command in SERVICES.items()},
            "machine (everything)": machine_busy_seconds() - machine,
        }
        certificates_wait(before)
    finally:
        stop(worker)
        if proxy is not None:
            stop(proxy)
        stop(server)
    after_counts = work_counts()

    samples = report.samples_read(folder)
    users = report.users_read(folder / "locust_stats_history.csv")
    cpus = os.cpu_count() or 1
    result = {
        "meta": {
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)),
            "employees": employees if not args.steps else int(args.steps.split(",")[-1]),
            "hr": args.hr,
            "workers": args.workers,
            "concurrency": args.concurrency,
            "processes": args.processes,
            "proxy": args.proxy,
            "shape": stages,
            "shape_text": shape_text,
            "cpus": cpus,
            "busy_before": busy_before,
            "command": "python bench/load_run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        },
        "window": {"from_s": window[0], "until_s": window[1], "users": stages[-1][1]},
        "endpoints": report.endpoints(samples, started + window[0], started + window[1]),
        "stages": report.stages(samples, stages, started),
        "timeline": report.timeline(samples, users, started),
        "cpu": {name: round(seconds / (wall * cpus), 3) for name, seconds in spent.items()},
        "work": {name: after_counts[name] - before[name] for name in before},
        "failures": _failures(folder / "locust_failures.csv"),
        "logged_errors": {name: _logged_errors(folder / f"{name}.log") for name in ("gunicorn", "worker")},
    }
    table = report.markdown(result)
    print("\n" + table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    output = args.output or RESULTS / "load.json"
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    output.with_suffix(".md").write_text(table)
    title = f"{result['meta']['employees']:,} employees + {args.hr} HR, {shape_text}"
    report.plot(result["timeline"], args.plot, title)
    print(f"results: {output}, {output.with_suffix('.md')}, plot {args.plot}")
    return 0


def _logged_errors(path: Path) -> dict:
    """How many errors the server or the worker logged (a task that failed answers no request, so
    locust cannot see it), and the first one."""
    errors = [line.strip() for line in path.read_text(errors="replace").splitlines() if "ERROR" in line]
    return {"count": len(errors), "first": errors[0][:300] if errors else None}


def _failures(path: Path) -> list[dict]:
    import csv

    if not path.exists():
        return []
    with path.open() as handle:
        return list(csv.DictReader(handle))


if __name__ == "__main__":
    sys.exit(main())
