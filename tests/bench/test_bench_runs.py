"""`make bench` works: its small scale builds its data set, every page renders what the benchmark
checks for (a page whose wording changed used to stop the benchmark, unnoticed by the suite), and it
writes its results, without touching the project's media folders. The benchmarks of the learner's
posts and of a first page run on the same data set, and leave it as it was."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_the_small_benchmark_runs_and_every_page_renders_what_it_checks(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the benchmark runs on PostgreSQL only")
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    url = f"postgres://{user}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}_bench"
    output = tmp_path / "courses-small.json"
    env = {
        **os.environ,
        "BENCH_DATABASE_URL": url,
        "BENCH_MEDIA_ROOT": str(tmp_path / "media"),
        "DATABASE_URL": url,
    }
    arguments = ["--scale", "small", "--requests", "2", "--warmup", "1", "--wait-idle", "0", "--output", str(output)]
    bench(env, "run.py", arguments)
    results = json.loads(output.read_text())
    measured = {target["name"] for target in results["summary"]}
    assert {"catalog", "catalog_search", "course", "lesson", "dashboard"} <= measured

    posts = tmp_path / "learner_posts.md"
    before = rows_in(url + "_small")  # the small scale's database (bench/run.py)
    printed = bench(env, "learner_posts.py", ["--scale", "small", "--learners", "3", "--output", str(posts)])
    assert "data set: present (same fingerprint), reused" in printed
    rows = [line for line in posts.read_text().splitlines() if line.startswith("| a ")]
    assert [row.split(" | ")[1] for row in rows] == ["3", "3"], posts.read_text()
    assert rows_in(url + "_small") == before  # every post rolled back, the accounts it made too

    first = tmp_path / "first_visit.md"
    bench(env, "first_visit.py", ["--scale", "small", "--learners", "3", "--output", str(first)])
    rows = [line.split(" | ") for line in first.read_text().splitlines() if line.startswith("| ") and "ms" not in line]
    assert [(row[0], row[1]) for row in rows[1:]] == [
        ("| the four read a query each", "3"),
        ("| the four read in one query", "3"),
        ("| `/dasbor/`, the four not kept", "3"),
    ], first.read_text()
    assert rows_in(url + "_small") == before  # the accounts it made rolled back


def rows_in(url: str) -> tuple[int, ...]:
    import psycopg

    tables = ("courses_lessonprogress", "courses_quizattempt", "people_user", "courses_enrollment")
    with psycopg.connect(url) as bench_db:
        return tuple(bench_db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables)  # noqa: S608


def bench(env: dict, script: str, arguments: list[str]) -> str:
    finished = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "bench" / script), *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    return finished.stdout
