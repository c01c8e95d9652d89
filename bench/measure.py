"""The measurements: pages through Django's test Client, and the certificate PDF. Needs Django set up."""

import datetime
import gc
import math
import os
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
        return 'class="quiz-form"' in html and "Hasil percobaan ke-1" in html and "lesson-locked" in html

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


def measure_page(client, target, *, requests, warmup) -> dict:
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

    gc.collect()
    samples, cpu = [], []
    for _ in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(target.url)
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    timing = _stats(samples)
    timing["python_cpu_median_ms"] = round(statistics.median(cpu), 2)
    explain = _explain(slowest[0]["sql"]) if slowest else None
    return {
        "name": target.name,
        "label": target.label,
        "url": target.url,
        "budget_ms": PAGE_BUDGET_MS,
        "queries": len(queries),
        "sql_ms_one_request": round(sum(q["ms"] for q in queries), 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "timing": timing,
        "slowest_queries": [{"ms": q["ms"], "sql": q["sql"][:2000]} for q in slowest],
        "slowest_query_plan": explain,
        "samples_ms": [round(s, 2) for s in samples],
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
    certificate_pdf(certificate=certificate, verify_url=url)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        content = certificate_pdf(certificate=certificate, verify_url=url)
        samples.append((time.perf_counter() - start) * 1000)
    pdf_result = {
        "name": "certificate_pdf",
        "label": "certificate PDF (certificate_pdf)",
        "budget_ms": PDF_BUDGET_MS,
        "queries": 0,
        "pdf_bytes": len(content),
        "timing": _stats(samples),
        "samples_ms": [round(s, 2) for s in samples],
    }

    # certificate_issue on a completed enrolment of the user: its certificate is removed first and
    # everything is rolled back afterwards (the PDF file written to MEDIA_ROOT is deleted).
    enrollment = (
        Enrollment.objects.filter(employee=employee, completed_at__isnull=False, certificate__isnull=False)
        .order_by("pk")
        .first()
    )
    samples, queries = [], None
    for run in range(runs + 1):
        with transaction.atomic():
            Certificate.objects.filter(enrollment=enrollment).delete()
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                issued = certificate_issue(enrollment_id=enrollment.pk)
                elapsed = (time.perf_counter() - start) * 1000
            transaction.set_rollback(True)
        issued.pdf.storage.delete(issued.pdf.name)
        if run == 0:
            queries = len(ctx.captured_queries)  # the first run is the warm-up
        else:
            samples.append(elapsed)
    issue_result = {
        "name": "certificate_issue",
        "label": "certificate issue (service)",
        "budget_ms": PDF_BUDGET_MS,
        "queries": queries,
        "timing": _stats(samples),
        "samples_ms": [round(s, 2) for s in samples],
    }
    return [pdf_result, issue_result]


def run_all(scale, *, requests, warmup, pdf_runs) -> list[dict]:
    user = User.objects.get(username=BENCH_USERNAME)
    client = Client()
    client.force_login(user)
    results = []
    for target in targets(scale, user):
        result = measure_page(client, target, requests=requests, warmup=warmup)
        results.append(result)
        print(
            f"  {target.label:<36} {result['queries']:>3} queries  median {result['timing']['median_ms']:7.1f} ms"
            f"  p90 {result['timing']['p90_ms']:7.1f} ms  (SQL of one request {result['sql_ms_one_request']:.1f} ms,"
            f" Python CPU median {result['timing']['python_cpu_median_ms']:.1f} ms)",
            flush=True,
        )
        for query in result["slowest_queries"][:2]:
            print(f"      {query['ms']:7.2f} ms  {query['sql'][:140]}")
    for result in measure_pdf(user, runs=pdf_runs):
        results.append(result)
        print(
            f"  {result['label']:<36} {result['queries']:>3} queries  median {result['timing']['median_ms']:7.1f} ms"
            f"  p90 {result['timing']['p90_ms']:7.1f} ms",
            flush=True,
        )
    return results


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
