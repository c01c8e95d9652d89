#!/usr/bin/env python
"""Benchmark of the HR gap heatmap (and the other HR reports) at city scale.

    python bench/gaps.py            # first: builds 100,000 employees in 40 units with their gaps
    python bench/heatmap.py

Reuses the database that bench/gaps.py leaves behind (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/kompeten_bench_gaps). Renders each report in-process through the
Django test client as an HR user, 10 times after a warm-up, and prints the median and the query
count; results go to bench/results/heatmap.md.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kompeten_bench_gaps"
)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "heatmap.md"
REPORTS = [
    ("gap heatmap", "/admin/sdm/laporan/kesenjangan/"),
    ("JP compliance", "/admin/sdm/laporan/jp/"),
    ("gap closure and effectiveness", "/admin/sdm/laporan/penutupan/"),
]


def hr_client() -> Client:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from portal.people.models import User

    user, created = User.objects.get_or_create(username="bench-hr", defaults={"email": "bench-hr@example.test"})
    if created:
        user.groups.add(Group.objects.get(name="hr"))
        TOTP.activate(user, generate_totp_secret())
    client = Client()
    client.force_login(user)
    return client


def main() -> None:
    from competency.models import Gap
    from portal.people.models import Employee, Unit

    employees, units, gaps = Employee.objects.count(), Unit.objects.count(), Gap.objects.count()
    if employees < 1000:
        sys.exit("Run bench/gaps.py first: this database has no city-scale data set.")
    client = hr_client()
    lines = [
        "# HR reports benchmark",
        "",
        f"Command: `python bench/gaps.py && python bench/heatmap.py`. Data: {employees:,} employees, {units} units, "
        f"{gaps:,} gaps.",
        "",
        "| report | median (ms) | max (ms) | queries |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, url in REPORTS:
        assert client.get(url).status_code == 200, url
        times = []
        for _ in range(10):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        lines.append(f"| {name} | {statistics.median(times):.0f} | {max(times):.0f} | {len(ctx.captured_queries)} |")
        print(lines[-1])
    RESULTS.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
