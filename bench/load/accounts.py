"""The people of the load test and what they will do, written to one JSON file for locust.

Run in the server's environment (`manage.py shell`, bench/load_run.py does it): sessions are signed
and TOTP secrets encrypted with the server's own keys. Idempotent, so a second run on the same
database adds nothing but fresh sessions.

- Employees: `bench.load.00001` … with the `pegawai` role and no e-mail address (no mail leaves the
  run). Account *i* claims the employee whose NIP is the data set's `valid_nip(i)`: the data set's
  own employees 1 … 1,999 (each with about ten enrolments and their progress), then new employees
  in the same units and positions, who start with nothing, as people new to the portal do.
- HR: `bench.load.hr.01` … with the `hr` role and a TOTP authenticator (the admin requires one).
- Each employee's course: an enrolment still open (not completed, not past its due date) and how
  many lessons of it are done; without one, a course open for self-enrolment. Two more such courses
  follow when it is completed. The lessons' URLs and the quiz answer keys come with them.
- The change hub gets its standard material (portal.change.demo.hub) when it has none.
"""

import datetime
import json
import time
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Page, Site

from bench.content import SEARCH_TERM, valid_nip
from bench.sessions import sessions_create
from courses.models import CourseIndexPage, CoursePage, Enrollment, LessonPage
from courses.selectors import CATALOG_PAGE_SIZE
from portal.people import roles
from portal.people.models import Employee, User

EMPLOYEE_PREFIX = "bench.load."
HR_PREFIX = "bench.load.hr."
SPARE_COURSES = 2


def employees_ensure(count: int) -> list[User]:
    """The accounts bench.load.00001 … of `count` employees, each claiming its employee record."""
    names = [f"{EMPLOYEE_PREFIX}{i:05d}" for i in range(1, count + 1)]
    nips = {name: valid_nip(i) for i, name in enumerate(names, start=1)}
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    missing = [name for name in names if name not in existing]
    if missing:
        with transaction.atomic():
            users = User.objects.bulk_create(
                [User(username=name, password=make_password(None)) for name in missing], batch_size=2000
            )
            _role_add(users, roles.PEGAWAI)
            _employees_claim({nips[user.username]: user for user in users})
    by_name = User.objects.in_bulk(names, field_name="username")
    return [by_name[name] for name in names]


def _role_add(users: list[User], role: str) -> None:
    through = User.groups.through
    group = Group.objects.get(name=role)
    through.objects.bulk_create([through(user_id=user.pk, group_id=group.pk) for user in users], batch_size=2000)


def _employees_claim(user_by_nip: dict[str, User]) -> None:
    """Link the data set's employees to their accounts; create the ones the data set does not have."""
    found = Employee.objects.filter(nip__in=user_by_nip).only("pk", "nip")
    for employee in found:
        employee.user = user_by_nip.pop(employee.nip)
    Employee.objects.bulk_update(found, ["user"], batch_size=2000)
    template = list(Employee.objects.order_by("pk")[:20].values("unit", "position"))
    heads = dict(Employee.objects.filter(supervisor__isnull=True).values_list("unit", "pk"))
    rows = [
        Employee(
            nip=nip,
            name=f"Pegawai Beban {k:05d}",
            unit_id=template[k % len(template)]["unit"],
            position_id=template[k % len(template)]["position"],
            supervisor_id=heads.get(template[k % len(template)]["unit"]),
            user=user,
        )
        for k, (nip, user) in enumerate(user_by_nip.items())
    ]
    Employee.objects.bulk_create(rows, batch_size=2000)


def hr_ensure(count: int) -> tuple[list[User], list[str]]:
    """HR accounts with a TOTP authenticator, as after the MFA set-up, and their TOTP secrets: made
    anew every run, since each run's server encrypts them with a new key."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    users, secrets = [], []
    for i in range(1, count + 1):
        user, created = User.objects.get_or_create(
            username=f"{HR_PREFIX}{i:02d}", defaults={"password": make_password(None)}
        )
        if created:
            _role_add([user], roles.HR)
        Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
        secrets.append(generate_totp_secret())
        TOTP.activate(user, secrets[-1])
        users.append(user)
    return users, secrets


def _signed_in_with_mfa(user: User) -> dict:
    """allauth's record of a login with password and TOTP just now: an export needs no second
    re-authentication until its window (5 minutes) has passed."""
    moment = time.time()
    return {
        "account_authentication_methods": [
            {"method": "password", "at": moment, "username": user.username},
            {"method": "mfa", "at": moment, "type": "totp"},
        ],
        "account_authentication_methods_user": str(user.pk),
    }


def hub_urls() -> list[str]:
    """The change hub and its live pages, after giving it its standard material if it has none."""
    from portal.change.demo import hub as hub_material
    from portal.change.models import ChangeHubPage

    hub = ChangeHubPage.objects.get()
    if not Page.objects.child_of(hub).exists():
        hub_material.seed()
    children = Page.objects.child_of(hub).live().order_by("path")
    return [_relative(hub.url_path), *(_relative(page.url_path) for page in children)]


def _relative(url_path: str) -> str:
    root = Site.objects.get(is_default_site=True).root_page.url_path
    return "/" + url_path[len(root) :]


def plans(users: list[User]) -> tuple[list[dict], dict]:
    """Each employee's course state, and the courses they use: URL, lessons, quiz answer keys."""
    now = timezone.now()
    open_courses = list(
        CoursePage.objects.live()
        .filter(enrolment="terbuka", prerequisites__isnull=True)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    employees = dict(Employee.objects.filter(user__in=users).values_list("user_id", "pk"))
    enrolled: dict[int, set[int]] = {}
    current: dict[int, tuple[int, int]] = {}
    rows = (
        Enrollment.objects.filter(employee__in=employees.values())
        .annotate(done=Count("progress"))
        .order_by("pk")
        .values_list("employee_id", "course_id", "completed_at", "due_at", "done")
    )
    for employee_id, course_id, completed_at, due_at, done in rows:
        enrolled.setdefault(employee_id, set()).add(course_id)
        if completed_at is None and (due_at is None or due_at > now + datetime.timedelta(days=1)):
            current.setdefault(employee_id, (course_id, done))

    result, used = [], set()
    for k, user in enumerate(users):
        employee_id = employees[user.pk]
        taken = enrolled.get(employee_id, set())
        fresh = [c for c in _rotated(open_courses, k * 37) if c not in taken][: SPARE_COURSES + 1]
        course_id, done = current.get(employee_id, (fresh[0], 0))
        spares = [c for c in fresh if c != course_id][:SPARE_COURSES]
        result.append({"course": course_id, "done": done, "enrolled": course_id in taken, "next": spares})
        used.update([course_id, *spares])
    return result, _courses(used)


def _rotated(items: list, shift: int) -> list:
    shift %= len(items)
    return items[shift:] + items[:shift]


def _courses(ids: set[int]) -> dict:
    courses = {page.pk: page for page in CoursePage.objects.filter(pk__in=ids)}
    lessons: dict[str, list] = {}
    for lesson in LessonPage.objects.live().order_by("path"):
        lessons.setdefault(lesson.path[: -Page.steplen], []).append(lesson)
    result = {}
    for pk, course in courses.items():
        own = lessons.get(course.path, [])
        result[str(pk)] = {
            "url": _relative(course.url_path),
            "lessons": [
                {"id": lesson.pk, "url": _relative(lesson.url_path), "quiz": lesson.has_quiz} for lesson in own
            ],
            "answers": {str(lesson.pk): _answer_key(lesson) for lesson in own if lesson.has_quiz},
        }
    return result


def _answer_key(lesson: LessonPage) -> dict[str, list[str]]:
    """The form fields of the right answers, as a learner who knows them would post them."""
    return {
        f"q-{child.id}": [str(index) for index in sorted(child.block.correct(child.value))]
        for child in lesson.questions
    }


def plan_write(path: str, *, employees: int, hr: int) -> None:
    """Everything locust needs, in one file (it holds live session keys: keep it out of the repository)."""
    from django.conf import settings

    people = employees_ensure(employees)
    staff, secrets = hr_ensure(hr)
    states, courses = plans(people)
    keys = sessions_create(people)
    catalog = CourseIndexPage.objects.get()
    for state, key in zip(states, keys, strict=False):
        state["session"] = key
    plan = {
        "cookies": {"session": settings.SESSION_COOKIE_NAME, "csrf": settings.CSRF_COOKIE_NAME},
        "employees": states,
        "hr": [
            {"session": key, "totp": secret}
            for key, secret in zip(sessions_create(staff, extra=_signed_in_with_mfa), secrets, strict=True)
        ],
        "courses": courses,
        "catalog": {
            "url": _relative(catalog.url_path),
            "pages": max(1, -(-CoursePage.objects.live().count() // CATALOG_PAGE_SIZE)),
            "search": SEARCH_TERM,
        },
        "hub": hub_urls(),
    }
    Path(path).write_text(json.dumps(plan))
