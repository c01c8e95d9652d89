#!/usr/bin/env python
"""Benchmark of the daily training reminders (assignment_reminders_run) over 100,000 active assignments.

    python bench/reminders.py [--assignments 100000] [--rebuild] [--wait-idle 120]

On its own PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/kompeten_bench_remind; created and migrated when missing, reused
while its data set's fingerprint matches; a database without the benchmark's marker is refused,
never dropped) it builds 40 units, 40 course pages, one employee with an account and an e-mail
address per two assignments (every tenth of them a supervisor of the others), and the active
assignments, due between 60 days ago and 120 days ahead of the benchmark's fixed clock
(2026-03-02 06:00 WIB, a Monday): about a third of them overdue, a few thousand inside the
7-day and 1-day windows. 10 % of the courses are completed (an enrolment with completed_at; half
of those not linked from the assignment) and 5,000 more assignments are cancelled: neither may be
reminded. 1 % of the accounts turned reminder e-mails off.

It then times, each with its query count, after deleting the reminders of an earlier benchmark run:
1. the first run on that day: every reminder due (the catch-up after deployment: the worst case);
2. the same run again: nothing to send (what beat firing twice costs);
3. the next day's run: the reminders of the assignments that entered a window overnight.

E-mail: the notifications' e-mail tasks are enqueued on a real Redis broker (BENCH_BROKER_URL,
default redis://127.0.0.1:6379/0) on a private queue that no worker reads and that is deleted
afterwards; enqueueing is timed, sending is not (a worker does it, as in production). Results go to
bench/results/reminders.md.
"""

import argparse
import datetime
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import broker, database  # noqa: E402  (psycopg and redis only: Django is set up later)
from bench.gaps import QueryCounter, bench_nip  # noqa: E402
from bench.quiet import wait_for_quiet  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kompeten_bench_remind"
GENERATOR_VERSION = 1
SEED = 20260302
UNITS, COURSES, CANCELLED = 40, 40, 5_000
DUE_FROM, DUE_TO = -60, 120  # due dates, in days from the benchmark's day
BUDGET_SECONDS = 30.0
RESULTS = ROOT / "bench" / "results" / "reminders.md"
REMINDER_KINDS = ["deadline_7d", "deadline_1d", "overdue", "overdue_supervisor"]


def bench_now() -> datetime.datetime:
    from portal.notifications.quiet_hours import WIB

    return datetime.datetime(2026, 3, 2, 6, 0, tzinfo=WIB)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assignments", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true", help="drop and regenerate the data set")
    parser.add_argument(
        "--wait-idle", type=int, default=120, metavar="SECONDS", help="wait up to this long for a quiet machine"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args(argv)


# --- data set --------------------------------------------------------------------------------------
def generate(assignments: int, log=print) -> dict:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from appraisal_link.models import Assignment
    from courses.models import CourseIndexPage, CoursePage, Enrollment
    from portal.notifications.models import EmailPreference
    from portal.people.models import Employee, Position, Unit, User

    rng = random.Random(SEED)
    today = bench_now().date()
    timings = {}
    with transaction.atomic():
        started = time.perf_counter()
        catalog = CourseIndexPage.objects.get()
        courses = []
        for i in range(COURSES):
            page = CoursePage(title=f"Kursus Bench {i:02d}", summary="Ringkasan.", jp=2 + i % 6, pass_mark=70)
            courses.append(catalog.add_child(instance=page))
        timings["course pages"] = time.perf_counter() - started

        started = time.perf_counter()
        units = Unit.objects.bulk_create(
            [Unit(code=f"bench-remind-{i:02d}", name=f"Unit {i:02d}") for i in range(UNITS)]
        )
        position = Position.objects.create(code="bench-remind-jabatan", name="Pelaksana Bench", kind="pelaksana")
        people = assignments // 2
        unusable = make_password(None)  # no one logs in as these; hashing 50,000 passwords would take minutes
        users = User.objects.bulk_create(
            [
                User(username=f"bench-remind-{i:06d}", email=f"pegawai{i:06d}@example.test", password=unusable)
                for i in range(people)
            ],
            batch_size=5000,
        )
        employees = Employee.objects.bulk_create(
            [
                Employee(
                    nip=bench_nip(i),
                    name=f"Pegawai Bench {i:06d}",
                    unit=units[i % UNITS],
                    position=position,
                    user=users[i],
                )
                for i in range(people)
            ],
            batch_size=5000,
        )
        # Every tenth employee supervises the nine after it.
        supervised = [e for i, e in enumerate(employees) if i % 10]
        for i, employee in enumerate(employees):
            if i % 10:
                employee.supervisor_id = employees[i - i % 10].pk
        Employee.objects.bulk_update(supervised, ["supervisor"], batch_size=5000)
        EmailPreference.objects.bulk_create(
            [EmailPreference(user=user, kind=kind, email=False) for user in users[::100] for kind in REMINDER_KINDS]
        )
        timings["accounts and employees"] = time.perf_counter() - started

        started = time.perf_counter()
        rows, enrollments = [], []
        completed_at = bench_now() - datetime.timedelta(days=5)
        for i in range(assignments):
            employee = employees[i // 2]
            course = courses[(i // 2 * 7 + i % 2) % COURSES]
            due = today + datetime.timedelta(days=rng.randint(DUE_FROM, DUE_TO))
            enrollment = None
            roll = rng.random()
            if roll < 0.10:  # completed: half through the assignment's enrolment, half through another
                done = Enrollment(
                    employee=employee,
                    course=course,
                    source="penugasan",
                    completed_at=completed_at,
                    jp_awarded=course.jp,
                    jp_year=2026,
                )
                enrollments.append(done)
                enrollment = done if roll < 0.05 else None
            elif roll < 0.60:  # enrolled, not completed
                enrollment = Enrollment(employee=employee, course=course, source="penugasan")
                enrollments.append(enrollment)
            rows.append((employee, course, due, enrollment))
        Enrollment.objects.bulk_create(enrollments, batch_size=5000)
        Assignment.objects.bulk_create(
            [
                Assignment(employee=e, course=c, due_date=d, enrollment=n, reason="Ditugaskan BKPSDM")
                for e, c, d, n in rows
            ],
            batch_size=5000,
        )
        # Cancelled assignments, overdue or due soon: never reminded.
        cancelled_at = bench_now() - datetime.timedelta(days=20)
        Assignment.objects.bulk_create(
            [
                Assignment(
                    employee=employees[i % people],
                    course=courses[(i % people * 7 + 2) % COURSES],
                    due_date=today + datetime.timedelta(days=rng.randint(DUE_FROM, 7)),
                    reason="Dibatalkan",
                    cancelled_at=cancelled_at,
                )
                for i in range(CANCELLED)
            ],
            batch_size=5000,
        )
        timings["assignments and enrolments"] = time.perf_counter() - started
    for name, seconds in timings.items():
        log(f"  {name}: {seconds:.1f} s")
    return timings


def analyze():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def counts() -> dict:
    from django.db.models import F

    from appraisal_link.models import Assignment
    from courses.models import Enrollment
    from portal.people.models import Employee

    return {
        "employees with accounts": Employee.objects.filter(user__isnull=False).count(),
        "supervisors": Employee.objects.filter(subordinates__isnull=False).distinct().count(),
        "active assignments": Assignment.objects.filter(cancelled_at__isnull=True).count(),
        "of them with the course completed": Assignment.objects.filter(
            cancelled_at__isnull=True,
            employee__enrollments__course=F("course"),
            employee__enrollments__completed_at__isnull=False,
        ).count(),
        "cancelled assignments": Assignment.objects.filter(cancelled_at__isnull=False).count(),
        "enrolments": Enrollment.objects.count(),
    }


def reset_reminders() -> int:
    """Delete the reminders an earlier benchmark run created (not timed)."""
    from django.db import connection

    from portal.notifications.models import Notification

    deleted, _ = Notification.objects.filter(kind__in=REMINDER_KINDS).delete()
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {Notification._meta.db_table}")
    return deleted


# --- measurement -------------------------------------------------------------------------------------
def timed_run(now: datetime.datetime) -> dict:
    from django.db import connection

    from appraisal_link.services.reminders import assignment_reminders_run
    from bench.measure import CpuClock

    counter = QueryCounter()
    clock = CpuClock()
    with broker.private_queue() as queue, connection.execute_wrapper(counter):
        before = clock.read()
        started = time.perf_counter()
        created = assignment_reminders_run(now=now)
        seconds = time.perf_counter() - started
        after = clock.read()
    result = {"seconds": seconds, "queries": counter.count, "created": created, "email_tasks": queue.tasks}
    if before is not None and after is not None and clock.still_valid():
        # What the run costs without competition: this process's CPU plus its PostgreSQL backend's.
        result["cpu_seconds"] = (after[0] - before[0]) / 1e9
        result["waited_seconds"] = (after[1] - before[1]) / 1e9
    return result


def check_nothing_wrong(now: datetime.datetime) -> dict:
    """No cancelled or completed assignment was reminded, and no reminder exists twice."""
    from django.db.models import Count

    from appraisal_link.models import Assignment
    from courses.models import Enrollment
    from portal.notifications.models import Notification

    keys = Notification.objects.filter(kind__in=REMINDER_KINDS).values_list("key", flat=True)
    reminded = {int(key.split(":")[1]) for key in keys}
    cancelled = set(Assignment.objects.filter(cancelled_at__isnull=False).values_list("pk", flat=True))
    completed_pairs = set(Enrollment.objects.filter(completed_at__isnull=False).values_list("employee_id", "course_id"))
    completed = {
        pk
        for pk, employee_id, course_id in Assignment.objects.values_list("pk", "employee_id", "course_id")
        if (employee_id, course_id) in completed_pairs
    }
    twice = Notification.objects.values("user_id", "kind", "key").annotate(n=Count("pk")).filter(n__gt=1).count()
    return {
        "cancelled reminded": len(reminded & cancelled),
        "completed reminded": len(reminded & completed),
        "duplicates": twice,
    }


def environment() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")),
        "0",
    )
    return {
        "postgres": version,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
    }


def write_markdown(path: Path, *, args, data: dict, runs: list, checks: dict, env: dict, database_name: str):
    lines = [
        "# Training reminders benchmark",
        "",
        f"Command: `python bench/reminders.py --assignments {args.assignments}` (database `{database_name}`; "
        f"measured {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; PostgreSQL {env['postgres']}, "
        f"Python {env['python']}, {env['cpus']} CPUs, {env['memory_gb']} GB RAM).",
        "",
        "Data set: " + ", ".join(f"{value:,} {key}" for key, value in data.items()) + ".",
        "",
        "| run | seconds (wall) | CPU s (app + db) | waited for CPU s | other processes' CPU share before "
        "| queries | reminders created | e-mail tasks enqueued |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for label, result in runs:
        created = ", ".join(f"{kind} {count:,}" for kind, count in result["created"].items())
        cpu = f"{result['cpu_seconds']:.2f}" if "cpu_seconds" in result else "–"
        waited = f"{result['waited_seconds']:.2f}" if "waited_seconds" in result else "–"
        busy = f"{result['busy']:.0%}" if result.get("busy") is not None else "–"
        lines.append(
            f"| {label} | {result['seconds']:.2f} | {cpu} | {waited} | {busy} | {result['queries']} | {created} "
            f"(total {sum(result['created'].values()):,}) | {result['email_tasks']:,} |"
        )
    worst = max(result["seconds"] for _label, result in runs)
    lines += [
        "",
        f"Budget: every run under {BUDGET_SECONDS:.0f} s — "
        + ("**met**" if worst < BUDGET_SECONDS else "**NOT met**")
        + f" (slowest {worst:.2f} s). Checks: "
        + ", ".join(f"{key} {value}" for key, value in checks.items())
        + ".",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def main(argv=None):
    args = parse_args(argv)
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    fingerprint = f"reminders-v{GENERATOR_VERSION}:assignments={args.assignments},seed={SEED}"
    print(f"=== training reminders: database {database.name_of(url)} ===", flush=True)
    broker.check_broker()
    reused = database.ensure(url, fingerprint=fingerprint, rebuild=args.rebuild)

    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = url
    os.environ["DATABASE_CONN_MAX_AGE"] = "3600"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    broker.configure_environment()
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.1f} s", flush=True)
    if not reused:
        print("data set: generating ...", flush=True)
        generate(args.assignments)
        database.write_marker(url, f"{database.MARKER}:{fingerprint}")
    print(f"reset: {reset_reminders():,} reminders of an earlier run deleted", flush=True)
    analyze()
    data = counts()
    print("data set: " + ", ".join(f"{key} {value:,}" for key, value in data.items()), flush=True)

    now = bench_now()
    runs = []
    for label, moment in (
        ("first run of the day (every reminder due: the catch-up after deployment)", now),
        ("the same run again (beat fired twice)", now + datetime.timedelta(minutes=5)),
        ("the next day's run", now + datetime.timedelta(days=1)),
    ):
        busy = wait_for_quiet(args.wait_idle, label=label)
        result = timed_run(moment)
        result["busy"] = busy
        runs.append((label, result))
        print(
            f"  {label}: {result['seconds']:.2f} s (CPU {result.get('cpu_seconds', 0):.2f} s, waited "
            f"{result.get('waited_seconds', 0):.2f} s), {result['queries']} queries, {result['created']}, "
            f"{result['email_tasks']} e-mail tasks",
            flush=True,
        )
    checks = check_nothing_wrong(now)
    print(f"  checks: {checks}", flush=True)
    write_markdown(
        args.output,
        args=args,
        data=data,
        runs=runs,
        checks=checks,
        env=environment(),
        database_name=database.name_of(url),
    )
    print(f"written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    worst = max(result["seconds"] for _label, result in runs)
    clean = not any(checks.values())
    return 0 if worst < BUDGET_SECONDS and clean else 1


if __name__ == "__main__":
    sys.exit(main())
