"""The load test's people, for locust (bench/load_run.py starts it; see docs/performance.md, "Load").

Employees (`EmployeeUser`, thinking 20-40 s between actions) browse the catalog, open their course,
study it lesson by lesson (read, then "mark done" or take the quiz, enrol in the next course when one
is finished: a completed course sends its certificate to the worker), look at their dashboard and
read the change hub. HR (`HRUser`, a fixed number) opens its reports and exports them.

Every simulated person is a different account with its own session (the plan file written by
bench/load/accounts.py, named by KOMPETEN_LOAD_PLAN); with `--processes`, each locust process takes
its own share of the accounts. KOMPETEN_LOAD_STAGES gives the load's shape (`[[until_s, users,
spawn_rate], ...]`), and KOMPETEN_LOAD_SAMPLES a folder where each process writes every request
(time, name, milliseconds, ok) for bench/load/report.py.
"""

import json
import os
import random
import time
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from locust import LoadTestShape, between, events, task
from locust.contrib.fasthttp import FastHttpUser

from bench.load.browser import Cookies, csrf_of, error_of, form_of, totp

PLAN = json.loads(Path(os.environ["KOMPETEN_LOAD_PLAN"]).read_text())
PROCESSES = int(os.environ.get("KOMPETEN_LOAD_PROCESSES", "1"))
WRONG_ANSWERS = 0.15  # the share of quiz submissions with a wrong answer (the next attempt follows)
# What the quiz's results say when a wrong answer used its last attempt: the answer to that post, not
# an error; the learner goes on to their next course.
QUIZ_LOCKED = "Batas percobaan kuis sudah habis. Hubungi pelatih atau BKPSDM."
HR_REPORTS = [  # (weight, name, URL) of HR's reports and exports (appraisal_link/reports/urls.py)
    (3, "HR JP report", "/admin/sdm/laporan/jp/"),
    (1, "HR JP export (CSV)", "/admin/sdm/laporan/jp/?format=csv"),
    (1, "HR JP export (XLSX)", "/admin/sdm/laporan/jp/?format=xlsx"),
    (2, "HR gap heatmap", "/admin/sdm/laporan/kesenjangan/"),
    (1, "HR gap closure", "/admin/sdm/laporan/penutupan/"),
]


class _Accounts:
    """This process's share of the plan's accounts, handed out one per simulated person."""

    def __init__(self, items: list):
        self.items, self.next = items, 0

    def take(self, index: int):
        share = self.items[index::PROCESSES]
        taken = share[self.next % len(share)]
        self.next += 1
        return taken


_employees, _hr = _Accounts(PLAN["employees"]), _Accounts(PLAN["hr"])


def _unanswered(response) -> bool:
    """No answer at all (connection refused or reset, a timeout): a failure, counted as such."""
    if response.status_code:
        return False
    response.failure(f"no answer: {getattr(response, 'error', None)!r}")
    return True


class _Person(FastHttpUser):
    """A logged-in visitor behind the TLS proxy, with their own cookies. geventhttpclient's client
    (FastHttpUser) costs a fraction of the CPU of `requests`, and locust shares the server's machine."""

    abstract = True
    wait_time = between(20, 40)
    concurrency = 1  # one connection per person, as a browser's page with its assets would reuse
    network_timeout = connection_timeout = 120.0

    def login(self, session_key: str) -> None:
        self.client.cookiejar.set_policy(DefaultCookiePolicy(allowed_domains=[]))  # cookies kept by hand
        self.cookies = Cookies({PLAN["cookies"]["session"]: session_key})
        self.origin = "https://" + urlsplit(self.host).netloc

    def get(self, url: str, name: str, *, expect=(200,), after: str = "", answer: str = ""):
        """GET without following a redirect; anything but `expect` (a redirect to the login, say) fails,
        and so does an error message on the page a post (`after`) was sent back to, unless it is the
        `answer` that post may get. A failure must be marked inside the `with`: locust has reported
        the request once the block is left."""
        headers = {"X-Forwarded-Proto": "https", "Cookie": self.cookies.header()}
        with self.client.get(url, name=name, headers=headers, allow_redirects=False, catch_response=True) as response:
            if _unanswered(response):
                return response
            self.cookies.update(response.headers.getlist("Set-Cookie"))
            location = response.headers.get("Location", "")
            if response.status_code not in expect or "/accounts/login/" in location:
                response.failure(f"{response.status_code} {location}")
            elif after and response.status_code == 200 and (error := error_of(response.text)) not in (None, answer):
                response.failure(f"error message after POST {after}: {error}")
            return response

    def post(self, url: str, name: str, data: dict):
        """A form post with its CSRF token, as the browser sends it from the page; it must redirect."""
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": self.cookies.header(),
            "Origin": self.origin,
            "Referer": self.origin + url,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        body = urlencode(data, doseq=True)  # a quiz's answers are lists: one field per answer, as a browser sends
        with self.client.post(
            url, data=body, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            if _unanswered(response):
                return response
            self.cookies.update(response.headers.getlist("Set-Cookie"))
            if response.status_code != 302:
                response.failure(f"{response.status_code} instead of a redirect")
            return response


class EmployeeUser(_Person):
    weight = 1

    def on_start(self):
        account = _employees.take(self.environment.runner.worker_index)
        self.login(account["session"])
        self.courses = [account["course"], *account["next"]]
        self.enrolled, self.done, self.pending = account["enrolled"], account["done"], None

    # --- what they do ---------------------------------------------------------------------------
    @task(3)
    def catalog(self):
        catalog = PLAN["catalog"]
        roll = random.random()
        if roll < 0.25:
            self.get(f"{catalog['url']}?q={catalog['search']}", "catalog search")
        elif roll < 0.5:
            self.get(f"{catalog['url']}?halaman={random.randint(2, catalog['pages'])}", "catalog")
        else:
            self.get(catalog["url"], "catalog")

    @task(2)
    def course(self):
        if self.courses:
            self.visit(self.course_plan()["url"], "course")

    @task(5)
    def study(self):
        """Read the lesson (or the course page, to enrol); the next time, post its form."""
        if not self.courses:
            return
        if self.pending is not None:
            self.submit()
        elif not self.enrolled:
            self.visit(self.course_plan()["url"], "course")
        else:
            lesson = self.course_plan()["lessons"][self.done]
            response = self.visit(lesson["url"], "quiz page" if lesson["quiz"] else "lesson", expect=(200, 302))
            if response.status_code == 302:  # locked: the quiz's attempts are used up; on to the next course
                self.course_finished()

    @task(2)
    def dashboard(self):
        self.get("/dasbor/", "dashboard")

    @task(1)
    def hub(self):
        hub = PLAN["hub"]
        if random.random() < 0.4 or len(hub) == 1:
            self.get(hub[0], "hub")
        else:
            self.get(random.choice(hub[1:]), "hub article")

    # --- the course they follow ---------------------------------------------------------------
    def course_plan(self) -> dict:
        return PLAN["courses"][str(self.courses[0])]

    def visit(self, url: str, name: str, *, expect=(200,), after: str = "", answer: str = ""):
        """Open a page of the course and keep its form, if it has one, for the next `study`."""
        response = self.get(url, name, expect=expect, after=after, answer=answer)
        if response.status_code != 200:
            return response
        form = form_of(response.text)
        if answer and error_of(response.text) == answer:
            self.course_finished()  # the quiz's attempts are used up
        elif form is None and self.enrolled and url == self.current_lesson_url():
            self.lesson_passed()  # done already (or the results of a passed quiz)
        elif form is None and not self.enrolled and url == self.course_plan()["url"]:
            self.enrolled = True  # enrolled already (by HR's assignment, say)
        elif form is not None and (form["kind"] == "enrol") != self.enrolled:
            self.pending = form
        return response

    def current_lesson_url(self) -> str | None:
        lessons = self.course_plan()["lessons"]
        return lessons[self.done]["url"] if self.done < len(lessons) else None

    def submit(self):
        form, self.pending = self.pending, None
        data = dict(form["fields"])
        right = False
        if form["kind"] == "quiz":
            key = self.course_plan()["answers"][form["action"].rstrip("/").rsplit("/", 1)[-1]]
            right = random.random() >= WRONG_ANSWERS
            data.update(key if right else _wrong(key))
        response = self.post(form["action"], f"POST {form['kind']}", data)
        if response.status_code != 302:
            return
        target = urlsplit(response.headers["Location"]).path
        if form["kind"] == "enrol":
            self.enrolled = True
        elif form["kind"] == "done" or right:
            self.lesson_passed()
        name = "lesson" if "/pelajaran-" in target else "course"
        self.visit(target, name, after=form["kind"], answer=QUIZ_LOCKED if form["kind"] == "quiz" and not right else "")

    def lesson_passed(self):
        self.done += 1
        if self.done >= len(self.course_plan()["lessons"]):
            self.course_finished()

    def course_finished(self):
        self.courses.pop(0)
        self.enrolled, self.done, self.pending = False, 0, None


def _wrong(key: dict[str, list[str]]) -> dict[str, list[str]]:
    """The answer key with its first answer changed: one question wrong of three fails the pass mark."""
    first = next(iter(key))
    wrong = dict(key)
    wrong[first] = ["1"] if key[first] == ["0"] else ["0"]
    return wrong


class HRUser(_Person):
    fixed_count = int(os.environ.get("KOMPETEN_LOAD_HR", "10"))

    def on_start(self):
        account = _hr.take(self.environment.runner.worker_index)
        self.login(account["session"])
        self.secret = account["totp"]

    @task
    def report(self):
        _weight, name, url = random.choices(HR_REPORTS, weights=[row[0] for row in HR_REPORTS])[0]
        response = self.get(url, name, expect=(200, 302))
        location = urlsplit(response.headers.get("Location", ""))
        if response.status_code == 302 and location.path.endswith("/reauthenticate/"):
            self.reauthenticate(location.path, location.query)
            self.get(url, name)
        elif response.status_code == 302:
            response.failure(f"302 {location.path}")

    def reauthenticate(self, path: str, query: str):
        """An export asks for the second factor again once the last one is 5 minutes old."""
        page = self.get(f"{path}?{query}", "HR 2FA re-authentication")
        token = csrf_of(page.text) if page.status_code == 200 else None
        if token:
            data = {"csrfmiddlewaretoken": token, "code": totp(self.secret)}
            self.post(f"{path}?{query}", "POST HR 2FA re-authentication", data)


class Stages(LoadTestShape):
    """Users over time: a ramp and a hold, or steps (bench/load_run.py computes the stages)."""

    stages = json.loads(os.environ.get("KOMPETEN_LOAD_STAGES", "[]"))

    def tick(self):
        run_time = self.get_run_time()
        for until, users, rate in self.stages:
            if run_time < until:
                return users, rate
        return None


_samples = None


@events.init.add_listener
def _samples_open(environment, **_kwargs):
    global _samples
    folder = os.environ.get("KOMPETEN_LOAD_SAMPLES")
    if folder:
        _samples = open(Path(folder) / f"samples-{os.getpid()}.csv", "a", buffering=1 << 16)  # noqa: SIM115


@events.request.add_listener
def _sample(request_type, name, response_time, exception, **_kwargs):
    if _samples is not None:
        _samples.write(f"{time.time():.3f},{name},{response_time:.1f},{0 if exception else 1}\n")


@events.quitting.add_listener
def _samples_close(**_kwargs):
    if _samples is not None:
        _samples.flush()
