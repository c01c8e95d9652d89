#!/usr/bin/env python
"""Benchmark of a learner's posts: a lesson marked done, a quiz sent (issue #15).

    python bench/learner_posts.py [--scale small|full] [--learners 60] [--rebuild] [--output PATH]

On the data set of bench/run.py (full by default; its database, built or reused as there), it takes `--learners`
unfinished enrolments whose next lesson is a reading (for "mark done") and as many whose next lesson
is a quiz (sent with the right answers), and for each, in-process with Django's test Client as that
learner: opens the lesson page (as the learner does before posting), then times the post and counts
its queries. Each learner's post runs in a transaction that is rolled back, so the data set is left
as it was and the run can be repeated. One untimed round warms the process first.

Prints the median and p90 (nearest rank) of the wall-clock time and the queries, and writes
bench/results/learner_posts.md (or `--output`).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402  (Django is set up by run.prepare)

RESULTS = ROOT / "bench" / "results" / "learner_posts.md"


def parse_args(argv=None):
    return run.learner_arguments(__doc__, RESULTS, 60, argv)


def next_lessons(count: int) -> dict[str, list]:
    """{"done": [(enrollment, reading lesson)], "quiz": [(enrollment, quiz lesson)]}: each the
    enrolment's first lesson not done yet, with another one after it (so no post completes a course)."""
    from courses.models import Enrollment, LessonPage

    found = {"done": [], "quiz": []}
    unfinished = Enrollment.objects.filter(completed_at__isnull=True).select_related("course").order_by("pk")
    for enrollment in unfinished.iterator(chunk_size=200):
        done = set(enrollment.progress.values_list("lesson_id", flat=True))
        lessons = LessonPage.objects.child_of(enrollment.course).live().order_by("path")
        todo = [lesson for lesson in lessons if lesson.pk not in done]
        if len(todo) < 2 or todo[0].scorm_package_id:
            continue
        kind = "quiz" if todo[0].has_quiz else "done"
        if len(found[kind]) < count:
            found[kind].append((enrollment, todo[0]))
        if all(len(pairs) >= count for pairs in found.values()):
            break
    return found


def post_of(kind: str, lesson) -> tuple[str, dict]:
    from django.urls import reverse

    if kind == "done":
        return reverse("lesson_done", args=[lesson.pk]), {}
    answers = {
        f"q-{child.id}": [str(i) for i in sorted(child.block.correct(child.value))] for child in lesson.questions
    }
    return reverse("quiz_submit", args=[lesson.pk]), {**answers, "attempt": "1"}


def timed_post(kind: str, enrollment, lesson) -> tuple[float, int]:
    """One post as the enrolment's learner, rolled back: (milliseconds, queries)."""
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from portal.people.models import Employee, User

    url, data = post_of(kind, lesson)
    client = Client()
    with transaction.atomic():
        employee = Employee._base_manager.select_related("user").get(pk=enrollment.employee_id)
        user = employee.user
        if user is None:  # most of the data set's employees have no account: one for the run
            user = User.objects.create(username=f"bench-posts-{employee.pk}")
            Employee._base_manager.filter(pk=employee.pk).update(user=user)
        client.force_login(user)
        assert client.get(lesson.url).status_code == 200, lesson.url
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.post(url, data)
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 302 and "/kursus/" in response["Location"], (url, response)
        transaction.set_rollback(True)
    return elapsed, len(queries.captured_queries)


def main(argv=None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/12")
    prepared = run.prepare(args.scale, rebuild=args.rebuild)
    from bench.measure import _stats  # after Django is set up

    found = next_lessons(args.learners)
    rows = []
    for kind, label in (("done", "a lesson marked done"), ("quiz", "a quiz sent, passed")):
        pairs = found[kind]
        for enrollment, lesson in pairs:  # the warm-up round
            timed_post(kind, enrollment, lesson)
        samples = [timed_post(kind, enrollment, lesson) for enrollment, lesson in pairs]
        stats = _stats([ms for ms, _queries in samples])
        rows.append(
            f"| {label} | {stats['samples']} | {stats['median_ms']:.1f} | {stats['p90_ms']:.1f} "
            f"| {statistics.median(queries for _ms, queries in samples):g} |"
        )
    run.table_write(prepared, "| post | learners | median ms | p90 ms | queries |", rows, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
