#!/usr/bin/env python
"""Benchmark of a person's first page: their account, employee record, roles and unread count read
from the database (issue #15).

    python bench/first_visit.py [--scale small|full] [--learners 200] [--rebuild] [--output PATH]

On the data set of bench/run.py (full by default; its database, built or reused as there), for
`--learners` employees with an account (one is made for those without, in a transaction rolled back
at the end), in-process:

- the four values read as each is read alone (four queries: `ModelBackend.get_user`, the employee
  record with its unit, position and supervisor, the roles, the unread count) and read together
  (`portal.first_visit`, one query), alternately, each person once per round;
- the dashboard (`/dasbor/`) with Django's test Client as each person, their four kept values
  deleted first: a first page, as the code being run makes it.

One untimed round warms the process first. Prints the median and p90 (nearest rank) and writes
bench/results/first_visit.md (or `--output`).
"""

import importlib.util
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402  (Django is set up by run.prepare)

RESULTS = ROOT / "bench" / "results" / "first_visit.md"


def parse_args(argv=None):
    return run.learner_arguments(__doc__, RESULTS, 200, argv)


def accounts(count: int) -> list:
    """Accounts of the data set's first employees, made for those without (inside the caller's
    transaction)."""
    from django.contrib.auth.models import Group

    from portal.people.models import Employee, User
    from portal.people.roles import PEGAWAI

    role = Group.objects.get(name=PEGAWAI)
    users = []
    for employee in Employee.objects.select_related("user").order_by("pk")[:count]:
        user = employee.user
        if user is None:
            user = User.objects.create(username=f"bench-first-{employee.pk}")
            Employee._base_manager.filter(pk=employee.pk).update(user=user)
            user.groups.add(role)
        users.append(user)
    return users


def own_reads(user):
    from django.contrib.auth.backends import ModelBackend

    from portal.notifications.models import Notification
    from portal.people.access import _employee_of

    return (
        ModelBackend().get_user(user.pk),
        _employee_of(user).first(),
        frozenset(user.groups.values_list("name", flat=True)),
        Notification.objects.filter(user=user, read_at__isnull=True).count(),
    )


def one_read(user):
    """The four in one query; nothing on code without it (a checkout from before, for the first page)."""
    from django.contrib.auth.backends import ModelBackend

    try:
        from portal import first_visit
    except ImportError:
        return None
    return first_visit._values(first_visit._everything.objects(user_id=user.pk)[0], ModelBackend())


def first_page(client, user) -> float:
    from django.core.cache import cache

    from portal.notifications import unread
    from portal.people import employee_kept, roles_kept, user_kept

    cache.delete_many([module.keys_ahead(user.pk)[1] for module in (user_kept, employee_kept, roles_kept, unread)])
    client.force_login(user)
    started = time.perf_counter()
    response = client.get("/dasbor/")
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response
    return elapsed * 1000


def timed(read, user) -> float:
    started = time.perf_counter()
    read(user)
    return (time.perf_counter() - started) * 1000


def main(argv=None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/12")
    prepared = run.prepare(args.scale, rebuild=args.rebuild)
    from django.db import transaction
    from django.test import Client

    from bench.measure import _stats  # after Django is set up

    samples = {"four queries": [], "one query": [], "first page": []}
    with transaction.atomic():
        users = accounts(args.learners)
        client = Client()
        for round_ in range(2):  # the first warms the process
            for user in users:
                times = (timed(own_reads, user), timed(one_read, user), first_page(client, user))
                if round_:
                    for name, ms in zip(samples, times, strict=True):
                        samples[name].append(ms)
        transaction.set_rollback(True)
    labels = {
        "four queries": "the four read a query each",
        "one query": "the four read in one query",
        "first page": "`/dasbor/`, the four not kept",
    }
    rows = []
    for name, values in samples.items():
        if name == "one query" and importlib.util.find_spec("portal.first_visit") is None:
            continue  # code from before it
        stats = _stats(values)
        rows.append(f"| {labels[name]} | {stats['samples']} | {stats['median_ms']:.2f} | {stats['p90_ms']:.2f} |")
    run.table_write(prepared, "| read | people | median ms | p90 ms |", rows, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
