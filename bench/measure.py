"""The measurements: pages through Django's test Client, and the certificate PDF. Needs Django set up."""

import datetime
import gc
import math
import statistics
import time

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from courses.models import Certificate, CoursePage, Enrollment, LessonPage
from portal.people.models import User

from .dataset import BENCH_USERNAME, SEARCH_TERM, measured_course
from .quiet import QUIET_BUSY, busy_fraction, wait_for_quiet
from .scales import PAGE_BUDGET_MS, PDF_BUDGET_MS


class QueryTimer:
    """A connection.execute_wrapper that times every query with perf_counter."""

    def __init__(self):
        self.times = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.times.append(time.perf_counter() - start)


class CpuClock:
    """The CPU time a call really costs, whatever else runs on the machine: the CPU time of this
    process (time.process_time_ns) plus that of its PostgreSQL backend, and the time both waited for
    a CPU (run queue), the backend's read from /proc/<pid>/schedstat (nanoseconds; the kernel updates
    it when the backend blocks or at a scheduler tick, so it is exact for a query that ends with the
    backend waiting for the next one). None where /proc cannot be read (not Linux, or a database on
    another host)."""

    def __init__(self):
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self.backend = cursor.fetchone()[0]

    @staticmethod
    def _schedstat(pid) -> tuple[int, int] | None:
        try:
            with open(f"/proc/{pid}/schedstat") as stat:
                run, queued, _slices = stat.read().split()
        except (OSError, ValueError):
            return None
        return int(run), int(queued)

    def read(self) -> tuple[int, int] | None:
        own = self._schedstat("self")
        backend = self._schedstat(self.backend)
        if own is None or backend is None:
            return None
        return time.process_time_ns() + backend[0], own[1] + backend[1]

    def still_valid(self) -> bool:
        """False when the connection was replaced meanwhile (then another backend did the work)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0] == self.backend


def timed_runs(fns: list, runs: int) -> list[dict]:
    """Call each of fns `runs` times, in rounds (one call of each per round), so that a burst of other
    work on the machine spreads over all of them instead of spoiling one; wall-clock and CPU statistics
    for each (see CpuClock)."""
    clock = CpuClock()
    wall = [[] for _ in fns]
    cpu = [[] for _ in fns]
    waited = [[] for _ in fns]
    gc.collect()
    for _ in range(runs):
        for index, fn in enumerate(fns):
            before = clock.read()
            start = time.perf_counter()
            fn()
            wall[index].append((time.perf_counter() - start) * 1000)
            after = clock.read()
            if before is not None and after is not None:
                cpu[index].append((after[0] - before[0]) / 1e6)
                waited[index].append((after[1] - before[1]) / 1e6)
    valid = clock.still_valid()
    timings = []
    for index in range(len(fns)):
        timing = _stats(wall[index])
        if valid and len(cpu[index]) == runs:
            cpu_stats = _stats(cpu[index])
            timing["cpu_median_ms"] = cpu_stats["median_ms"]
            timing["cpu_p90_ms"] = cpu_stats["p90_ms"]
            timing["cpu_wait_median_ms"] = round(statistics.median(waited[index]), 2)
            timing["cpu_samples_ms"] = [round(value, 2) for value in cpu[index]]
        timing["samples_ms"] = [round(value, 2) for value in wall[index]]
        timings.append(timing)
    return timings


def busy(*shares) -> bool:
    """Other processes used more than QUIET_BUSY of the CPUs just before or after the measurement."""
    return any(share is not None and share > QUIET_BUSY for share in shares)


class Target:
    def __init__(self, name, label, url, check):
        self.name, self.label, self.url, self.check = name, label, url, check


def _stats(samples_ms: list[float]) -> dict:
    ordered = sorted(samples_ms)
    p90 = ordered[max(math.ceil(0.9 * len(ordered)) - 1, 0)]  # nearest rank
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(p90, 2),
        "min_ms": round(ordered[0], 2),
        "max_ms": round(ordered[-1], 2),
        "mean_ms": round(statistics.fmean(ordered), 2),
        "samples": len(ordered),
    }


def targets(scale, user) -> list[Target]:
    enrollments = Enrollment.objects.filter(employee__user=user)
    course = measured_course(scale)
    lesson = LessonPage.objects.child_of(course).live().order_by("path")[1]
    user_courses = enrollments.count()
    cards = min(scale.courses, 12)

    def catalog_ok(html):
        return html.count('class="card course-card"') == cards

    def search_ok(html):
        return html.count('class="card course-card"') >= 1

    def course_ok(html):
        return course.title in html and 'data-testid="progress"' in html and "lesson-done" in html

    def lesson_ok(html):
        return 'class="quiz-form"' in html and "Percobaan ke-1: nilai" in html and "lesson-locked" in html

    def dashboard_ok(html):
        return html.count('aria-label="Kemajuan ') == user_courses

    return [
        Target("catalog", "catalog /kursus/", "/kursus/", catalog_ok),
        Target("catalog_search", f"catalog search ?q={SEARCH_TERM}", f"/kursus/?q={SEARCH_TERM}", search_ok),
        Target("course", "course page", course.url, course_ok),
        Target("lesson", "lesson page (quiz)", lesson.url, lesson_ok),
        Target("dashboard", f"dashboard /dasbor/ ({user_courses} enrol.)", "/dasbor/", dashboard_ok),
    ]


def _explain(sql: str) -> str | None:
    if not sql.lstrip().upper().startswith("SELECT"):
        return None
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def prepare_page(client, target, *, warmup) -> dict:
    """Warm up, check what the page renders, count its queries (one request) and explain the slowest."""
    for _ in range(warmup):
        response = client.get(target.url)
        if response.status_code != 200:
            raise SystemExit(f"{target.url} answered {response.status_code} (expected 200)")
    html = response.content.decode()
    if not target.check(html):
        raise SystemExit(f"{target.url} did not render what the benchmark expects (check {target.name})")

    timer = QueryTimer()
    with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
        client.get(target.url)
    # CaptureQueriesContext counts and gives the SQL with its parameters; the wrapper times each query
    # to the microsecond (CaptureQueriesContext rounds to the millisecond).
    queries = [{"ms": round(float(q["time"]) * 1000, 3), "sql": q["sql"]} for q in ctx.captured_queries]
    if len(timer.times) == len(queries):
        for query, seconds in zip(queries, timer.times, strict=True):
            query["ms"] = round(seconds * 1000, 3)
    slowest = sorted(queries, key=lambda q: q["ms"], reverse=True)[:3]
    return {
        "name": target.name,
        "label": target.label,
        "url": target.url,
        "budget_ms": PAGE_BUDGET_MS,
        "queries": len(queries),
        "sql_ms_one_request": round(sum(q["ms"] for q in queries), 2),
        "slowest_queries": [{"ms": q["ms"], "sql": q["sql"][:2000]} for q in slowest],
        "slowest_query_plan": _explain(slowest[0]["sql"]) if slowest else None,
    }


def measure_pdf(user, *, runs) -> list[dict]:
    from courses.pdf import certificate_pdf
    from courses.services import certificate_issue
    from courses.services.certificates import certificate_verify_url

    translation.activate(settings.LANGUAGE_CODE)
    employee = user.employee
    certificate = Certificate(
        code="ABCDEFGHJKLM",
        holder_name=employee.name,
        holder_nip=employee.nip,
        course_title="Keamanan Digital (Dasar) 0001",
        jp=4,
        score=88,
        completed_on=timezone.localdate(),
    )
    url = certificate_verify_url(certificate.code)
    content = certificate_pdf(certificate=certificate, verify_url=url)
    pdf_result = {
        "name": "certificate_pdf",
        "label": "certificate PDF (certificate_pdf)",
        "budget_ms": PDF_BUDGET_MS,
        "queries": 0,
        "pdf_bytes": len(content),
        "timing": timed_runs([lambda: certificate_pdf(certificate=certificate, verify_url=url)], runs)[0],
    }

    # certificate_issue on a completed enrolment of the user: its certificate is removed first and
    # everything is rolled back afterwards (the PDF file written to MEDIA_ROOT is deleted).
    enrollment = (
        Enrollment.objects.filter(employee=employee, completed_at__isnull=False, certificate__isnull=False)
        .order_by("pk")
        .first()
    )
    # Each run: remove the certificate (untimed), issue it (timed), roll back, delete the file.
    clock = CpuClock()
    wall, cpu, waited, queries = [], [], [], None
    for run in range(runs + 1):
        with transaction.atomic():
            Certificate.objects.filter(enrollment=enrollment).delete()
            with CaptureQueriesContext(connection) as ctx:
                before = clock.read()
                start = time.perf_counter()
                issued = certificate_issue(enrollment_id=enrollment.pk)
                elapsed = (time.perf_counter() - start) * 1000
                after = clock.read()
            transaction.set_rollback(True)
        issued.pdf.storage.delete(issued.pdf.name)
        if run == 0:
            queries = len(ctx.captured_queries)  # the first run is the warm-up
            continue
        wall.append(elapsed)
        if before is not None and after is not None:
            cpu.append((after[0] - before[0]) / 1e6)
            waited.append((after[1] - before[1]) / 1e6)
    timing = _stats(wall)
    if len(cpu) == runs and clock.still_valid():
        timing["cpu_median_ms"] = _stats(cpu)["median_ms"]
        timing["cpu_p90_ms"] = _stats(cpu)["p90_ms"]
        timing["cpu_wait_median_ms"] = round(statistics.median(waited), 2)
    timing["samples_ms"] = [round(value, 2) for value in wall]
    issue_result = {
        "name": "certificate_issue",
        "label": "certificate issue (service)",
        "budget_ms": PDF_BUDGET_MS,
        "queries": queries,
        "timing": timing,
    }
    return [pdf_result, issue_result]


def run_all(scale, *, requests, warmup, pdf_runs, wait_idle) -> list[dict]:
    user = User.objects.get(username=BENCH_USERNAME)
    client = Client()
    client.force_login(user)
    pages = targets(scale, user)
    wait_for_quiet(wait_idle, label="the pages")
    results = [prepare_page(client, target, warmup=warmup) for target in pages]

    busy_before = wait_for_quiet(wait_idle, label="the timed requests")
    fns = [lambda url=target.url: client.get(url) for target in pages]
    timings = timed_runs(fns, requests)
    busy_after = busy_fraction()
    for result, timing in zip(results, timings, strict=True):
        result["timing"] = timing
        result["other_cpu_busy"] = {"before": _share(busy_before), "after": _share(busy_after)}
        result["noisy"] = busy(busy_before, busy_after)
        print(f"  {_line(result)}  (SQL of one request {result['sql_ms_one_request']:.1f} ms)", flush=True)
        for query in result["slowest_queries"][:2]:
            print(f"      {query['ms']:7.2f} ms  {query['sql'][:140]}")

    busy_before = wait_for_quiet(wait_idle, label="the certificate PDF")
    for result in measure_pdf(user, runs=pdf_runs):
        result["other_cpu_busy"] = {"before": _share(busy_before)}
        result["noisy"] = busy(busy_before)
        results.append(result)
        print(f"  {_line(result)}", flush=True)
    return results


def _line(result) -> str:
    timing = result["timing"]
    line = (
        f"{result['label']:<36} {result['queries']:>3} queries  wall median {timing['median_ms']:7.1f} ms"
        f"  p90 {timing['p90_ms']:7.1f} ms"
    )
    if "cpu_median_ms" in timing:
        line += (
            f"  | CPU (app+db) median {timing['cpu_median_ms']:6.1f} ms  p90 {timing['cpu_p90_ms']:6.1f} ms"
            f"  waited for CPU {timing['cpu_wait_median_ms']:.1f} ms"
        )
    return line


def _share(value):
    return None if value is None else round(value, 3)


def environment() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0]
        cursor.execute(
            "SELECT name, setting, unit FROM pg_settings WHERE name IN "
            "('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'random_page_cost', 'max_connections')"
        )
        pg_settings = {name: f"{setting}{' ' + unit if unit else ''}" for name, setting, unit in cursor.fetchall()}
    import django
    import psycopg
    import wagtail

    database = settings.DATABASES["default"]
    return {
        "settings": settings.SETTINGS_MODULE,
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "psycopg": psycopg.__version__,
        "postgres": version,
        "postgres_settings": pg_settings,
        "debug": settings.DEBUG,
        "cache": settings.CACHES["default"]["BACKEND"],
        "conn_max_age": database.get("CONN_MAX_AGE"),
        "search_backend": settings.WAGTAILSEARCH_BACKENDS["default"],
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "course_pages": CoursePage.objects.count(),
    }
